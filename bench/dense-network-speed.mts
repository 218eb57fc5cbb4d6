// Old against new, per epoch: the hand-written backpropagation the widgets used before the shared
// dense network (read from git at OLD_REF), the shared network with TF.js autodiff, and the layer
// visualizer's network (the shared one with its SGD step written out). Interleaved in one process,
// timed in CPU time (process.cpuUsage), so other work on a shared machine moves the figures less.
//
//   MODE=speed npx tsx bench/visualizer-method.mts      (or: npx tsx bench/dense-network-speed.mts)
//   Env: OLD_REF (7910ab4, the last commit with both hand-written networks), ROUNDS (8).
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { generateDataset, splitTrainTest } from "../components/widgets/layer-visualizer/model/datasets";
import { splitDigits } from "../components/widgets/layer-visualizer/model/digits";
import { toTensorData } from "../components/widgets/layer-visualizer/model/features";
import { VisualizerNetwork } from "../components/widgets/layer-visualizer/model/network";
import { curveNetwork } from "../components/widgets/overfitting/model/experiment";
import { makeDataset } from "../components/widgets/overfitting/model/data";
import { DenseNetwork, type DenseConfig } from "../components/widgets/shared/dense-network/network";
import { decodeDigits } from "../components/widgets/shared/digits";
import { createRng } from "../components/widgets/shared/rng";

const OLD_REF = process.env.OLD_REF ?? "7910ab4";
const ROUNDS = Number(process.env.ROUNDS ?? 8);

/** A file as it was at OLD_REF, imported from a temporary copy beside it (so its relative imports resolve). */
async function fromGit<T>(file: string): Promise<T> {
  const copy = path.join(path.dirname(file), `.old-${OLD_REF}-${path.basename(file)}`);
  fs.writeFileSync(copy, execFileSync("git", ["show", `${OLD_REF}:${file}`]));
  try {
    return (await import(pathToFileURL(path.resolve(copy)).href)) as T;
  } finally {
    fs.rmSync(copy);
  }
}

type Trainer = { name: string; epoch: () => void; weights: () => Float32Array[]; dispose: () => void };
type OldNetwork = { trainEpoch: (xs: Float32Array, ys: Float32Array, batch: number, rng: () => number) => void; readWeights: () => { kernels: Float32Array[]; biases: Float32Array[] }; dispose: () => void };
type OldCurveNet = { trainStep: (x: tf.Tensor2D, y: tf.Tensor2D) => void; readVariables: () => { values: Float32Array }[]; dispose: () => void };

const { Network } = await fromGit<{ Network: new (t: typeof tf, config: object) => OldNetwork }>("components/widgets/layer-visualizer/model/network.ts");
const { CurveNet } = await fromGit<{ CurveNet: new (t: typeof tf, config: object) => OldCurveNet }>("components/widgets/overfitting/model/mlp.ts");

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Mini-batch trainers for one data set: the old network, and new ones built from `config`. */
function minibatch(oldConfig: object, config: DenseConfig, xs: Float32Array, ys: Float32Array, batch: number): Trainer[] {
  const make = (name: string, network: OldNetwork | DenseNetwork): Trainer => {
    const rng = createRng(99);
    return {
      name,
      epoch: () => network.trainEpoch(xs, ys, batch, rng),
      weights: () => [...network.readWeights().kernels, ...network.readWeights().biases],
      dispose: () => network.dispose(),
    };
  };
  return [make("old (hand-written)", new Network(tf, oldConfig)), make("new: VisualizerNetwork", new VisualizerNetwork(tf, config)), make("new: DenseNetwork (autodiff)", new DenseNetwork(tf, config))];
}

/** Full-batch trainers for the overfitting widget's 14 points. */
function fullBatch(l2: number, dropout: number): Trainer[] {
  const data = makeDataset(2);
  const x = tf.tensor2d(data.trainX, [data.trainX.length, 1]);
  const y = tf.tensor2d(data.trainY, [data.trainY.length, 1]);
  const old = new CurveNet(tf, { hidden: [32, 32], learningRate: 0.005, seed: 102, l2, dropout });
  const neu = curveNetwork(tf, 102, { l2, dropout });
  return [
    { name: "old (hand-written)", epoch: () => old.trainStep(x, y), weights: () => old.readVariables().map((v) => v.values), dispose: () => old.dispose() },
    {
      name: "new: DenseNetwork (autodiff)",
      epoch: () => neu.trainStep(x, y),
      weights: () => neu.readWeights().kernels.flatMap((k, l) => [k, neu.readWeights().biases[l]]),
      dispose: () => {
        neu.dispose();
        tf.dispose([x, y]);
      },
    },
  ];
}

/**
 * Each contender trains `epochsPerTurn` epochs per turn, ROUNDS turns, in an order that rotates
 * every round (the garbage one leaves behind is collected during the next one's turn), after one
 * uncounted turn each to warm up.
 */
function race(title: string, trainers: Trainer[], epochsPerTurn: number) {
  const time = trainers.map(() => 0);
  for (const t of trainers) for (let e = 0; e < epochsPerTurn; e++) t.epoch();
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < trainers.length; k++) {
      const i = (round + k) % trainers.length;
      const start = cpu();
      for (let e = 0; e < epochsPerTurn; e++) trainers[i].epoch();
      time[i] += cpu() - start;
    }
  }
  const epochs = ROUNDS * epochsPerTurn;
  // All have trained as many epochs from the same start, so the weights can be compared.
  const rate = time.map((ms) => (epochs * 1000) / ms);
  const reference = trainers[0].weights();
  console.log(`\n${title} — ${epochs} epochs each, ${ROUNDS} interleaved turns; load average ${os.loadavg()[0].toFixed(1)}`);
  trainers.forEach((t, i) => {
    const weights = t.weights();
    let difference = 0;
    weights.forEach((values, g) => values.forEach((v, j) => (difference = Math.max(difference, Math.abs(v - reference[g][j])))));
    console.log(`  ${t.name.padEnd(30)} ${rate[i].toFixed(0).padStart(6)} epochs per CPU-second   × ${(rate[i] / rate[0]).toFixed(2)} of old   largest weight difference from old ${difference.toExponential(1)}`);
  });
  trainers.forEach((t) => t.dispose());
}

await tf.setBackend("cpu");
console.log(`TF.js ${tf.version_core} cpu backend, Node ${process.version}, ${os.cpus().length} CPUs; old code from ${OLD_REF}`);

const spiral = splitTrainTest(generateDataset("spiral", { count: 500, noise: 0, seed: 1 }), 0.5, 1);
const spiralData = toTensorData(spiral.train, ["x", "y"]);
const spiralNet = { inputSize: 2, hidden: [8, 8], outputSize: 1, activation: "tanh" as const, init: "playground" as const, learningRate: 0.03, seed: 1, averageHalfLife: 30 };
race(
  "layer visualizer, spiral preset (2-8-8-1 tanh, SGD 0.03, batch 10, L2 0.001, averaged weights, 250 points)",
  minibatch({ ...spiralNet, output: "tanh", regularization: { kind: "l2", rate: 0.001 } }, { ...spiralNet, head: "tanh", penalty: { kind: "l2", rate: 0.001 } }, spiralData.xs, spiralData.ys, 10),
  50,
);

const digits = splitDigits(decodeDigits(fs.readFileSync("public/widgets/digits.bin")), 0.25, 1).train;
const digitsNet = { inputSize: 64, hidden: [32], outputSize: 10, activation: "relu" as const, optimizer: "adam" as const, learningRate: 0.01, seed: 1 };
race("layer visualizer, digits (64-32-10 relu, softmax, Adam 0.01, batch 32)", minibatch({ ...digitsNet, output: "softmax", regularization: { kind: "none", rate: 0 } }, { ...digitsNet, head: "softmax" }, digits.xs, digits.ys, 32), 2);

race("overfitting, no L2, no dropout (1-32-32-1 tanh, Adam 0.005, 14 points, full batch)", fullBatch(0, 0), 300);
race("overfitting, L2 0.01, dropout 0.3", fullBatch(0.01, 0.3), 300);
