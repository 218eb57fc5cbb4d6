import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { beforeAll, describe, expect, it } from "vitest";
import { makeDataset, meanSquaredError, trueCurve } from "./data";
import { createRng } from "../../shared/rng";
import { curveStart, Experiment, type Regularizers, type Snapshot } from "./experiment";

const SEEDS = { dataSeed: 2, netSeed: 102 };

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** Trains for `epochs`, measuring every `every` epochs. */
function run(regularizers: Regularizers, epochs = 2000, every = 50): { experiment: Experiment; snapshots: Snapshot[] } {
  const experiment = new Experiment(tf, { ...SEEDS, ...regularizers });
  const snapshots: Snapshot[] = [experiment.latest];
  while (experiment.epoch < epochs) {
    experiment.train(every);
    snapshots.push(experiment.measure());
  }
  return { experiment, snapshots };
}

describe("the dataset", () => {
  it("is the same for a seed, different for another, and noisy around the true curve", () => {
    const a = makeDataset(5);
    expect(makeDataset(5)).toEqual(a);
    expect(makeDataset(6).trainY).not.toEqual(a.trainY);
    expect(a.trainX.length).toBe(14);
    expect(a.testX.length).toBe(40);
    // Noise of standard deviation 0.3: the true curve's own squared error is near 0.09.
    const truth = Array.from(a.testX, trueCurve);
    expect(meanSquaredError(truth, a.testY)).toBeGreaterThan(0.03);
    expect(meanSquaredError(truth, a.testY)).toBeLessThan(0.2);
    // Training xs cover the range in order, one per slot.
    for (let i = 1; i < a.trainX.length; i++) expect(a.trainX[i]).toBeGreaterThan(a.trainX[i - 1]);
    expect(Math.min(...a.trainX)).toBeLessThan(-0.85);
    expect(Math.max(...a.trainX)).toBeGreaterThan(0.85);
  });
});

describe("the network's start", () => {
  it("gives the first layer gentle slopes with break points spread over [−1, 1], and Glorot weights after it", () => {
    const rng = createRng(102);
    const first = curveStart(0, 1, 32, rng);
    first.kernel.forEach((w) => expect(Math.abs(w)).toBeGreaterThanOrEqual(0.3 - 1e-6));
    first.kernel.forEach((w) => expect(Math.abs(w)).toBeLessThanOrEqual(1 + 1e-6));
    const breaks = Array.from(first.kernel, (w, j) => -first.bias[j] / w);
    breaks.forEach((x) => expect(Math.abs(x)).toBeLessThanOrEqual(1 + 1e-6));
    expect(Math.min(...breaks)).toBeLessThan(-0.5);
    expect(Math.max(...breaks)).toBeGreaterThan(0.5);
    const second = curveStart(1, 32, 32, rng);
    const limit = Math.sqrt(6 / 64);
    second.kernel.forEach((w) => expect(Math.abs(w)).toBeLessThanOrEqual(limit));
    expect(Array.from(second.bias).every((b) => b === 0)).toBe(true);
  });
});

describe("overfitting, on the CPU backend with fixed seeds", () => {
  it("without regularization the train loss keeps falling while the test loss turns and rises", () => {
    const { experiment, snapshots } = run({ l2: 0, dropout: 0 });
    const at = (epoch: number) => snapshots.find((s) => s.epoch === epoch)!;
    const best = snapshots.reduce((a, b) => (b.testLoss < a.testLoss ? b : a));
    const last = snapshots.at(-1)!;
    // The train loss falls all the way, far below the noise it should leave alone.
    expect(at(300).trainLoss).toBeLessThan(at(50).trainLoss);
    expect(last.trainLoss).toBeLessThan(at(300).trainLoss / 5);
    expect(last.trainLoss).toBeLessThan(0.005);
    // The test loss bottoms out early and then climbs by more than a quarter.
    expect(best.epoch).toBeLessThanOrEqual(300);
    expect(last.testLoss).toBeGreaterThan(best.testLoss * 1.25);
    expect(at(1000).testLoss).toBeGreaterThan(at(300).testLoss);
    // The gap: test loss dozens of times the train loss.
    expect(last.testLoss / last.trainLoss).toBeGreaterThan(30);
    experiment.dispose();
  });

  it("with L2 the gap stays small and the test loss ends lower", () => {
    const plain = run({ l2: 0, dropout: 0 });
    const l2 = run({ l2: 0.01, dropout: 0 });
    const a = plain.snapshots.at(-1)!;
    const b = l2.snapshots.at(-1)!;
    expect(b.testLoss / b.trainLoss).toBeLessThan(3);
    expect(b.testLoss / b.trainLoss).toBeLessThan(a.testLoss / a.trainLoss / 10);
    expect(b.testLoss).toBeLessThan(a.testLoss * 0.8);
    plain.experiment.dispose();
    l2.experiment.dispose();
  });

  it("with dropout the gap stays much smaller too", () => {
    const plain = run({ l2: 0, dropout: 0 });
    const dropout = run({ l2: 0, dropout: 0.5 });
    const a = plain.snapshots.at(-1)!;
    // Dropout makes the test loss jitter from step to step: judge it over the last few hundred epochs.
    const tail = dropout.snapshots.slice(-8);
    const meanTrain = tail.reduce((n, s) => n + s.trainLoss, 0) / tail.length;
    const meanTest = tail.reduce((n, s) => n + s.testLoss, 0) / tail.length;
    expect(meanTest / meanTrain).toBeLessThan(6);
    expect(meanTest / meanTrain).toBeLessThan(a.testLoss / a.trainLoss / 10);
    expect(meanTest).toBeLessThan(a.testLoss);
    plain.experiment.dispose();
    dropout.experiment.dispose();
  });

  it("switching L2 on part-way closes an open gap", () => {
    const { experiment, snapshots } = run({ l2: 0, dropout: 0 }, 1000);
    const open = snapshots.at(-1)!;
    experiment.setRegularizers({ l2: 0.01, dropout: 0 });
    experiment.train(1000);
    const closed = experiment.measure();
    expect(closed.testLoss / closed.trainLoss).toBeLessThan(open.testLoss / open.trainLoss / 10);
    expect(closed.testLoss).toBeLessThan(open.testLoss);
    experiment.dispose();
  });

  it("is repeatable, keeps its history bounded, and leaves no tensors behind", () => {
    const baseline = tf.memory().numTensors;
    const a = run({ l2: 0, dropout: 0.3 }, 300);
    const b = run({ l2: 0, dropout: 0.3 }, 300);
    expect(Array.from(b.snapshots.at(-1)!.curve)).toEqual(Array.from(a.snapshots.at(-1)!.curve));
    const during = tf.memory().numTensors;
    a.experiment.train(40);
    a.experiment.measure();
    expect(tf.memory().numTensors).toBe(during);
    a.experiment.dispose();
    b.experiment.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
    const e = new Experiment(tf, { ...SEEDS, l2: 0, dropout: 0 });
    for (let i = 0; i < 900; i++) {
      e.train(1);
      e.measure();
    }
    expect(e.history.length).toBeLessThanOrEqual(400);
    expect(e.history[0].epoch).toBe(0);
    expect(e.history.at(-1)!.epoch).toBe(900);
    e.dispose();
  });
});
