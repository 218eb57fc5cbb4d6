import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { beforeAll, describe, expect, it } from "vitest";
import { makeDataset, meanSquaredError, trueCurve } from "./data";
import { Experiment, type Snapshot } from "./experiment";
import { CurveNet } from "./mlp";
import type { Regularizers } from "./mlp";

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

describe("the network's hand-written gradients", () => {
  it("match central differences of the loss plus the L2 penalty", () => {
    const l2 = 0.01;
    const net = new CurveNet(tf, { hidden: [5, 4], learningRate: 0, seed: 3, l2, dropout: 0 });
    const data = makeDataset(1, { trainCount: 6, testCount: 1 });
    const x = tf.tensor2d(data.trainX, [6, 1]);
    const y = tf.tensor2d(data.trainY, [6, 1]);
    const objective = () => meanSquaredError(net.predict(data.trainX), data.trainY) + l2 * net.weightNorm();
    const analytic = tf.tidy(() => Object.entries(net.gradients(x, y)).map(([name, g]) => ({ name, values: g.dataSync() as Float32Array })));
    expect(analytic.map((g) => g.name)).toEqual(net.readVariables().map((v) => v.name));
    const h = 1e-2;
    let checked = 0;
    for (const variable of net.readVariables()) {
      const gradient = analytic.find((g) => g.name === variable.name)!.values;
      for (const i of [0, variable.values.length - 1]) {
        const probe = variable.values.slice();
        probe[i] = variable.values[i] + h;
        net.writeVariable(variable.name, probe);
        const up = objective();
        probe[i] = variable.values[i] - h;
        net.writeVariable(variable.name, probe);
        const down = objective();
        net.writeVariable(variable.name, variable.values);
        expect(gradient[i]).toBeCloseTo((up - down) / (2 * h), 2);
        checked++;
      }
    }
    expect(checked).toBe(12);
    x.dispose();
    y.dispose();
    net.dispose();
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
