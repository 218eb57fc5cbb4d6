import type { LossPoint } from "../../shared/lossHistory";

/** Messages from the page to the training worker. `run` numbers each new run, so late frames of an old one are dropped. */
export type ToWorker =
  | { type: "start"; run: number; seed: number; l2: number; dropout: number }
  | { type: "play" }
  | { type: "pause" }
  | { type: "step"; epochs: number }
  | { type: "regularize"; l2: number; dropout: number }
  /** The page has drawn the last frame and can take another. */
  | { type: "drawn" };

/** What the page draws after a round of training. */
export type TrainingFrame = {
  run: number;
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** The fitted curve at CURVE_XS. */
  curve: Float32Array;
  history: LossPoint[];
  best: LossPoint | undefined;
  finished: boolean;
  playing: boolean;
  numTensors: number;
};

/** Messages from the training worker to the page. */
export type FromWorker = { type: "ready"; backend: string } | ({ type: "frame" } & TrainingFrame) | { type: "error"; message: string };
