import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { beforeAll, describe, expect, it } from "vitest";
import { Network, type Activation, type NetworkConfig, type NetworkWeights } from "./network";
import { createRng } from "../../shared/rng";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const baseConfig: NetworkConfig = {
  inputSize: 3,
  hidden: [5, 4],
  outputSize: 1,
  activation: "tanh",
  output: "sigmoid",
  learningRate: 0.1,
  regularization: { kind: "none", rate: 0 },
  seed: 17,
};

// ---- A plain-JS, double-precision reference of the same network ----

const ACTIVATIONS: Record<Activation, (z: number) => number> = {
  relu: (z) => Math.max(0, z),
  tanh: Math.tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  linear: (z) => z,
};

/** Every layer's output for the rows of `inputs`, computed from readWeights(). */
function referenceForward(
  config: NetworkConfig,
  weights: NetworkWeights,
  inputs: number[][],
): number[][][] {
  const sizes = [config.inputSize, ...config.hidden, config.outputSize];
  const layers: number[][][] = [];
  let current = inputs;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const isOutput = l + 2 === sizes.length;
    current = current.map((row) => {
      const z = Array.from({ length: sizes[l + 1] }, (_, j) => {
        let sum = weights.biases[l][j];
        for (let i = 0; i < sizes[l]; i++) sum += row[i] * weights.kernels[l][i * sizes[l + 1] + j];
        return sum;
      });
      if (!isOutput) return z.map(ACTIVATIONS[config.activation]);
      if (config.output === "sigmoid") return z.map(ACTIVATIONS.sigmoid);
      if (config.output === "tanh") return z.map(Math.tanh);
      const max = Math.max(...z);
      const exps = z.map((v) => Math.exp(v - max));
      const total = exps.reduce((a, b) => a + b, 0);
      return exps.map((e) => e / total);
    });
    layers.push(current);
  }
  return layers;
}

/** Mean data loss (cross-entropy, or ½·squared error against ±1 for tanh) plus the kernel penalty, in double precision. */
function referenceObjective(config: NetworkConfig, weights: NetworkWeights, inputs: number[][], labels: number[]): number {
  const outputs = referenceForward(config, weights, inputs).at(-1) as number[][];
  const crossEntropy =
    outputs.reduce((sum, probabilities, n) => {
      if (config.output === "softmax") return sum - Math.log(probabilities[labels[n]]);
      if (config.output === "tanh") return sum + 0.5 * (probabilities[0] - (2 * labels[n] - 1)) ** 2;
      const p = probabilities[0];
      return sum - (labels[n] * Math.log(p) + (1 - labels[n]) * Math.log(1 - p));
    }, 0) / inputs.length;
  const { kind, rate } = config.regularization;
  const penalty = weights.kernels
    .flatMap((kernel) => Array.from(kernel))
    .reduce((sum, w) => sum + (kind === "l1" ? Math.abs(w) : kind === "l2" ? w * w : 0), 0);
  return crossEntropy + rate * penalty;
}

function toFloat64Weights(weights: NetworkWeights): NetworkWeights {
  // Float64Array behind the Float32Array type, so finite differences are not rounded away.
  const widen = (values: Float32Array) => Float64Array.from(values) as unknown as Float32Array;
  return { kernels: weights.kernels.map(widen), biases: weights.biases.map(widen) };
}

function randomInputs(count: number, size: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => Array.from({ length: size }, () => 2 * rng() - 1));
}

// ---- Tests ----

describe("Network construction", () => {
  it("reports its layer sizes and gives kernels Glorot-uniform values and zero biases", () => {
    const network = new Network(tf, baseConfig);
    expect(network.layerSizes).toEqual([3, 5, 4, 1]);
    const { kernels, biases } = network.readWeights();
    expect(kernels.map((k) => k.length)).toEqual([15, 20, 4]);
    kernels.forEach((kernel, l) => {
      const limit = Math.sqrt(6 / (network.layerSizes[l] + network.layerSizes[l + 1]));
      expect(kernel.every((w) => Math.abs(w) <= limit)).toBe(true);
    });
    expect(biases.map((b) => Array.from(b))).toEqual([[0, 0, 0, 0, 0], [0, 0, 0, 0], [0]]);
    network.dispose();
  });

  it("starts as TensorFlow Playground does when asked: weights uniform in ±0.5, every bias 0.1", () => {
    const network = new Network(tf, { ...baseConfig, init: "playground" });
    const { kernels, biases } = network.readWeights();
    const all = kernels.flatMap((k) => Array.from(k));
    expect(all.every((w) => Math.abs(w) <= 0.5)).toBe(true);
    expect(Math.max(...all.map(Math.abs))).toBeGreaterThan(0.4); // spread over the range, not Glorot's narrower one
    expect(biases.flatMap((b) => Array.from(b)).every((b) => Math.abs(b - 0.1) < 1e-7)).toBe(true);
    network.dispose();
  });

  it("initializes identically for a seed and differently for another", () => {
    const a = new Network(tf, baseConfig);
    const b = new Network(tf, baseConfig);
    const c = new Network(tf, { ...baseConfig, seed: 18 });
    expect(a.readWeights()).toEqual(b.readWeights());
    expect(c.readWeights().kernels[0]).not.toEqual(a.readWeights().kernels[0]);
    [a, b, c].forEach((n) => n.dispose());
  });

  it("round-trips weights through setWeights and readWeights", () => {
    const source = new Network(tf, { ...baseConfig, seed: 1 });
    const target = new Network(tf, { ...baseConfig, seed: 2 });
    target.setWeights(source.readWeights());
    expect(target.readWeights()).toEqual(source.readWeights());
    expect(() => target.setWeights({ kernels: [], biases: [] })).toThrow();
    source.dispose();
    target.dispose();
  });
});

describe("Network.forwardAll", () => {
  const cases: { name: string; config: NetworkConfig }[] = [
    { name: "tanh hidden layers, sigmoid output", config: baseConfig },
    { name: "relu hidden layers, softmax output", config: { ...baseConfig, activation: "relu", output: "softmax", outputSize: 4 } },
    { name: "sigmoid hidden layer, sigmoid output", config: { ...baseConfig, activation: "sigmoid", hidden: [6] } },
    { name: "linear hidden layers, softmax output", config: { ...baseConfig, activation: "linear", output: "softmax", outputSize: 3 } },
    { name: "tanh hidden layers, tanh output", config: { ...baseConfig, output: "tanh", init: "playground" } },
  ];

  it.each(cases)("matches a hand computation from readWeights() for every layer to 1e-5 ($name)", ({ config }) => {
    const network = new Network(tf, config);
    // Train a little first so the biases are not all zero.
    const inputs = randomInputs(12, config.inputSize, 3);
    const labels = inputs.map((_, n) => n % config.outputSize);
    const ys = Float32Array.from(config.output === "softmax" ? labels : labels.map((_, n) => n % 2));
    network.trainEpoch(Float32Array.from(inputs.flat()), ys, 4, createRng(4));

    const expected = referenceForward(config, network.readWeights(), inputs);
    const x = tf.tensor2d(inputs);
    const layers = network.forwardAll(x);
    expect(layers.map((t) => t.shape)).toEqual(network.layerSizes.slice(1).map((size) => [inputs.length, size]));
    layers.forEach((layer, l) => {
      const actual = layer.arraySync();
      actual.forEach((row, n) => row.forEach((value, j) => expect(Math.abs(value - expected[l][n][j])).toBeLessThan(1e-5)));
    });
    tf.dispose([x, ...layers]);
    network.dispose();
  });
});

describe("Network training step", () => {
  const gradientCases: { name: string; config: NetworkConfig }[] = [
    { name: "tanh, sigmoid output, L2", config: { ...baseConfig, regularization: { kind: "l2", rate: 0.01 } } },
    {
      name: "relu, softmax output, L1",
      config: { ...baseConfig, activation: "relu", output: "softmax", outputSize: 3, regularization: { kind: "l1", rate: 0.01 } },
    },
    { name: "sigmoid, sigmoid output, no penalty", config: { ...baseConfig, activation: "sigmoid" } },
    { name: "tanh, tanh output with squared error, L2", config: { ...baseConfig, output: "tanh", init: "playground", regularization: { kind: "l2", rate: 0.01 } } },
  ];

  it.each(gradientCases)(
    "one full-batch SGD step moves every weight by -learningRate × the finite-difference gradient ($name)",
    ({ config }) => {
      const network = new Network(tf, { ...config, learningRate: 1 });
      const inputs = randomInputs(8, config.inputSize, 5);
      const labels = inputs.map((_, n) => n % (config.output === "softmax" ? config.outputSize : 2));
      const before = network.readWeights();
      network.trainEpoch(Float32Array.from(inputs.flat()), Float32Array.from(labels), inputs.length, createRng(6));
      const after = network.readWeights();

      const weights = toFloat64Weights(before);
      const step = 1e-6;
      const groups = [...weights.kernels, ...weights.biases];
      const stepped = [...after.kernels, ...after.biases];
      const original = [...before.kernels, ...before.biases];
      groups.forEach((values, g) => {
        for (let i = 0; i < values.length; i++) {
          const saved = values[i];
          values[i] = saved + step;
          const up = referenceObjective(config, weights, inputs, labels);
          values[i] = saved - step;
          const down = referenceObjective(config, weights, inputs, labels);
          values[i] = saved;
          const gradient = (up - down) / (2 * step);
          expect(Math.abs(original[g][i] - stepped[g][i] - gradient)).toBeLessThan(1e-4);
        }
      });
      network.dispose();
    },
  );

  it("a step lowers the loss on its batch, with or without a penalty", () => {
    for (const regularization of [{ kind: "none", rate: 0 }, { kind: "l2", rate: 0.5 }] as const) {
      const network = new Network(tf, { ...baseConfig, regularization });
      const xs = Float32Array.from(randomInputs(10, 3, 8).flat());
      const ys = Float32Array.from({ length: 10 }, (_, n) => n % 2);
      const lossBefore = network.loss(xs, ys);
      network.trainEpoch(xs, ys, 10, createRng(1));
      expect(network.loss(xs, ys)).toBeLessThan(lossBefore);
      network.dispose();
    }
  });

  it("one SGD batch of the spiral's network (8-8 tanh, tanh output, L2) runs at most 37 TF.js kernels", async () => {
    // On the CPU backend each kernel's bookkeeping costs about as much as its arithmetic, so the
    // count sets the epochs per second. With tf.train.sgd, index gathers and a per-batch loss it was 55.
    const network = new Network(tf, { ...baseConfig, inputSize: 2, hidden: [8, 8], output: "tanh", init: "playground", regularization: { kind: "l2", rate: 0.0003 } });
    const xs = Float32Array.from(randomInputs(10, 2, 14).flat());
    const ys = Float32Array.from({ length: 10 }, (_, n) => n % 2);
    const info = await tf.profile(() => network.trainEpoch(xs, ys, 10, createRng(1)));
    expect(info.kernels.length).toBeLessThanOrEqual(37);
    expect(info.newTensors).toBe(0);
    network.dispose();
  });

  it("with no shuffle stream, trains in the given order: the same weights every time", () => {
    const xs = Float32Array.from(randomInputs(20, 3, 12).flat());
    const ys = Float32Array.from({ length: 20 }, (_, n) => n % 2);
    const [a, b, shuffled] = [0, 1, 2].map(() => new Network(tf, baseConfig));
    a.trainEpoch(xs, ys, 5, null);
    b.trainEpoch(xs, ys, 5, null);
    shuffled.trainEpoch(xs, ys, 5, createRng(3));
    expect(b.readWeights()).toEqual(a.readWeights());
    expect(shuffled.readWeights().kernels[0]).not.toEqual(a.readWeights().kernels[0]);
    [a, b, shuffled].forEach((n) => n.dispose());
  });

  it("a tanh output's loss is ½·squared error against ±1 and its accuracy thresholds at 0", () => {
    const config: NetworkConfig = { ...baseConfig, output: "tanh", init: "playground" };
    const network = new Network(tf, config);
    const inputs = randomInputs(30, 3, 13);
    const labels = inputs.map((_, n) => n % 2);
    const weights = network.readWeights();
    const outputs = referenceForward(config, weights, inputs).at(-1) as number[][];
    const correct = outputs.filter((o, n) => (o[0] >= 0 ? 1 : 0) === labels[n]).length;
    const xs = Float32Array.from(inputs.flat());
    const ys = Float32Array.from(labels);
    expect(network.loss(xs, ys)).toBeCloseTo(referenceObjective(config, weights, inputs, labels), 5);
    expect(network.accuracy(xs, ys)).toBeCloseTo(correct / inputs.length, 6);
    network.dispose();
  });

  it("handles a last batch smaller than the batch size", () => {
    const network = new Network(tf, baseConfig);
    const xs = Float32Array.from(randomInputs(11, 3, 9).flat());
    const ys = Float32Array.from({ length: 11 }, (_, n) => n % 2);
    network.trainEpoch(xs, ys, 4, createRng(1));
    expect(network.readWeights().kernels.every((k) => k.every(Number.isFinite))).toBe(true);
    network.dispose();
  });

  it("computes loss and accuracy matching the reference", () => {
    const config: NetworkConfig = { ...baseConfig, output: "softmax", outputSize: 3 };
    const network = new Network(tf, config);
    const inputs = randomInputs(30, 3, 10);
    const labels = inputs.map((_, n) => n % 3);
    const weights = network.readWeights();
    const outputs = referenceForward(config, weights, inputs).at(-1) as number[][];
    const correct = outputs.filter((p, n) => p.indexOf(Math.max(...p)) === labels[n]).length;
    const xs = Float32Array.from(inputs.flat());
    const ys = Float32Array.from(labels);
    expect(network.loss(xs, ys)).toBeCloseTo(referenceObjective(config, weights, inputs, labels), 5);
    expect(network.accuracy(xs, ys)).toBeCloseTo(correct / inputs.length, 6);
    network.dispose();
  });
});

describe("Network shown weights (running average)", () => {
  const xs = Float32Array.from(randomInputs(20, 3, 15).flat());
  const ys = Float32Array.from({ length: 20 }, (_, n) => n % 2);

  it("show k·before + (1 − k)·trained after each epoch, k = min(½^(1/half-life), (1 + t)/(10 + t)), while training is unchanged", () => {
    const halfLife = 30;
    const plain = new Network(tf, baseConfig);
    const averaged = new Network(tf, { ...baseConfig, averageHalfLife: halfLife });
    let shown = toFloat64Weights(averaged.readWeights());
    const [rngA, rngB] = [createRng(2), createRng(2)];
    for (let t = 1; t <= 40; t++) {
      plain.trainEpoch(xs, ys, 5, rngA);
      averaged.trainEpoch(xs, ys, 5, rngB);
      const keep = Math.min(0.5 ** (1 / halfLife), (1 + t) / (10 + t));
      const trained = plain.readWeights(); // the same updates: averaging does not touch training
      shown = {
        kernels: shown.kernels.map((k, l) => k.map((v, i) => keep * v + (1 - keep) * trained.kernels[l][i])),
        biases: shown.biases.map((b, l) => b.map((v, i) => keep * v + (1 - keep) * trained.biases[l][i])),
      };
    }
    const actual = averaged.readWeights();
    actual.kernels.forEach((k, l) => k.forEach((v, i) => expect(Math.abs(v - shown.kernels[l][i])).toBeLessThan(1e-5)));
    actual.biases.forEach((b, l) => b.forEach((v, i) => expect(Math.abs(v - shown.biases[l][i])).toBeLessThan(1e-5)));
    // What it reports is computed from the shown weights, not the trained ones.
    const inputs = randomInputs(20, 3, 15);
    const expected = referenceObjective(baseConfig, shown, inputs, inputs.map((_, n) => n % 2));
    expect(averaged.loss(xs, ys)).toBeCloseTo(expected, 5);
    expect(Math.abs(averaged.loss(xs, ys) - plain.loss(xs, ys))).toBeGreaterThan(1e-4);
    plain.dispose();
    averaged.dispose();
  });

  it("setWeights sets the shown weights too, and nothing leaks", () => {
    const before = tf.memory().numTensors;
    const network = new Network(tf, { ...baseConfig, averageHalfLife: 10 });
    const weights = network.readWeights();
    for (let epoch = 0; epoch < 5; epoch++) network.trainEpoch(xs, ys, 5, createRng(epoch));
    network.setWeights(weights);
    expect(network.readWeights()).toEqual(weights);
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("Network memory", () => {
  const xs = Float32Array.from(randomInputs(50, 3, 11).flat());
  const ys = Float32Array.from({ length: 50 }, (_, n) => n % 2);

  it("leaks no tensors over 50 SGD epochs, loss, accuracy, weight reads and writes", () => {
    const before = tf.memory().numTensors;
    const network = new Network(tf, { ...baseConfig, regularization: { kind: "l1", rate: 0.001 } });
    const afterConstruction = tf.memory().numTensors;
    const rng = createRng(1);
    for (let epoch = 0; epoch < 50; epoch++) {
      network.trainEpoch(xs, ys, 10, rng);
      network.loss(xs, ys);
      network.accuracy(xs, ys);
      expect(tf.memory().numTensors).toBe(afterConstruction);
    }
    network.setWeights(network.readWeights());
    const input = tf.tensor2d(xs, [50, 3]);
    tf.dispose(network.forwardAll(input));
    input.dispose();
    expect(tf.memory().numTensors).toBe(afterConstruction);
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("leaks no tensors over 50 Adam epochs once Adam has created its moments", () => {
    const before = tf.memory().numTensors;
    const network = new Network(tf, { ...baseConfig, optimizer: "adam", learningRate: 0.01 });
    const rng = createRng(1);
    network.trainEpoch(xs, ys, 10, rng); // Adam creates its moment variables on the first step
    const afterWarmUp = tf.memory().numTensors;
    for (let epoch = 0; epoch < 50; epoch++) {
      network.trainEpoch(xs, ys, 10, rng);
      expect(tf.memory().numTensors).toBe(afterWarmUp);
    }
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
