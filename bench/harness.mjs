// What every browser bench shares: how Debian's Chromium is launched, and the statistics printed.
import { gzipSync } from "node:zlib";

/** Debian's Chromium, never a downloaded build; the flags keep it off Google's services on a closed network. */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  timeout: 60_000,
};

/** Nearest-rank quantile of values already sorted ascending. */
export const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : Number.NaN);

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const FRAME_BUDGET_MS = 16.7;
/** An interval this long missed a vsync. */
export const DROPPED_MS = 1.5 * FRAME_BUDGET_MS;
export const LONG_TASK_MS = 50;

/**
 * Page timestamps are coarsened to 0.1 ms, so a frame that is on time reads 16.6–16.8 ms: a p95
 * within one clock step of the budget meets it.
 */
export const meetsFrameBudget = (p95) => p95 <= FRAME_BUDGET_MS + 0.15;

/**
 * Page side, installed with `addInitScript` before any page script (so it must be self-contained):
 * every animation frame's timestamp and every long task, in `window.__bench`. It keeps the page's
 * own requestAnimationFrame as found, so a bench that wraps it afterwards does not time this loop.
 */
export function recordFrames() {
  const bench = (window.__bench ??= {});
  Object.assign(bench, { frames: [], longTasks: [], longTasksSupported: false });
  const raf = window.requestAnimationFrame.bind(window);
  const onFrame = (t) => {
    bench.frames.push(t);
    raf(onFrame);
  };
  raf(onFrame);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
    bench.longTasksSupported = PerformanceObserver.supportedEntryTypes.includes("longtask");
  } catch {}
}

/** Frame intervals and long tasks between two page timestamps (`performance.now()` of the page). */
export async function frameStats(page, from, to) {
  const data = await page.evaluate(() => window.__bench);
  const frames = data.frames.filter((t) => t >= from && t <= to);
  // Page timestamps are coarsened (to 0.1 ms without cross-origin isolation), so differences carry
  // float noise: 1016.7 - 1000 = 16.700000000000045. Round it away before comparing with 16.7.
  const deltas = frames
    .slice(1)
    .map((t, i) => Math.round((t - frames[i]) * 1000) / 1000)
    .sort((a, b) => a - b);
  const longTasks = data.longTasks.filter((e) => e.start + e.duration >= from && e.start <= to && e.duration > LONG_TASK_MS);
  return {
    deltas,
    frames: deltas.length,
    p50: quantile(deltas, 0.5),
    p95: quantile(deltas, 0.95),
    /** Share of intervals over the frame budget. */
    over: deltas.filter((d) => d > FRAME_BUDGET_MS).length / Math.max(1, deltas.length),
    /** How many intervals missed a vsync. */
    dropped: deltas.filter((d) => d > DROPPED_MS).length,
    longTasks: longTasks.length,
    longest: Math.max(0, ...longTasks.map((e) => e.duration)),
    longTaskAt: longTasks.map((e) => `${((e.start - from) / 1000).toFixed(2)} s: ${e.duration.toFixed(0)} ms`),
    supported: data.longTasksSupported,
  };
}

/** CPU time (ms) of each task on the page's main thread (CrRendererMain), from a Chromium trace's events. */
export function mainThreadTasks(events) {
  const mains = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  return events
    .filter((e) => e.ph === "X" && e.name === "RunTask" && e.tdur !== undefined && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => e.tdur / 1000)
    .sort((a, b) => a - b);
}

/** Chromium's cumulative main-thread times in seconds (TaskDuration, ScriptDuration, …); needs `Performance.enable` on `cdp`. */
async function mainThreadMetrics(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/**
 * One phase of a reader's input: runs `act` (which returns how many inputs it made) and reports
 * frames and long tasks over it, the page's main-thread time per input, and whether `summary`
 * (a locator) changed.
 */
export async function inputPhase(page, cdp, name, summary, act) {
  const before = await mainThreadMetrics(cdp);
  const start = await page.evaluate(() => performance.now());
  const summaryBefore = await summary.textContent();
  const moves = await act();
  const end = await page.evaluate(() => performance.now());
  const after = await mainThreadMetrics(cdp);
  const perMove = (key) => ((after[key] - before[key]) * 1000) / Math.max(1, moves);
  return {
    name,
    moves,
    seconds: (end - start) / 1000,
    ...(await frameStats(page, start, end)),
    taskPerMove: perMove("TaskDuration"),
    scriptPerMove: perMove("ScriptDuration"),
    layoutPerMove: perMove("LayoutDuration") + perMove("RecalcStyleDuration"),
    changed: summaryBefore !== (await summary.textContent()),
  };
}

/**
 * Installed after recordFrames, before any page script: how long each requestAnimationFrame
 * callback of the page runs (where widgets step, train and draw).
 */
export function timeFrameCallbacks() {
  const bench = window.__bench;
  bench.callbacks = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    raf((t) => {
      const began = performance.now();
      try {
        callback(t);
      } finally {
        bench.callbacks.push({ at: began, ms: performance.now() - began });
      }
    });
}

/** Bounds a wait: rejects after `ms` and never keeps the process alive once settled. */
export const within = (ms, label) => (promise) => {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/** A fresh context and page for one measurement; page errors and console errors land in `problems`. */
export async function openBenchPage(browser, { viewport = { width: 1280, height: 900 }, initScripts = [] } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  for (const script of initScripts) await page.addInitScript(script);
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  return { context, page, problems };
}

/** "js" for a script (by path or content type), else null: what a widget's JS cost counts. */
export const scriptKind = (url, contentType) => (/\.m?js(\?|$)/.test(new URL(url).pathname) || contentType.includes("javascript") ? "js" : null);

/**
 * The files `context` fetches once `start()` is called (a widget's on-demand cost), each with its
 * gzipped size: `kindOf(url, contentType)` names the kinds counted (null: not counted). `once`
 * counts each URL once; `bodyTimeoutMs` bounds reading a body. A body that cannot be read comes
 * back as { url, kind, status, error }.
 */
export function filesFetchedLater(context, { kindOf = scriptKind, once = false, bodyTimeoutMs } = {}) {
  let counting = false;
  const seen = new Set();
  const fetched = [];
  context.on("response", (response) => {
    if (!counting) return;
    const url = response.url();
    const kind = kindOf(url, response.headers()["content-type"] ?? "");
    if (!kind || (once && seen.has(url))) return;
    seen.add(url);
    const status = response.status();
    const body = bodyTimeoutMs ? within(bodyTimeoutMs, `body of ${url}`)(response.body()) : response.body();
    fetched.push(body.then((b) => ({ url, kind, status, raw: b.length, gzip: gzipSync(b, { level: 9 }).length })).catch((error) => ({ url, kind, status, error: error.message })));
  });
  return { start: () => (counting = true), files: () => Promise.all(fetched) };
}

/** Waits (bounded) for the network to go quiet; says so in `problems` if it does not. */
export const networkIdle = (page, problems, timeout, what) =>
  page.waitForLoadState("networkidle", { timeout }).catch(() => problems.push(`${what} within ${timeout / 1000} s`));

/**
 * A new page on `base + path`, instrumented (frames, long tasks, DevTools performance metrics, page
 * errors), loaded, then scrolled to `widget` until it is live and, if `ready` is given, until the
 * page function `ready(selector)` holds. Returns the page with the scripts fetched after the
 * first load (`files`, gzipped sizes) and those of the first load whose body holds `stillMarker`
 * (the still's own code). Close `context` when done.
 */
export async function openLiveWidget(browser, base, { path, widget, stillMarker, ready, viewport = { width: 1280, height: 1000 } }) {
  const { context, page, problems } = await openBenchPage(browser, { viewport, initScripts: [recordFrames] });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  let afterLoad = false;
  const fetched = [];
  const firstLoad = [];
  context.on("response", (response) => {
    if (!scriptKind(response.url(), response.headers()["content-type"] ?? "")) return;
    const file = response.body().then((body) => ({ url: response.url(), raw: body.length, gzip: gzipSync(body, { level: 9 }).length, still: body.includes(stillMarker) }));
    (afterLoad ? fetched : firstLoad).push(file);
  });
  await page.goto(base + path, { waitUntil: "load" });
  await networkIdle(page, problems, 10_000, "the page did not go network-idle");
  if ((await page.locator(`${widget}[data-live="true"]`).count()) > 0) problems.push("the widget went live before it was scrolled to");
  afterLoad = true;
  await page.locator(widget).evaluate((el) => el.scrollIntoView({ block: "start", behavior: "instant" }));
  await page.locator(`${widget}[data-live="true"]`).waitFor({ timeout: 30_000 });
  if (ready) await page.waitForFunction(ready, widget, { timeout: 30_000 });
  await networkIdle(page, problems, 10_000, "the widget's files did not settle");
  const files = await Promise.all(fetched);
  const still = (await Promise.all(firstLoad)).filter((f) => f.still);
  return { context, page, cdp, problems, files, still };
}
