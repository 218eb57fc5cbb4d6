import type * as tfCore from "@tensorflow/tfjs-core";
import type { Tensor2D } from "@tensorflow/tfjs-core";
import { appendBounded, type LossPoint } from "../../shared/lossHistory";
import { makeDataset, meanSquaredError, X_MAX, X_MIN, type Dataset } from "./data";
import { CurveNet, type Regularizers } from "./mlp";

type TensorFlow = typeof tfCore;

export const HIDDEN = [32, 32];
export const LEARNING_RATE = 0.005;
/** Where the fitted curve is drawn: this many evenly spaced xs across the range. */
export const CURVE_POINTS = 121;
/** Training stops here; the story is told long before. */
export const MAX_EPOCHS = 3000;

export type Snapshot = {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** The fitted curve at CURVE_XS. */
  curve: Float32Array;
};

export const CURVE_XS = Float32Array.from({ length: CURVE_POINTS }, (_, i) => X_MIN + ((X_MAX - X_MIN) * i) / (CURVE_POINTS - 1));

/**
 * One training run: a dataset, an over-large network, and the loss record. Each epoch is one
 * full-batch step over the training points. `measure` runs the network (without dropout) once over
 * the training points, the test points and the curve's xs together, with a single read-back.
 */
export class Experiment {
  readonly data: Dataset;
  readonly net: CurveNet;
  epoch = 0;
  history: LossPoint[] = [];
  latest: Snapshot;

  private readonly tf: TensorFlow;
  private readonly trainX: Tensor2D;
  private readonly trainY: Tensor2D;
  private readonly allX: Tensor2D;

  constructor(tf: TensorFlow, options: { dataSeed: number; netSeed: number } & Regularizers) {
    this.tf = tf;
    this.data = makeDataset(options.dataSeed);
    this.net = new CurveNet(tf, { hidden: HIDDEN, learningRate: LEARNING_RATE, seed: options.netSeed, l2: options.l2, dropout: options.dropout });
    const { trainX, trainY, testX } = this.data;
    this.trainX = tf.tensor2d(trainX, [trainX.length, 1]);
    this.trainY = tf.tensor2d(trainY, [trainY.length, 1]);
    const all = new Float32Array(trainX.length + testX.length + CURVE_POINTS);
    all.set(trainX, 0);
    all.set(testX, trainX.length);
    all.set(CURVE_XS, trainX.length + testX.length);
    this.allX = tf.tensor2d(all, [all.length, 1]);
    this.latest = this.measure();
  }

  get finished(): boolean {
    return this.epoch >= MAX_EPOCHS;
  }

  setRegularizers(next: Regularizers): void {
    this.net.setRegularizers(next);
  }

  /** Trains `epochs` more epochs (fewer at the end of the run). Returns how many it did. */
  train(epochs: number): number {
    const todo = Math.max(0, Math.min(epochs, MAX_EPOCHS - this.epoch));
    for (let i = 0; i < todo; i++) this.net.trainStep(this.trainX, this.trainY);
    this.epoch += todo;
    return todo;
  }

  /** Losses and the curve now; recorded in the history once per epoch. */
  measure(): Snapshot {
    const { trainX, trainY, testY } = this.data;
    const out = this.tf.tidy(() => this.net.forward(this.allX).dataSync() as Float32Array);
    const nTrain = trainX.length;
    const nTest = testY.length;
    const snapshot: Snapshot = {
      epoch: this.epoch,
      trainLoss: meanSquaredError(out.subarray(0, nTrain), trainY),
      testLoss: meanSquaredError(out.subarray(nTrain, nTrain + nTest), testY),
      curve: out.slice(nTrain + nTest),
    };
    if (this.history.at(-1)?.epoch !== this.epoch) {
      this.history = appendBounded(this.history, { epoch: this.epoch, train: snapshot.trainLoss, test: snapshot.testLoss }, 400);
    }
    this.latest = snapshot;
    return snapshot;
  }

  /** The lowest test loss so far and when (the moment early stopping would have picked). */
  bestTest(): LossPoint | undefined {
    let best: LossPoint | undefined;
    for (const p of this.history) if (!best || p.test < best.test) best = p;
    return best;
  }

  dispose(): void {
    this.net.dispose();
    this.trainX.dispose();
    this.trainY.dispose();
    this.allX.dispose();
  }
}
