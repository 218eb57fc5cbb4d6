/// <reference lib="webworker" />
// Trains the overfitting widget's network off the page's thread (issue 17: every widget that
// trains does so in a worker). The page draws each frame, then asks for the next one, so a run
// moves at most MAX_EPOCHS_PER_FRAME epochs per animation frame, as it always has.
import { serveWorker, type Post } from "../../shared/serveWorker";
import { loadTensorFlow } from "../../shared/tf";
import { Experiment } from "../model/experiment";
import type { FromWorker, ToWorker } from "./protocol";

/** The network's own starting weights stay the same across new noise, so only the data changes. */
const NET_SEED = 102;
/** Never more than this many epochs per frame, so a fast machine still tells the story at a readable pace … */
const MAX_EPOCHS_PER_FRAME = 12;
/** … and never longer than this per frame on a slow one. */
const TRAIN_BUDGET_MS = 12;

let tf: Awaited<ReturnType<typeof loadTensorFlow>>["tf"] | undefined;
let experiment: Experiment | undefined;
let run = 0;
let playing = false;
let pageReady = true;

function sendFrame() {
  if (!experiment || !tf) return;
  const s = experiment.measure();
  pageReady = false;
  post(
    {
      type: "frame",
      run,
      epoch: s.epoch,
      trainLoss: s.trainLoss,
      testLoss: s.testLoss,
      curve: s.curve,
      history: experiment.history,
      best: experiment.bestTest(),
      finished: experiment.finished,
      playing,
      numTensors: tf.memory().numTensors,
    },
  );
}

/** While playing and the page is ready: one frame's worth of epochs, then the frame. */
function advance() {
  if (!experiment || !playing || !pageReady) return;
  const began = performance.now();
  for (let done = 0; done < MAX_EPOCHS_PER_FRAME && !experiment.finished && performance.now() - began < TRAIN_BUDGET_MS; done++) experiment.train(1);
  if (experiment.finished) playing = false;
  sendFrame();
}

async function handle(message: ToWorker) {
  switch (message.type) {
    case "start": {
      if (!tf) {
        const loaded = await loadTensorFlow("cpu");
        tf = loaded.tf;
        post({ type: "ready", backend: loaded.backend });
      }
      experiment?.dispose();
      run = message.run;
      playing = false;
      experiment = new Experiment(tf, { dataSeed: message.seed, netSeed: NET_SEED, l2: message.l2, dropout: message.dropout });
      pageReady = true;
      return sendFrame();
    }
    case "play":
      playing = true;
      return advance();
    case "pause":
      playing = false;
      return sendFrame();
    case "step":
      playing = false;
      experiment?.train(message.epochs);
      return sendFrame();
    case "regularize":
      experiment?.setRegularizers({ l2: message.l2, dropout: message.dropout });
      return;
    case "drawn":
      pageReady = true;
      return advance();
  }
}

// One message at a time, in order, even while the first start awaits TF.js.
const post: Post<FromWorker> = serveWorker<ToWorker, FromWorker>(handle, { inOrder: true });
