// What the benches of widgets that play (Play/Pause, a counter, a run that ends and starts again)
// share: each entry live in headless Chromium, the JS the widget adds (every script fetched once it
// starts loading, gzipped), frame times p50/p95 and long tasks while it plays against the same page
// idle, how long its animation-frame callbacks run, main-thread CPU from a trace, its counter's
// rate, and whether tensors pile up. Goals: frame p95 ≤ 16.7 ms, no long task.
// Env: BENCH_PORT, RUN_SECONDS (12), CHROMIUM_PATH (/usr/bin/chromium), VERBOSE=1 to list the files.
import { chromium } from "@playwright/test";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { firstLoadJs, kib, startServer } from "./first-load.mjs";
import { CHROMIUM_LAUNCH, filesFetchedLater, FRAME_BUDGET_MS, frameStats, LONG_TASK_MS, mainThreadTasks, meetsFrameBudget, networkIdle, openBenchPage, quantile, recordFrames, timeFrameCallbacks } from "./harness.mjs";

const RUN_SECONDS = Number(process.env.RUN_SECONDS ?? 12);
const VERBOSE = process.env.VERBOSE === "1";
if (!(RUN_SECONDS > 0)) throw new Error("RUN_SECONDS must be a positive number");
// A production server refuses to start without its secrets unless told to use the development ones.
process.env.LUMOMATE_ALLOW_DEV_DEFAULTS ??= "1";

async function measure(browser, base, entry, widgetSpec) {
  const { WIDGET, counter } = widgetSpec;
  const { context, page, problems } = await openBenchPage(browser, { initScripts: [recordFrames, timeFrameCallbacks] });
  try {
    // Every script after the page has settled, i.e. what scrolling to the widget brings.
    const later = filesFetchedLater(context);
    await page.goto(base + entry.path, { waitUntil: "load" });
    await networkIdle(page, problems, 10_000, "the page did not go network-idle");
    later.start();
    const widget = page.locator(WIDGET);
    await widget.evaluate((el) => el.scrollIntoView({ block: "start", behavior: "instant" }));
    // The still's badge reads "TF.js · —"; the live widget names its backend once TF.js is up.
    await page.waitForFunction((sel) => /^TF\.js · (cpu|wasm|webgl)/.test(document.querySelector(`${sel} .widget__badge`)?.textContent ?? ""), WIDGET, { timeout: 45_000 });
    await networkIdle(page, problems, 15_000, "the widget's files did not settle");
    const backend = (await widget.locator(".widget__badge").textContent()).trim();

    // The same page sitting idle first: what this machine does to frame times without training.
    const idleFrom = await page.evaluate(() => performance.now());
    await sleep((RUN_SECONDS * 1000) / 2);
    const idleTo = await page.evaluate(() => performance.now());

    // A trace of the run gives each main-thread task's CPU time (thread time), which, unlike the wall
    // clock, does not grow when other processes take the CPU away from the page.
    await entry.prepare?.(widget);
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    const playAt = await page.evaluate(() => performance.now());
    await widget.getByRole("button", { name: "Play", exact: true }).click();
    let runs = 1;
    let count = 0;
    let last = 0;
    const tensors = new Set();
    const deadline = Date.now() + RUN_SECONDS * 1000;
    while (Date.now() < deadline) {
      await sleep(200);
      const s = await widget.evaluate((el, attribute) => ({ playing: el.dataset.playing, count: Number(el.dataset[attribute]), tensors: Number(el.dataset.numTensors) }), counter.attribute);
      if (s.count >= 2) tensors.add(s.tensors);
      count += Math.max(0, s.count - last);
      last = s.count;
      // A run ends on its own; start the next one at once.
      if (s.playing === "false" && Date.now() < deadline - 500) {
        await widget.getByRole("button", { name: "Play", exact: true }).click();
        runs++;
        last = 0;
      }
    }
    const endAt = await page.evaluate(() => performance.now());
    const cpuTasks = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
    const cpu = { tasks: cpuTasks, total: cpuTasks.reduce((n, t) => n + t, 0) };
    const files = await later.files();
    const run = await frameStats(page, playAt, endAt);
    const idle = await frameStats(page, idleFrom, idleTo);
    const callbacks = (await page.evaluate(() => window.__bench.callbacks)).filter((c) => c.at >= playAt && c.at <= endAt && c.ms > 0.05).map((c) => c.ms).sort((a, b) => a - b);
    if (!run.supported) problems.push("this Chromium does not report long tasks");
    for (const f of files) if (f.error) problems.push(`could not read ${f.url}: ${f.error}`);
    const summary = (await widget.getByTestId("summary").textContent()).trim();
    if (summary.startsWith("Something went wrong")) problems.push(summary);
    return {
      entry,
      backend,
      runs,
      perSecond: count / RUN_SECONDS,
      frameP50: run.p50,
      frameP95: run.p95,
      overBudget: run.over,
      longTasks: run.longTasks,
      longest: run.longest,
      longTaskAt: run.longTaskAt,
      idleP95: idle.p95,
      idleLongTasks: idle.longTasks,
      callbackP50: quantile(callbacks, 0.5),
      callbackP95: quantile(callbacks, 0.95),
      callbackMax: callbacks.at(-1) ?? Number.NaN,
      cpuPerFrame: cpu.total / Math.max(1, run.frames),
      cpuShare: cpu.total / (endAt - playAt),
      taskCpuP95: quantile(cpu.tasks, 0.95),
      taskCpuMax: cpu.tasks.at(-1) ?? Number.NaN,
      cpuLongTasks: cpu.tasks.filter((t) => t > LONG_TASK_MS).length,
      jsGzip: files.filter((f) => !f.error).reduce((n, f) => n + f.gzip, 0),
      jsFiles: files.filter((f) => !f.error).length,
      files,
      tensors: [...tensors],
      summary,
      problems,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Runs the bench. `widget`: { name, title, activity ("training", "racing"), settings (the entries'
 * column header), counter: { attribute ("epoch"), unit ("epochs"), runEnds ("epoch 3,000") } };
 * `entries`: [{ path, label, prepare?(widgetLocator) }]; `port`: where the production server listens.
 */
export async function benchPlayingWidget({ widget: spec, entries: ENTRIES, port }) {
  const WIDGET = `[data-widget="${spec.name}"]`;
  const { counter, activity } = spec;
  const server = await startServer(Number(process.env.BENCH_PORT ?? port));
  let browser;
  try {
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    const load = () => `load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs`;
    console.log(`${spec.title} widget: ${RUN_SECONDS} s of ${activity} per entry from the Play click (a new run whenever one reaches ${counter.runEnds})`);
    console.log(`viewport 1280×900, Chromium ${browser.version()} (${CHROMIUM_LAUNCH.executablePath}, --disable-gpu); machine: ${load()}${os.loadavg()[0] > os.cpus().length / 2 ? " — busy: timings will be noisy" : ""}`);
    console.log(`JS gz = every script fetched after the page settled (scrolling to the widget on), gzip -9; frame times from requestAnimationFrame intervals`);
    console.log(`callbacks = how long the page's animation-frame callbacks ran while ${activity}; idle = the same page stopped, for ${RUN_SECONDS / 2} s before Play`);
    console.log(`CPU/frame, CPU share, task CPU = main-thread CPU time (trace thread time) while ${activity}: per frame, as a share of the wall clock, per task; CPU>50ms = tasks over 50 ms of CPU\n`);
    const rows = [["entry", spec.settings, "backend", `${counter.unit}/s`, "runs", "frame p50", "frame p95", `>${FRAME_BUDGET_MS}ms`, "long tasks", "callbacks p50/p95/max", "idle p95 (long)", "CPU/frame", "CPU share", "task CPU p95/max", "CPU>50ms", "JS gz (files)", "tensors"]];
    const results = [];
    for (const entry of ENTRIES) {
      let r;
      try {
        r = await measure(browser, server.base, entry, { WIDGET, counter });
      } catch (error) {
        console.log(`${entry.path}: ERROR ${error.message.split("\n")[0]}`);
        process.exitCode = 1;
        continue;
      }
      results.push(r);
      rows.push([
        entry.path,
        entry.label,
        r.backend,
        r.perSecond.toFixed(0),
        String(r.runs),
        `${r.frameP50.toFixed(2)} ms`,
        `${r.frameP95.toFixed(2)} ms`,
        `${(r.overBudget * 100).toFixed(0)}%`,
        r.longTasks ? `${r.longTasks} (${r.longest.toFixed(0)} ms)` : "0",
        `${r.callbackP50.toFixed(1)}/${r.callbackP95.toFixed(1)}/${r.callbackMax.toFixed(1)} ms`,
        `${r.idleP95.toFixed(1)} ms (${r.idleLongTasks})`,
        `${r.cpuPerFrame.toFixed(1)} ms`,
        `${(r.cpuShare * 100).toFixed(0)}%`,
        `${r.taskCpuP95.toFixed(1)}/${r.taskCpuMax.toFixed(1)} ms`,
        String(r.cpuLongTasks),
        `${kib(r.jsGzip)} (${r.jsFiles})`,
        r.tensors.length === 1 ? `${r.tensors[0]} steady` : `VARIES ${r.tensors.join("/")}`,
      ]);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
    for (const row of rows) console.log(row.map((c, i) => (i < 3 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  "));
    for (const r of results) {
      for (const p of r.problems) console.log(`  ! ${r.entry.path}: ${p}`);
      if (VERBOSE) {
        console.log(`\n${r.entry.path} — last summary: ${r.summary}`);
        for (const f of r.files) console.log(`    ${f.error ? f.error : kib(f.gzip).padStart(10)}  ${f.url}`);
        if (r.longTasks) console.log(`    long tasks at ${r.longTaskAt.join(", ")} after Play`);
      }
    }
    // What the entry pages carry before any scrolling: the still and its observer, against a widget-free entry.
    const plain = await firstLoadJs(server.base, "/glossary/epoch");
    for (const entry of ENTRIES.slice(0, 1)) {
      const withWidget = await firstLoadJs(server.base, entry.path);
      console.log(`\nfirst load: ${entry.path} ${kib(withWidget.gzip)} gz in ${withWidget.files} files; /glossary/epoch (no widget) ${kib(plain.gzip)} gz in ${plain.files} files`);
    }
    if (results.length) {
      const worstP95 = Math.max(...results.map((r) => r.frameP95));
      const longTasks = results.reduce((n, r) => n + r.longTasks, 0);
      console.log(`\nGoals (worst entry): ${meetsFrameBudget(worstP95) ? "PASS" : "MISS"} frame p95 ≤ ${FRAME_BUDGET_MS} ms on a 0.1 ms clock (${worstP95.toFixed(2)} ms) · ${longTasks === 0 ? "PASS" : "MISS"} no long task (${longTasks})`);
      const worstCpu = Math.max(...results.map((r) => r.cpuPerFrame));
      const cpuLong = results.reduce((n, r) => n + r.cpuLongTasks, 0);
      console.log(`By CPU time (load-independent): worst ${worstCpu.toFixed(1)} ms of main-thread CPU per frame (budget ${FRAME_BUDGET_MS} ms) · ${cpuLong} task(s) over ${LONG_TASK_MS} ms of CPU`);
    }
    console.log(`machine: ${load()} at the end`);
  } finally {
    await browser?.close().catch(() => {});
    server.stop();
  }
}
