import { createRng, gaussian } from "../../shared/rng";

/** The smooth rule behind the points, on x ∈ [-1, 1]: a gentle wave on a slight slope. */
export function trueCurve(x: number): number {
  return 0.7 * Math.sin(2.6 * x + 0.4) + 0.25 * x;
}

export const X_MIN = -1;
export const X_MAX = 1;

export type Dataset = {
  /** Training points: the network sees these. */
  trainX: Float32Array;
  trainY: Float32Array;
  /** Held-out points from the same rule and the same kind of noise: it never trains on these. */
  testX: Float32Array;
  testY: Float32Array;
  noise: number;
  seed: number;
};

export type DataOptions = { trainCount?: number; testCount?: number; noise?: number };

export const TRAIN_COUNT = 14;
export const TEST_COUNT = 40;
export const NOISE = 0.3;

/**
 * Noisy samples of the true curve from a seeded generator. Training xs are spread over the range
 * with a random jitter in each slot (so no gap is too wide); test xs are drawn uniformly and
 * independently, so they fall between and around the training points.
 */
export function makeDataset(seed: number, { trainCount = TRAIN_COUNT, testCount = TEST_COUNT, noise = NOISE }: DataOptions = {}): Dataset {
  const rng = createRng(seed);
  const span = X_MAX - X_MIN;
  const trainX = new Float32Array(trainCount);
  const trainY = new Float32Array(trainCount);
  for (let i = 0; i < trainCount; i++) {
    const x = X_MIN + ((i + 0.15 + 0.7 * rng()) / trainCount) * span;
    trainX[i] = x;
    trainY[i] = trueCurve(x) + noise * gaussian(rng);
  }
  const testX = new Float32Array(testCount);
  const testY = new Float32Array(testCount);
  for (let i = 0; i < testCount; i++) {
    const x = X_MIN + rng() * span;
    testX[i] = x;
    testY[i] = trueCurve(x) + noise * gaussian(rng);
  }
  return { trainX, trainY, testX, testY, noise, seed };
}

/** Mean squared error between two equally long lists. */
export function meanSquaredError(predicted: ArrayLike<number>, target: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < target.length; i++) sum += (predicted[i] - target[i]) ** 2;
  return target.length ? sum / target.length : Number.NaN;
}
