import type * as tfCore from "@tensorflow/tfjs-core";
import type { Tensor2D } from "@tensorflow/tfjs-core";
import { appendBounded, type LossPoint } from "../../shared/lossHistory";
import { DenseNetwork } from "../../shared/dense-network/network";
import type { InitFunction } from "../../shared/dense-network/init";
import { glorotUniform } from "../../shared/rng";
import { makeDataset, meanSquaredError, X_MAX, X_MIN, type Dataset } from "./data";

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

export type Regularizers = {
  /** Weight decay: the penalty l2·Σw² over every weight (not the biases) is added to the loss. */
  l2: number;
  /** Share of hidden units switched off at random in each training step (never when predicting). */
  dropout: number;
};

/**
 * Glorot-uniform weights and zero biases, except the first layer: its units get gentle slopes
 * (0.3–1 either way) and break points spread over [−1, 1], so the network starts smooth, finds
 * the broad shape first, and only later bends to every point.
 */
export const curveStart: InitFunction = (layer, fanIn, fanOut, rng) => {
  const kernel = glorotUniform(fanIn, fanOut, rng);
  const bias = new Float32Array(fanOut);
  if (layer === 0) {
    for (let j = 0; j < fanOut; j++) {
      kernel[j] = (rng() < 0.5 ? -1 : 1) * (0.3 + 0.7 * rng());
      bias[j] = -kernel[j] * (2 * rng() - 1);
    }
  }
  return { kernel, bias };
};

/** The widget's network: 1 → 32 → 32 → 1, tanh, a linear output on mean squared error, Adam. */
export function curveNetwork(tf: TensorFlow, seed: number, { l2, dropout }: Regularizers): DenseNetwork {
  return new DenseNetwork(tf, {
    inputSize: 1,
    hidden: HIDDEN,
    outputSize: 1,
    activation: "tanh",
    head: "linear",
    optimizer: "adam",
    learningRate: LEARNING_RATE,
    penalty: { kind: "l2", rate: l2 },
    dropout,
    seed,
    init: curveStart,
  });
}

export const CURVE_XS = Float32Array.from({ length: CURVE_POINTS }, (_, i) => X_MIN + ((X_MAX - X_MIN) * i) / (CURVE_POINTS - 1));

/**
 * One training run: a dataset, an over-large network, and the loss record. Each epoch is one
 * full-batch step over the training points. `measure` runs the network (without dropout) once over
 * the training points, the test points and the curve's xs together, with a single read-back.
 */
export class Experiment {
  readonly data: Dataset;
  readonly net: DenseNetwork;
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
    this.net = curveNetwork(tf, options.netSeed, options);
    const { trainX, trainY, testX } = this.data;
    this.trainX = tf.tensor2d(trainX, [trainX.length, 1]);
    this.trainY = this.net.targetTensor(trainY);
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

  setRegularizers({ l2, dropout }: Regularizers): void {
    this.net.setRegularization({ penalty: { kind: "l2", rate: l2 }, dropout });
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
    const out = this.tf.tidy(() => this.net.output(this.allX).dataSync() as Float32Array);
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
