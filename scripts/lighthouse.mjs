// Lighthouse gates (mobile preset, Debian's Chromium) on the pages that matter: home, the glossary
// index, Deep Learning (with the layer visualizer) and one plain entry. Prints every score and the
// key figures; writes test-results/suite-lighthouse.json for the test summary; exits 1 below budget.
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startServer } from "../bench/first-load.mjs";

const BUDGET = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
// Every category gates, and CLS. LIGHTHOUSE_GATE_PERFORMANCE=0 prints performance without gating
// it, for a machine too busy to measure it fairly.
const gated = process.env.LIGHTHOUSE_GATE_PERFORMANCE === "0" ? Object.keys(BUDGET).filter((k) => k !== "performance") : Object.keys(BUDGET);
// LIGHTHOUSE_PAGES=/glossary,/ measures only those (while working on one page); CI measures all four.
const PAGES = process.env.LIGHTHOUSE_PAGES?.split(",") ?? ["/", "/glossary", "/glossary/deep-learning", "/glossary/epoch"];
const port = Number(process.env.LIGHTHOUSE_PORT ?? 3150);

const server = await startServer(port);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
/** One Lighthouse run; a trace can fail to record on a busy machine (NO_NAVSTART): that is Lighthouse, not the page, so try again. */
async function measure(path) {
  let result;
  for (let attempt = 0; attempt < 3 && (!result || result.lhr.runtimeError); attempt++) {
    result = await lighthouse(`${server.base}${path}`, { port: chrome.port, output: "json", logLevel: "error" });
  }
  if (!result || result.lhr.runtimeError) {
    console.log(path.padEnd(26), `Lighthouse could not measure the page: ${result?.lhr.runtimeError?.message ?? "no result"}`);
    return undefined;
  }
  return result;
}

/** Asks for the page and every file it names once, as an earlier reader would have (nginx opens its files). */
async function warm(path) {
  const html = await fetch(`${server.base}${path}`).then((r) => r.text());
  const files = [...new Set([...html.matchAll(/(?:src|href)="(\/[^"#]+\.(?:js|css|woff2|svg)[^"]*)"/g)].map((m) => m[1].replaceAll("&amp;", "&")))];
  await Promise.all(files.map((file) => fetch(`${server.base}${file}`, { headers: { "accept-encoding": "br" } }).then((r) => r.arrayBuffer())));
}

// Several runs make the figure fair (LIGHTHOUSE_RUNS, three as Lighthouse CI does); a page whose median misses gets as many more.
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));

const perf = (run) => Math.round(run.lhr.categories.performance.score * 100);
const medianRun = (runs) => [...runs].sort((a, b) => perf(a) - perf(b))[Math.floor((runs.length - 1) / 2)];

/**
 * A page's performance score moves with whatever else the machine is doing, so each page is
 * measured RUNS times and the median run (by performance) counts, as Lighthouse CI does: one noisy
 * trace neither fails nor passes a page on its own. When that median falls below the gate, the
 * page is measured RUNS times more and the median of all the runs decides: a better estimate from
 * more data, not a second chance of the same draw (the summary names the page either way).
 */
async function measureSteadily(path) {
  await warm(path);
  const runs = [];
  const measureMore = async () => {
    for (let i = 0; i < RUNS; i++) {
      const run = await measure(path);
      if (run) runs.push(run);
    }
  };
  await measureMore();
  if (runs.length === 0) return undefined;
  const gatesPerformance = gated.includes("performance") && RUNS > 1;
  if (gatesPerformance && perf(medianRun(runs)) < BUDGET.performance) {
    console.log(`  ${path} performance median ${perf(medianRun(runs))} over ${runs.length} runs (${runs.map(perf).sort((a, b) => a - b).join(", ")}), below ${BUDGET.performance}: measuring ${RUNS} more`);
    await measureMore();
  }
  if (runs.length > 1) console.log(`  ${path} performance over ${runs.length} runs: ${runs.map(perf).sort((a, b) => a - b).join(", ")}; the median run counts`);
  return medianRun(runs);
}

let passed = 0;
let failed = 0;
try {
  console.log("page".padEnd(26), "perf", "a11y", "best", " seo", "   LCP", "   TBT", "  CLS", "verdict");
  for (const path of PAGES) {
    const result = await measureSteadily(path);
    if (!result) {
      failed++;
      continue;
    }
    const { categories, audits } = result.lhr;
    const score = (id) => Math.round((categories[id].score ?? 0) * 100);
    const misses = gated.filter((id) => score(id) < BUDGET[id]);
    const cls = audits["cumulative-layout-shift"].numericValue ?? Number.NaN;
    // Lighthouse shows CLS to three decimals; anything that prints as 0.000 is no visible shift.
    if (!(cls < 0.0005)) misses.push("CLS");
    const note = score("performance") < BUDGET.performance && !gated.includes("performance") ? " (performance below 95, not gated here)" : "";
    for (const [id] of Object.entries(BUDGET)) {
      if (score(id) < BUDGET[id]) {
        const failing = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && categories[id].auditRefs.some((r) => r.id === a.id && r.weight > 0));
        console.log(`  ${path} ${id}: ${failing.map((a) => `${a.id} (${a.displayValue ?? a.score})`).join(", ")}`);
      }
    }
    if (misses.length === 0) passed++;
    else failed++;
    console.log(
      path.padEnd(26),
      String(score("performance")).padStart(4),
      String(score("accessibility")).padStart(4),
      String(score("best-practices")).padStart(4),
      String(score("seo")).padStart(4),
      `${((audits["largest-contentful-paint"].numericValue ?? Number.NaN) / 1000).toFixed(2)}s`.padStart(6),
      `${Math.round(audits["total-blocking-time"].numericValue ?? Number.NaN)}ms`.padStart(6),
      cls.toFixed(3).padStart(5),
      misses.length === 0 ? `ok${note}` : `BELOW BUDGET: ${misses.join(", ")}`,
    );
  }
} finally {
  await chrome.kill();
  server.stop();
}
fs.mkdirSync("test-results", { recursive: true });
fs.writeFileSync("test-results/suite-lighthouse.json", JSON.stringify({ passed, failed }));
console.log(`lighthouse: ${passed} pages within budget, ${failed} below (budget: accessibility/best practices/SEO 100, CLS 0${gated.includes("performance") ? ", performance ≥ 95" : "; performance printed, not gated"})`);
process.exit(failed > 0 ? 1 : 0);
