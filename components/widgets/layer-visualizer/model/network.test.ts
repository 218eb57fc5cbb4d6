import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { beforeAll, describe, expect, it } from "vitest";
import { DenseNetwork, type Activation, type DenseConfig } from "../../shared/dense-network/network";
import type { Penalty } from "../../shared/dense-network/penalty";
import { createRng } from "../../shared/rng";
import { VisualizerNetwork } from "./network";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** The spiral preset's network. */
const plane: DenseConfig = { inputSize: 2, hidden: [8, 8], outputSize: 1, activation: "tanh", head: "tanh", init: "playground", learningRate: 0.03, penalty: { kind: "l2", rate: 0.001 }, seed: 5 };

function randomData(count: number, width: number, seed: number) {
  const rng = createRng(seed);
  return { xs: Float32Array.from({ length: count * width }, () => 2 * rng() - 1), ys: Float32Array.from({ length: count }, () => (rng() < 0.5 ? 0 : 1)) };
}

/** Trains both networks the same way and returns the largest difference between their weights. */
function largestDifference(config: DenseConfig, epochs: number): number {
  const fast = new VisualizerNetwork(tf, config);
  const reference = new DenseNetwork(tf, config);
  const { xs, ys } = randomData(23, config.inputSize, 9); // batches of 10, 10 and 3
  const [a, b] = [createRng(1), createRng(1)];
  for (let epoch = 0; epoch < epochs; epoch++) {
    fast.trainEpoch(xs, ys, 10, a);
    reference.trainEpoch(xs, ys, 10, b);
  }
  const [x, y] = [fast.readWeights(), reference.readWeights()];
  let largest = 0;
  [...x.kernels, ...x.biases].forEach((values, g) => values.forEach((v, i) => (largest = Math.max(largest, Math.abs(v - [...y.kernels, ...y.biases][g][i])))));
  fast.dispose();
  reference.dispose();
  return largest;
}

describe("the visualizer's SGD step, written out for speed", () => {
  const activations: Activation[] = ["tanh", "relu", "sigmoid", "linear"];
  const penalties: Penalty[] = [
    { kind: "none", rate: 0 },
    { kind: "l2", rate: 0.01 },
    { kind: "l1", rate: 0.01 },
  ];
  const cases = activations.flatMap((activation) => penalties.map((penalty) => ({ activation, penalty, name: `${activation}, ${penalty.kind}` })));

  it.each(cases)("moves every weight as TF.js autodiff does, to 1e-6 over 20 epochs ($name)", ({ activation, penalty }) => {
    expect(largestDifference({ ...plane, activation, penalty, learningRate: 0.1 }, 20)).toBeLessThan(1e-6);
  });

  it.each(cases)("with the fused CPU kernels, makes bit for bit the weights TF.js's own kernels make ($name)", ({ activation, penalty }) => {
    const config = { ...plane, activation, penalty, learningRate: 0.1 };
    const { xs, ys } = randomData(23, 2, 9);
    const [fusedNet, plain] = [new VisualizerNetwork(tf, config), new VisualizerNetwork(tf, config, { fusedKernels: false })];
    const [a, b] = [createRng(1), createRng(1)];
    for (let epoch = 0; epoch < 20; epoch++) {
      fusedNet.trainEpoch(xs, ys, 10, a);
      plain.trainEpoch(xs, ys, 10, b);
    }
    expect(fusedNet.readWeights()).toEqual(plain.readWeights());
    fusedNet.dispose();
    plain.dispose();
  });

  it("leaves Adam, the other heads and dropout to the shared network: the very same weights", () => {
    const others: DenseConfig[] = [
      { ...plane, head: "sigmoid" },
      { ...plane, optimizer: "adam", learningRate: 0.01 },
      { ...plane, dropout: 0.3 },
    ];
    for (const config of others) expect(largestDifference(config, 3)).toBe(0);
  });

  it.each([
    { fusedKernels: true, most: 18 },
    { fusedKernels: false, most: 34 },
  ])("runs one batch of the spiral's network (8-8 tanh, tanh head, L2) in at most $most kernels (fused: $fusedKernels), and 5 more per epoch, leaving no tensors", async ({ fusedKernels, most }) => {
    // On the CPU backend each kernel's bookkeeping costs about as much as its arithmetic, so the
    // count sets the epochs per second. Through tf.grads the same step runs 62. The 5 fold the
    // first layer's bias into its kernel before the epoch and take it out after.
    const network = new VisualizerNetwork(tf, plane, { fusedKernels });
    const one = randomData(10, 2, 14);
    const three = randomData(30, 2, 15);
    network.prepareEpochs(10, 10); // makes the kept constants: no new tensor once training runs
    // Read each profile at once: TF.js hands back the same object for the next one.
    const count = async (data: { xs: Float32Array; ys: Float32Array }) => {
      const info = await tf.profile(() => network.trainEpoch(data.xs, data.ys, 10, createRng(1)));
      return { kernels: info.kernels.length, newTensors: info.newTensors };
    };
    const oneBatch = await count(one);
    const threeBatches = await count(three);
    const perBatch = (threeBatches.kernels - oneBatch.kernels) / 2;
    expect(perBatch).toBeLessThanOrEqual(most);
    expect(oneBatch.kernels - perBatch).toBeLessThanOrEqual(5);
    expect(oneBatch.newTensors).toBe(0);
    expect(threeBatches.newTensors).toBe(0);
    const autodiff = new DenseNetwork(tf, plane);
    const slow = await tf.profile(() => autodiff.trainEpoch(one.xs, one.ys, 10, createRng(1)));
    expect(slow.kernels.length).toBeGreaterThan(50);
    network.dispose();
    autodiff.dispose();
  });
});
