// The CPU-versus-GPU race widget on /glossary/gpu, in headless Chromium: the JS it adds (every script
// fetched once the page has settled — scrolling to the widget, then the worker and TF.js on Start —
// gzipped), frame times p50/p95 and long tasks (> 50 ms) on the page's main thread while the race
// runs in its worker, and the GFLOP/s each backend reached on this machine.
// Goals: frame p95 ≤ 16.7 ms, no long task. Run after `npm run build`.
// Env: BENCH_PORT (3401), RUNS (2), MAX_SIZE (1024), CHROMIUM_PATH (/usr/bin/chromium), VERBOSE=1 to list the files.
import { chromium } from "@playwright/test";
import os from "node:os";
import { firstLoadJs, kib, startServer } from "./first-load.mjs";
import { CHROMIUM_LAUNCH, filesFetchedLater, FRAME_BUDGET_MS, frameStats, LONG_TASK_MS, mainThreadTasks, median, meetsFrameBudget, networkIdle, openBenchPage, quantile, recordFrames } from "./harness.mjs";

const port = Number(process.env.BENCH_PORT ?? 3401);
const RUNS = Number(process.env.RUNS ?? 2);
const MAX_SIZE = String(process.env.MAX_SIZE ?? 1024);
const VERBOSE = process.env.VERBOSE === "1";
const PATH = "/glossary/gpu";
const WIDGET = '[data-widget="cpu-gpu-race"]';


/** "cpu 32=0.21 64=0.43;wasm …" → { cpu: [[32, 0.21], [64, 0.43]], … } */
const parseRates = (text) =>
  Object.fromEntries(
    (text ?? "")
      .split(";")
      .filter(Boolean)
      .map((lane) => {
        const [id, ...points] = lane.split(" ");
        return [id, points.map((p) => p.split("=").map(Number))];
      }),
  );

async function measure(browser, base) {
  const { context, page, problems } = await openBenchPage(browser, { initScripts: [recordFrames] });
  try {
    const later = filesFetchedLater(context, { once: true });
    await page.goto(base + PATH, { waitUntil: "load" });
    await networkIdle(page, problems, 10_000, "the page did not go network-idle");
    later.start();
    const widget = page.locator(WIDGET);
    await widget.evaluate((el) => el.scrollIntoView({ block: "start", behavior: "instant" }));
    await page.waitForSelector(`${WIDGET}[data-live="true"] [data-testid="lane-cpu"][data-status="ready"]`, { timeout: 45_000 });
    await widget.getByLabel("Largest size").selectOption(MAX_SIZE);
    // A trace gives each main-thread task's CPU time, which, unlike the wall clock, does not grow when
    // other processes (or the race's own worker) take the CPU away from the page.
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    const startAt = await page.evaluate(() => performance.now());
    await widget.getByRole("button", { name: "Start the race" }).click();
    await page.waitForSelector(`${WIDGET}[data-running="true"]`);
    await page.waitForSelector(`${WIDGET}[data-running="false"]`, { timeout: 180_000 });
    const endAt = await page.evaluate(() => performance.now());
    const cpuTasks = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
    const cpu = { tasks: cpuTasks, total: cpuTasks.reduce((n, t) => n + t, 0) };
    await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
    const files = await later.files();
    const run = await frameStats(page, startAt, endAt);
    if (!run.supported) problems.push("this Chromium does not report long tasks");
    for (const f of files) if (f.error) problems.push(`could not read ${f.url}: ${f.error}`);
    const probe = await widget.evaluate((el) => ({ rates: el.dataset.rates, lanes: el.dataset.lanes, tensors: el.dataset.numTensors }));
    const summary = (await widget.getByTestId("summary").textContent()).trim();
    const laneText = {};
    for (const id of ["cpu", "wasm", "webgl", "webgpu"]) laneText[id] = (await widget.getByTestId(`lane-${id}`).textContent()).trim();
    return {
      seconds: (endAt - startAt) / 1000,
      frameP50: run.p50,
      frameP95: run.p95,
      frameMax: run.deltas.at(-1) ?? Number.NaN,
      longTasks: run.longTasks,
      longest: run.longest,
      taskCpuP95: quantile(cpu.tasks, 0.95),
      taskCpuMax: cpu.tasks.at(-1) ?? Number.NaN,
      cpuLongTasks: cpu.tasks.filter((t) => t > LONG_TASK_MS).length,
      cpuShare: cpu.total / (endAt - startAt),
      jsGzip: files.filter((f) => !f.error).reduce((n, f) => n + f.gzip, 0),
      jsFiles: files.filter((f) => !f.error).length,
      files,
      rates: parseRates(probe.rates),
      lanes: probe.lanes,
      tensors: probe.tensors,
      laneText,
      summary,
      problems,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

const server = await startServer(port);
let browser;
try {
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  const load = () => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} CPUs`;
  console.log(`CPU-versus-GPU race widget on ${PATH}: ${RUNS} full race(s) up to ${MAX_SIZE}×${MAX_SIZE}, viewport 1280×900`);
  console.log(`Chromium ${browser.version()} (${CHROMIUM_LAUNCH.executablePath}, --disable-gpu); machine: ${load()}`);
  console.log(`JS gz = every script fetched after the page settled (the widget, its worker, TF.js on Start), gzip -9; frames = main-thread requestAnimationFrame intervals from Start to the end\n`);
  const results = [];
  for (let run = 1; run <= RUNS; run++) {
    try {
      const r = await measure(browser, server.base);
      results.push(r);
      console.log(
        `run ${run}: ${r.seconds.toFixed(1)} s race · frame p50 ${r.frameP50.toFixed(2)} ms, p95 ${r.frameP95.toFixed(2)} ms, max ${r.frameMax.toFixed(1)} ms · long tasks ${r.longTasks}${r.longTasks ? ` (max ${r.longest.toFixed(0)} ms)` : ""} · main-thread task CPU p95 ${r.taskCpuP95.toFixed(1)} ms, max ${r.taskCpuMax.toFixed(1)} ms, ${r.cpuLongTasks} over ${LONG_TASK_MS} ms, ${(r.cpuShare * 100).toFixed(0)}% of the wall clock · JS ${kib(r.jsGzip)} gz in ${r.jsFiles} files · tensors after ${r.tensors}`,
      );
      for (const [id, points] of Object.entries(r.rates)) console.log(`    ${id.padEnd(6)} ${points.map(([n, g]) => `${n}: ${g}`).join("  ")}  GFLOP/s`);
      for (const [id, text] of Object.entries(r.laneText)) console.log(`    ${id.padEnd(6)} ${text}`);
      console.log(`    summary: ${r.summary}`);
      for (const p of r.problems) console.log(`  ! ${p}`);
      if (VERBOSE) for (const f of r.files) console.log(`    ${f.error ? f.error : kib(f.gzip).padStart(10)}  ${f.url}`);
    } catch (error) {
      console.log(`run ${run}: ERROR ${error.message.split("\n")[0]}`);
      process.exitCode = 1;
    }
  }
  if (results.length) {
    const plain = await firstLoadJs(server.base, "/glossary/epoch");
    const first = await firstLoadJs(server.base, PATH);
    console.log(`\nfirst load: ${PATH} ${kib(first.gzip)} gz in ${first.files} files; /glossary/epoch (no widget) ${kib(plain.gzip)} gz`);
    console.log(`JS the widget adds (scrolling to it and one race): ${kib(median(results.map((r) => r.jsGzip)))} gz (median of runs)`);
    const best = {};
    for (const r of results) for (const [id, points] of Object.entries(r.rates)) for (const [n, g] of points) if (!best[id] || g > best[id].g) best[id] = { n, g };
    console.log(`best GFLOP/s per backend on this machine: ${Object.entries(best).map(([id, b]) => `${id} ${b.g} at ${b.n}×${b.n}`).join(" · ")}`);
    const worstP95 = Math.max(...results.map((r) => r.frameP95));
    const longTasks = results.reduce((n, r) => n + r.longTasks, 0);
    console.log(`Goals (worst run): ${meetsFrameBudget(worstP95) ? "PASS" : "MISS"} frame p95 ≤ ${FRAME_BUDGET_MS} ms on a 0.1 ms clock (${worstP95.toFixed(2)} ms) · ${longTasks === 0 ? "PASS" : "MISS"} no long task (${longTasks})`);
  }
  if (results.length) {
    const worstTask = Math.max(...results.map((r) => r.taskCpuMax));
    const cpuLong = results.reduce((n, r) => n + r.cpuLongTasks, 0);
    console.log(`By CPU time (load-independent): longest main-thread task ${worstTask.toFixed(1)} ms of CPU · ${cpuLong} task(s) over ${LONG_TASK_MS} ms of CPU`);
  }
  console.log(`machine: ${load()} at the end`);
} finally {
  await browser?.close().catch(() => {});
  server.stop();
}
