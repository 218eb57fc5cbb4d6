// The tokenizer widget on /glossary/token, in headless Chromium: the JavaScript it adds (every
// script and worker requested after the page's own load, gzip -9, split into the page's chunks and
// the worker that carries the vocabulary), how long until it is ready, and frame times and long
// tasks on the page thread while a reader uses it: typing on a short text, typing at the end of the
// long report, and pasting 200,000 characters. Goal: frame p95 ≤ 16.7 ms and no long task.
// Run after `npm run build`. Env: BENCH_PORT (3830), PHASE_SECONDS (8), CHROMIUM_PATH, VERBOSE=1.
import { chromium } from "@playwright/test";
import os from "node:os";
import { kib, startServer } from "./first-load.mjs";
import { CHROMIUM_LAUNCH, filesFetchedLater, frameStats, LONG_TASK_MS, mainThreadTasks, networkIdle, openBenchPage, recordFrames } from "./harness.mjs";

const port = Number(process.env.BENCH_PORT ?? 3830);
const PHASE_SECONDS = Number(process.env.PHASE_SECONDS ?? 8);
const VERBOSE = process.env.VERBOSE === "1";
const WIDGET = '[data-widget="tokenizer"]';
const SENTENCE = "The quick brown fox jumps over the lazy dog, and every word becomes a token or two. ";

/** CPU time of each task on the page's main thread, from a Chromium trace. */
function mainThreadCpu(buffer) {
  const cpu = mainThreadTasks(JSON.parse(buffer.toString()).traceEvents);
  return { max: Math.max(0, ...cpu), over: cpu.filter((ms) => ms > LONG_TASK_MS).length };
}

const now = (page) => page.evaluate(() => performance.now());
const settled = (page) => page.waitForFunction((sel) => document.querySelector(sel)?.dataset.busy === "false", WIDGET, { timeout: 30_000 });

/** Types for `seconds` at about 15 characters a second (a fast typist), pointing at chips now and then. */
async function typeFor(page, widget, seconds) {
  const box = widget.getByLabel("Your text");
  const end = Date.now() + seconds * 1000;
  let i = 0;
  while (Date.now() < end) {
    await box.press(SENTENCE[i % SENTENCE.length] === " " ? "Space" : SENTENCE[i % SENTENCE.length]);
    i++;
    if (i % 20 === 0) await widget.locator(".tk-chip").nth(i % 10).hover();
    await page.waitForTimeout(60);
  }
  return i;
}

const server = await startServer(port);
let browser;
try {
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  const { context, page, problems } = await openBenchPage(browser, { initScripts: [recordFrames] });
  const later = filesFetchedLater(context);
  const workers = [];
  page.on("worker", (w) => workers.push(w));

  await page.goto(`${server.base}/glossary/token`, { waitUntil: "load" });
  await networkIdle(page, problems, 10_000, "the page did not go network-idle");
  const live = await page.locator(`${WIDGET}[data-live="true"]`).count();
  if (live) problems.push("the widget was live before scrolling: the test page is too short");
  later.start();

  const widget = page.locator(WIDGET);
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  const scrolledAt = await now(page);
  await widget.evaluate((el) => el.scrollIntoView({ block: "start", behavior: "instant" }));
  await page.locator(`${WIDGET}[data-ready="true"]`).waitFor({ timeout: 45_000 });
  const readyAt = await now(page);
  const loadingCpu = mainThreadCpu(await browser.stopTracing());
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
  const files = await later.files();
  for (const f of files) if (f.error) throw new Error(`could not read ${f.url}: ${f.error}`);
  // What the worker fetched itself (its script, and the chunks it imports) is in its own resource timeline.
  const workerUrls = new Set();
  for (const w of workers) {
    workerUrls.add(w.url());
    for (const url of await w.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name))) workerUrls.add(url);
  }
  if (!workers.length) problems.push("no worker started");
  const path = (url) => new URL(url).pathname;
  const workerPaths = new Set([...workerUrls].map(path));
  const inWorker = (f) => workerPaths.has(path(f.url));
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  const loading = await frameStats(page, scrolledAt, readyAt);

  console.log(`Tokenizer widget on /glossary/token — viewport 1280×900, Chromium ${browser.version()} (--disable-gpu)`);
  console.log(`machine: load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs${os.loadavg()[0] > os.cpus().length / 2 ? " — busy: timings will be noisy" : ""}\n`);
  console.log("JavaScript the widget adds (requested after the page's own load, gzip -9):");
  const pageFiles = files.filter((f) => !inWorker(f));
  const workerFiles = files.filter(inWorker);
  console.log(`  page chunks   ${String(pageFiles.length).padStart(2)} files  ${kib(sum(pageFiles, "raw")).padStart(11)} raw  ${kib(sum(pageFiles, "gzip")).padStart(10)} gzip`);
  console.log(`  worker        ${String(workerFiles.length).padStart(2)} files  ${kib(sum(workerFiles, "raw")).padStart(11)} raw  ${kib(sum(workerFiles, "gzip")).padStart(10)} gzip  (the cl100k_base vocabulary and the encoder)`);
  console.log(`  total         ${String(files.length).padStart(2)} files  ${kib(sum(files, "raw")).padStart(11)} raw  ${kib(sum(files, "gzip")).padStart(10)} gzip`);
  if (VERBOSE) for (const f of files) console.log(`    ${kib(f.gzip).padStart(10)}  ${inWorker(f) ? "worker" : "page  "}  ${f.url}`);
  console.log(`\nscroll → ready (vocabulary fetched, parsed in the worker, first text tokenized): ${(readyAt - scrolledAt).toFixed(0)} ms`);

  const rows = [["phase", "frames", "p50 ms", "p95 ms", ">16.7ms", "long tasks", "max task CPU", "tasks >50ms CPU", "worker ms"]];
  const row = (name, s, cpu, workerMs) => [
    name,
    String(s.frames),
    s.p50.toFixed(2),
    s.p95.toFixed(2),
    `${(s.over * 100).toFixed(0)}%`,
    s.longTasks ? `${s.longTasks} (${s.longest.toFixed(0)} ms)` : "0",
    cpu ? `${cpu.max.toFixed(1)} ms` : "—",
    cpu ? String(cpu.over) : "—",
    workerMs,
  ];
  rows.push(row("loading (scroll → ready)", loading, loadingCpu, "—"));
  const encodeMs = async () => `${await widget.getAttribute("data-encode-ms")}`;

  /** Runs one phase under a trace: frame times and long tasks by the wall clock, and CPU per task. */
  async function phase(name, run, tail = 0) {
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    const t0 = await now(page);
    await run();
    await settled(page);
    await page.waitForTimeout(tail);
    const t1 = await now(page);
    const cpu = mainThreadCpu(await browser.stopTracing());
    rows.push(row(name, await frameStats(page, t0, t1), cpu, await encodeMs()));
  }

  const box = widget.getByLabel("Your text");
  // 1. Typing on the short English example.
  await phase("typing, short text", async () => {
    await box.focus();
    await box.press("Control+End");
    await typeFor(page, widget, PHASE_SECONDS);
  });
  // 2. The long report (≈ 47,000 characters, 9,440 tokens): pick it, then type at its end and at its
  // start (where every chip after the edit moves along).
  await phase("pick the long report", () => widget.getByRole("button", { name: "Long report" }).click(), 300);
  await phase("typing at the end of the long report", async () => {
    await box.focus();
    await box.press("Control+End");
    await typeFor(page, widget, PHASE_SECONDS);
  });
  await phase("typing at the start of the long report", async () => {
    await box.focus();
    await box.press("Control+Home");
    await typeFor(page, widget, PHASE_SECONDS);
  });
  // 3. Pasting 200,000 characters (the most the text box takes).
  const paste = SENTENCE.repeat(Math.ceil(200_000 / SENTENCE.length)).slice(0, 200_000);
  await phase("paste 200,000 characters", () => box.fill(paste), 300);
  const tokens = await widget.getAttribute("data-tokens");

  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log("\n" + rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")).join("\n"));
  console.log(`\n(the pasted text was ${tokens} tokens; "worker ms" = the worker's time to tokenize and count the last text, off the page thread)`);
  console.log(`frame p50/p95 from requestAnimationFrame intervals; long tasks = page-thread tasks > ${LONG_TASK_MS} ms by the wall clock (longest in brackets);`);
  console.log(`max task CPU / tasks >50ms CPU = the same tasks by the CPU time the page thread spent in them (Chromium trace), which other`);
  console.log(`work on a shared machine cannot stretch: when the two disagree, the machine was busy, not the page.`);
  if (!loading.supported) problems.push("this Chromium does not report long tasks");
  for (const p of problems) console.log(`  ! ${p}`);
  await context.close();
} finally {
  await browser?.close().catch(() => {});
  server.stop?.();
}
