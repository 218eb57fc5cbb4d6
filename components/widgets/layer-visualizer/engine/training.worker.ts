/// <reference lib="webworker" />
// Trains off the main thread so the page keeps its frame budget: the worker runs as many
// epochs as fit in a slice, then sends one snapshot when the page is ready to draw it.
import { DIGITS_URL, decodeDigits, type DigitsData } from "../../shared/digits";
import { errorText } from "../../shared/errorText";
import { serveWorker, yieldToMessages, type Post } from "../../shared/serveWorker";
import type { VisualizerConfig } from "../state/config";
import { loadTensorFlow, type BackendName } from "../../shared/tf";
import type { FromWorker, ToWorker } from "./protocol";
import { Session } from "./session";

const SLICE_MS = 12;
/**
 * While training, the page gets a snapshot (every neuron over the 40×40 grid, the losses, the
 * weights) at most this often, about 25 a second: each costs about 2.5 ms, most of an epoch.
 */
const SNAPSHOT_MS = 33;
/**
 * While training, the fine 100×100 output plane is recomputed at most this often, about 6 times a
 * second: its pass costs two epochs. Together the two take about an eighth of the worker's time
 * (docs/benchmarks.md, "Snapshots less often"); paused, every snapshot has the plane.
 */
const OUTPUT_PLANE_MS = 150;

let tfModule: Awaited<ReturnType<typeof loadTensorFlow>> | undefined;
let session: Session | undefined;
let digits: DigitsData | undefined;
let playing = false;
let pageReady = true;
let snapshotDue = false;
let loopScheduled = false;
let epochsSinceReport = 0;
let reportStarted = performance.now();
let epochsPerSecond = 0;
let snapshotAt = Number.NEGATIVE_INFINITY;
let outputPlaneAt = Number.NEGATIVE_INFINITY;

// A zero-delay yield between slices that lets incoming messages (pause, trace) in first.
function schedule() {
  if (loopScheduled) return;
  loopScheduled = true;
  yieldToMessages()
    .then(() => {
      loopScheduled = false;
      return tick();
    })
    .catch((error: unknown) => post({ type: "error", message: errorText(error) }));
}

async function sendSnapshot() {
  if (!session) return;
  snapshotDue = false;
  pageReady = false;
  const now = performance.now();
  snapshotAt = now;
  if (now - reportStarted > 500) {
    epochsPerSecond = (epochsSinceReport * 1000) / (now - reportStarted);
    epochsSinceReport = 0;
    reportStarted = now;
  }
  const current = session;
  const withOutput = !playing || now - outputPlaneAt >= OUTPUT_PLANE_MS;
  if (withOutput) outputPlaneAt = now;
  let snapshot;
  try {
    snapshot = await current.snapshot(withOutput);
  } catch (error) {
    // The reader reconfigured while this snapshot was being read: the new session sends its own.
    if (current !== session) return;
    throw error;
  }
  if (current !== session) return;
  post({ type: "snapshot", snapshot, epochsPerSecond, playing }, [...snapshot.layers, snapshot.output].map((l) => l.buffer as ArrayBuffer));
}

async function tick() {
  if (!session) return;
  if (playing) {
    epochsSinceReport += session.trainFor(SLICE_MS);
    snapshotDue = true;
  }
  if (snapshotDue && pageReady && (!playing || performance.now() - snapshotAt >= SNAPSHOT_MS)) await sendSnapshot();
  if (playing) schedule();
}

async function configure(config: VisualizerConfig, backend: BackendName) {
  if (!tfModule || tfModule.backend !== backend) {
    tfModule = await loadTensorFlow(backend);
    post({ type: "ready", backend: tfModule.backend, fellBack: tfModule.fellBack });
  }
  if (config.mode === "digits" && !digits) {
    const response = await fetch(DIGITS_URL);
    if (!response.ok) throw new Error(`Could not load the digits (${response.status})`);
    digits = decodeDigits(await response.arrayBuffer());
  }
  session?.dispose();
  session = new Session(tfModule.tf, config, digits);
  snapshotAt = Number.NEGATIVE_INFINITY;
  outputPlaneAt = Number.NEGATIVE_INFINITY;
  epochsSinceReport = 0;
  reportStarted = performance.now();
  if (config.mode === "digits") sendDigit(session.pickTestDigit(0));
  snapshotDue = true;
  pageReady = true;
  await tick();
}

function sendDigit(digit: { pixels: Float32Array; label: number | null }) {
  post({ type: "digit", pixels: Array.from(digit.pixels, (v) => Math.round(v * 16)), label: digit.label });
}

async function handle(message: ToWorker) {
  switch (message.type) {
    case "configure":
      return configure(message.config, message.backend);
    case "play":
      playing = true;
      reportStarted = performance.now();
      epochsSinceReport = 0;
      return schedule();
    case "pause":
      playing = false;
      snapshotDue = true;
      return tick();
    case "step":
      playing = false;
      session?.step();
      snapshotDue = true;
      return tick();
    case "reset":
      if (session) await configure(session.config, tfModule!.backend);
      return;
    case "drawn":
      pageReady = true;
      if (snapshotDue && !playing) return tick();
      return;
    case "trace":
      if (session) post({ type: "trace", values: session.trace({ x: message.x, y: message.y }), at: { x: message.x, y: message.y } });
      return;
    case "probe":
      if (session) {
        session.probe = Float32Array.from(message.pixels, (v) => v / 16);
        snapshotDue = true;
        return tick();
      }
      return;
    case "pick-digit":
      if (session) {
        sendDigit(session.pickTestDigit(message.index));
        snapshotDue = true;
        return tick();
      }
      return;
  }
}

// Messages are handled one at a time, in order, even when one awaits.
const post: Post<FromWorker> = serveWorker<ToWorker, FromWorker>(handle, { inOrder: true });
