// What "Train it yourself" trains on: the reader's text as pieces, split into the part the model
// learns from and the last tenth, held back to measure it on. Pure, so it is tested in Node.
import type { TrainingSettings } from "./trainer";

/** The context the reader's model trains with: half the shipped model's, so a step costs less. */
export const TRAIN_CONTEXT = 32;
/** A text shorter than this many pieces is too short to learn from and measure. */
export const MIN_PIECES = 200;
/**
 * A quick warm-up and a decay over about two minutes of steps on a laptop: on the glossary the reader
 * sees the held-out loss pass the unigram's within seconds and near the shipped model's within two
 * minutes (docs/tiny-transformer.md has the runs these were chosen from).
 */
export const TRAIN_SETTINGS: Partial<TrainingSettings> = { batchSize: 8, learningRate: 0.01, warmupSteps: 20, decaySteps: 2400, finalRate: 0.1 };

/** The first nine tenths to train on and the last tenth to measure on (at least one window plus one piece each). */
export function trainingSplit(stream: Int32Array, context: number): { train: Int32Array; held: Int32Array } {
  if (stream.length < MIN_PIECES) throw new Error(`The text is too short to learn from: ${stream.length} pieces; paste at least ${MIN_PIECES}.`);
  const heldLength = Math.max(context + 1, Math.floor(stream.length / 10));
  return { train: stream.slice(0, stream.length - heldLength), held: stream.slice(stream.length - heldLength) };
}
