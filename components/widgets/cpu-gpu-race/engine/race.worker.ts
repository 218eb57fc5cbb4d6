/// <reference lib="webworker" />
// Runs the race off the main thread: a 1024×1024 multiplication on the CPU backend takes seconds,
// and the page must keep drawing meanwhile. One backend after another (TF.js has one global
// backend), each size timed by measureMatmul; between the timed parts the worker reads its
// messages, so Stop takes effect within one multiplication.
import { errorText } from "../../shared/errorText";
import { serveWorker, yieldToMessages, type Post } from "../../shared/serveWorker";
import { startBackend } from "../../shared/tf";
import type { RaceBackend } from "../model/backends";
import { DEFAULTS, measureMatmul, raceSizes } from "../model/measure";
import { probeBackends } from "./probe";
import type { FromWorker, ToWorker } from "./protocol";

let tf: Awaited<ReturnType<typeof startBackend>>["tf"] | undefined;
let running = false;
let stopRequested = false;

const numTensors = () => tf?.memory().numTensors ?? 0;

class Stopped extends Error {}

async function between() {
  await yieldToMessages();
  if (stopRequested) throw new Stopped();
}

async function race(backends: RaceBackend[], sizes: number[], limitSeconds: number) {
  running = true;
  stopRequested = false;
  try {
    for (const id of backends) {
      await between();
      post({ type: "lane", id, status: "starting" });
      if (id === "webgpu") {
        post({ type: "lane-end", id, end: { kind: "failed", message: "this widget does not carry the WebGPU backend" }, numTensors: numTensors() });
        continue;
      }
      let started;
      try {
        started = await startBackend(id);
      } catch (error) {
        post({ type: "lane-end", id, end: { kind: "failed", message: errorText(error) }, numTensors: numTensors() });
        continue;
      }
      tf = started.tf;
      if (!started.ok) {
        post({ type: "lane-end", id, end: { kind: "failed", message: started.reason ?? "it did not start" }, numTensors: numTensors() });
        continue;
      }
      const engine = started.tf;
      const end = await raceSizes(
        sizes,
        async (n) => {
          await between();
          post({ type: "lane", id, status: "measuring", n });
          return measureMatmul(engine, n, { ...DEFAULTS, clock: () => performance.now(), between });
        },
        (m) => post({ type: "result", id, m: { n: m.n, gflops: m.gflops, seconds: m.seconds, repeats: m.repeats }, numTensors: numTensors() }),
        limitSeconds,
      );
      post({ type: "lane-end", id, end, numTensors: numTensors() });
    }
  } catch (error) {
    if (!(error instanceof Stopped)) post({ type: "error", message: errorText(error) });
  } finally {
    running = false;
    post({ type: "finished", stopped: stopRequested, numTensors: numTensors() });
    stopRequested = false;
  }
}

// Each message at once, not queued: a Stop must reach the race while it runs.
const post: Post<FromWorker> = serveWorker<ToWorker, FromWorker>((message) => {
  switch (message.type) {
    case "probe":
      return probeBackends().then((backends) => post({ type: "availability", backends }));
    case "start":
      if (!running) void race(message.backends, message.sizes, message.limitSeconds);
      return;
    case "stop":
      if (running) stopRequested = true;
      return;
  }
});
