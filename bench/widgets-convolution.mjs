// The convolution widget on /glossary/convolutional-neural-network, in headless Chromium: the
// JavaScript it adds (every script requested after the widget starts loading, gzipped) and, while it
// is being used, frame times and long tasks. The widget never moves on its own, so "while it
// animates" means while a reader uses it: a pointer drawing on the picture (every move re-runs both
// layers on TF.js and repaints all 17 maps), a pointer moving the window over the feature map, and
// the keyboard stepping through digits about fifteen times a second.
// Run after `npm run build`. Env: BENCH_PORT (3350), SECONDS_PER_PHASE (6), RUNS (3),
// CHROMIUM_PATH (/usr/bin/chromium), VERBOSE=1 to list the files.
import { chromium } from "@playwright/test";
import os from "node:os";
import { kib, startServer } from "./first-load.mjs";
import { CHROMIUM_LAUNCH, DROPPED_MS, FRAME_BUDGET_MS, inputPhase, LONG_TASK_MS, median, meetsFrameBudget, openLiveWidget } from "./harness.mjs";

const port = Number(process.env.BENCH_PORT ?? 3350);
const SECONDS = Number(process.env.SECONDS_PER_PHASE ?? 6);
const RUNS = Number(process.env.RUNS ?? 3);
const VERBOSE = process.env.VERBOSE === "1";
const PATH = "/glossary/convolutional-neural-network";
const WIDGET = '[data-widget="convolution"]';
// A production server refuses to start without its secrets unless told to use the development ones.
process.env.LUMOMATE_ALLOW_DEV_DEFAULTS ??= "1";

/** Traces loops over `box` (button held unless `press` is false) for `seconds`; returns how many moves. */
async function sweep(page, box, seconds, press = true) {
  const at = (i) => {
    const a = (i / 90) * 2 * Math.PI; // one loop every 90 moves
    return [box.x + box.width * (0.5 + 0.35 * Math.sin(a)), box.y + box.height * (0.5 + 0.35 * Math.sin(2 * a))];
  };
  await page.mouse.move(...at(0));
  if (press) await page.mouse.down();
  const end = Date.now() + seconds * 1000;
  let moves = 0;
  for (let i = 1; Date.now() < end; i++) {
    await page.mouse.move(...at(i));
    moves++;
  }
  if (press) await page.mouse.up();
  return moves;
}

/** Presses Enter on the focused button about fifteen times a second for `seconds`. */
async function presses(page, seconds) {
  const end = Date.now() + seconds * 1000;
  let n = 0;
  while (Date.now() < end) {
    await page.keyboard.press("Enter");
    await page.waitForTimeout(66);
    n++;
  }
  return n;
}

/** One phase of use, measured by the harness; the widget's summary tells whether it responded. */
const phase = (page, cdp, name, act) => inputPhase(page, cdp, name, page.locator(WIDGET).getByTestId("summary"), act);

async function measure(browser, base) {
  // Ready once TF.js and the digits are in: only then is every file the widget needs requested.
  const { context, page, cdp, problems, files, still } = await openLiveWidget(browser, base, { path: PATH, widget: WIDGET, stillMarker: "cv-sum__terms", ready: (sel) => document.querySelector(`${sel} .widget__badge`)?.textContent?.startsWith("TF.js") });
  try {
    const widget = page.locator(WIDGET);
    const tensors = new Set([await widget.getAttribute("data-num-tensors")]);
    const pad = (await widget.locator(".cv-pad").boundingBox()) ?? (() => { throw new Error("no pad"); })();
    const map = (await widget.locator(".cv-inspect").boundingBox()) ?? (() => { throw new Error("no feature map"); })();
    // Baseline: the same loops over the pad with no button held, which the widget ignores. What
    // the harness and the browser cost by themselves (input dispatch, hit testing, the rAF probe).
    const hover = await phase(page, cdp, "hover (baseline)", () => sweep(page, pad, SECONDS, false));
    await widget.getByRole("button", { name: "Clear" }).click();
    const draw = await phase(page, cdp, "draw on the picture", () => sweep(page, pad, SECONDS));
    tensors.add(await widget.getAttribute("data-num-tensors"));
    const inspect = await phase(page, cdp, "point at the map", () => sweep(page, map, SECONDS, false));
    await widget.getByRole("button", { name: "Next digit" }).focus();
    const digits = await phase(page, cdp, "step through digits", () => presses(page, SECONDS));
    tensors.add(await widget.getAttribute("data-num-tensors"));
    if (!draw.changed) problems.push("drawing did not change the summary");
    if (!digits.changed) problems.push("stepping through digits did not change the summary");
    if (hover.changed) problems.push("hovering without a button changed the summary");
    if (tensors.size !== 1) problems.push(`tensors varied: ${[...tensors].join("/")}`);
    return { files, still, phases: [hover, draw, inspect, digits], tensors: [...tensors], problems };
  } finally {
    await context.close().catch(() => {});
  }
}

const server = await startServer(port);
let browser;
try {
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  console.log(`Convolution widget on ${PATH} — ${RUNS} runs, ${SECONDS} s per phase, viewport 1280×1000, Chromium ${browser.version()} (--disable-gpu)`);
  console.log(`machine: load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs at the start`);
  console.log(`frame p50/p95: requestAnimationFrame intervals in ms while the pointer drags (vsync-paced: 16.6–16.8 ms is every frame on time);`);
  console.log(`dropped: intervals > ${DROPPED_MS.toFixed(1)} ms; per move: the page's main-thread time per pointer move (DevTools Performance metrics);`);
  console.log(`long tasks: main-thread tasks > ${LONG_TASK_MS} ms\n`);
  const runs = [];
  for (let r = 1; r <= RUNS; r++) {
    const run = await measure(browser, server.base);
    runs.push(run);
    const js = run.files.reduce((n, f) => n + f.gzip, 0);
    console.log(`run ${r}: widget JS ${kib(js)} gzipped in ${run.files.length} file(s) after it starts loading; the still's chunk in the first load: ${kib(run.still.reduce((n, f) => n + f.gzip, 0))}`);
    for (const p of run.phases) {
      console.log(
        `  ${p.name.padEnd(20)} ${String(p.moves).padStart(5)} inputs  ${String(p.frames).padStart(5)} frames  p50 ${p.p50.toFixed(2)} ms  p95 ${p.p95.toFixed(2)} ms  >16.7 ms ${(p.over * 100).toFixed(0)}%  dropped ${p.dropped}  per move: main thread ${p.taskPerMove.toFixed(1)} ms, script ${p.scriptPerMove.toFixed(1)} ms, style+layout ${p.layoutPerMove.toFixed(1)} ms  long tasks ${p.longTasks}${p.longTasks ? ` (longest ${p.longest.toFixed(0)} ms)` : ""}`,
      );
    }
    if (VERBOSE) for (const p of run.phases) if (p.longTaskAt.length) console.log(`    ${p.name}: long tasks at ${p.longTaskAt.join(", ")} after the phase began`);
    console.log(`  tensors: ${run.tensors.join("/")} (${run.tensors.length === 1 ? "steady" : "VARIES"})`);
    for (const problem of run.problems) console.log(`  ! ${problem}`);
    if (VERBOSE) for (const f of [...run.still, ...run.files]) console.log(`    ${kib(f.gzip).padStart(10)}  ${f.still ? "(first load, still) " : ""}${f.url}`);
  }

  const js = median(runs.map((r) => r.files.reduce((n, f) => n + f.gzip, 0)));
  console.log(`\nSummary (medians over ${RUNS} runs)`);
  console.log(`  JS the widget adds when the reader nears it: ${kib(js)} gzipped (the live widget, D3 and TF.js core + CPU backend included)`);
  console.log(`  JS of the still, in the entry's first load: ${kib(median(runs.map((r) => r.still.reduce((n, f) => n + f.gzip, 0))))} gzipped (its chunk may hold other shared code)`);
  let ok = true;
  for (const [i, name] of runs[0].phases.map((p, i) => [i, p.name])) {
    const p50 = median(runs.map((r) => r.phases[i].p50));
    const p95 = median(runs.map((r) => r.phases[i].p95));
    const longTasks = Math.max(...runs.map((r) => r.phases[i].longTasks));
    const dropped = Math.max(...runs.map((r) => r.phases[i].dropped));
    const task = median(runs.map((r) => r.phases[i].taskPerMove));
    // rAF timestamps jitter by ±0.1 ms around the 16.67 ms vsync: 16.8 ms is a frame on time.
    const pass = meetsFrameBudget(p95) && longTasks === 0;
    ok &&= pass;
    console.log(`  ${pass ? "PASS" : "MISS"}  ${name.padEnd(20)} frame p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (goal ≤ ${FRAME_BUDGET_MS}, vsync jitter allowed), dropped frames ${dropped} and long tasks ${longTasks} in the worst run (goal 0); main thread ${task.toFixed(1)} ms per move`);
  }
  console.log(`machine: load average ${os.loadavg()[0].toFixed(2)} at the end`);
  if (runs.some((r) => r.problems.length)) ok = false;
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser?.close().catch(() => {});
  server.stop();
}
