import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDataset, splitTrainTest, type DatasetKind } from "./datasets";
import { toTensorData } from "./features";
import type { DenseConfig } from "../../shared/dense-network/network";
import { VisualizerNetwork } from "./network";
import { createRng } from "../../shared/rng";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

type Method = Pick<DenseConfig, "head" | "init">;
type TestData = ReturnType<typeof toTensorData>;

/** Trains `method` on 100 of 200 noise-free points, batch 10; returns the first epoch at which `reached` holds on the other 100. */
function epochsUntil(kind: DatasetKind, hidden: number[], learningRate: number, method: Method, maxEpochs: number, reached: (network: VisualizerNetwork, test: TestData) => boolean): number | undefined {
  const points = generateDataset(kind, { count: 200, noise: 0, seed: 1 });
  const { train, test } = splitTrainTest(points, 0.5, 2);
  const trainData = toTensorData(train, ["x", "y"]);
  const testData = toTensorData(test, ["x", "y"]);
  const network = new VisualizerNetwork(tf, { inputSize: 2, hidden, outputSize: 1, activation: "tanh", ...method, learningRate, seed: 3 });
  const shuffleRng = createRng(4);
  try {
    for (let epoch = 1; epoch <= maxEpochs; epoch++) {
      network.trainEpoch(trainData.xs, trainData.ys, 10, shuffleRng);
      if (reached(network, testData)) return epoch;
    }
    return undefined;
  } finally {
    network.dispose();
  }
}

/** Sigmoid output on cross-entropy: the first epoch whose test loss is below `target`. */
const epochsToReachTestLoss = (kind: DatasetKind, hidden: number[], learningRate: number, target: number, maxEpochs: number) =>
  epochsUntil(kind, hidden, learningRate, { head: "sigmoid" }, maxEpochs, (network, test) => network.loss(test.xs, test.ys) < target);

/** The method the widget trains the plane with (tanh output on squared error, the Playground's start): first epoch at `target` test accuracy. */
const epochsToReachTestAccuracy = (kind: DatasetKind, hidden: number[], learningRate: number, target: number, maxEpochs: number) =>
  epochsUntil(kind, hidden, learningRate, { head: "tanh", init: "playground" }, maxEpochs, (network, test) => network.accuracy(test.xs, test.ys) >= target);

describe("the widget's plane method (tanh output, squared error, Playground start) at the presets' settings, batch 10", () => {
  it("XOR (hidden [4], rate 0.1) classifies every test point within 300 epochs", () => {
    expect(epochsToReachTestAccuracy("xor", [4], 0.1, 1, 300)).toBeDefined();
  }, 60_000);

  it("circle (hidden [4, 2], rate 0.03) classifies every test point within 300 epochs", () => {
    expect(epochsToReachTestAccuracy("circle", [4, 2], 0.03, 1, 300)).toBeDefined();
  }, 60_000);
});

// With these seeds XOR gets there at epoch 94 and circle at epoch 51; across
// seeds 1..8 they took 41..94 and 51..114 epochs, hence the 300-epoch bound.
describe("training on the 2-D datasets (hidden [8, 8], tanh, SGD learning rate 0.2, batch 10)", () => {
  it("XOR reaches test loss < 0.05 within 300 epochs", () => {
    expect(epochsToReachTestLoss("xor", [8, 8], 0.2, 0.05, 300)).toBeDefined();
  }, 20_000);

  it("circle reaches test loss < 0.05 within 300 epochs", () => {
    expect(epochsToReachTestLoss("circle", [8, 8], 0.2, 0.05, 300)).toBeDefined();
  }, 20_000);
});
