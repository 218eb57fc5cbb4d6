// How the layer visualizer's training method learns the spiral, one difference from TensorFlow
// Playground at a time: the widget's own model code on TF.js's CPU backend in Node, seeded, counted
// in epochs (not wall time, so a busy machine does not change the figures). Test accuracy is the
// output thresholded at its midpoint over the 250 test points, as in issue #18.
//
//   npx tsx bench/visualizer-method.mts
//   Env: SEEDS (1,2,3,4,5,6), EPOCHS (15000), VARIANTS (all; comma-separated ids), DATASET (spiral),
//        HIDDEN (8-8), LR (0.03).
//   The variant "env" is built from NET_HEAD (tanh), NET_INIT (playground | glorot | uniform:R,
//   kernels uniform in ±R with biases NET_BIAS, 0.1), NET_PENALTY (l2 | l1), NET_RATE (0.001),
//   NET_RATE_TO / NET_RATE_FROM / NET_RATE_LEN (the penalty moves linearly to NET_RATE_TO over
//   NET_RATE_LEN epochs after epoch NET_RATE_FROM, set through setRegularization, as the widget's
//   controls would), NET_AVG (averaging half-life, 30; 0 = off), NET_RESHUFFLE (1).
//
//   MODE=speed npx tsx bench/visualizer-method.mts
//   Epochs per CPU-second of the hand-written networks (from git, OLD_REF) against the shared dense
//   network, interleaved in one process: see bench/dense-network-speed.mts.
// At the 252 epochs/s the widget trains on a quiet machine, 1,500 epochs ≈ 6 s, 5,000 ≈ 20 s and
// 15,000 ≈ 60 s; the Playground, at ~48 epochs/s, is at ~2,900 epochs after 60 s.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import os from "node:os";
import { generateDataset, splitTrainTest, type DatasetKind } from "../components/widgets/layer-visualizer/model/datasets";
import { toTensorData } from "../components/widgets/layer-visualizer/model/features";
import { VisualizerNetwork } from "../components/widgets/layer-visualizer/model/network";
import type { Init } from "../components/widgets/shared/dense-network/init";
import type { DenseConfig } from "../components/widgets/shared/dense-network/network";
import type { Penalty } from "../components/widgets/shared/dense-network/penalty";
import { createRng } from "../components/widgets/shared/rng";

type Variant = {
  id: string;
  what: string;
  network: Pick<DenseConfig, "head" | "init"> & Partial<Pick<DenseConfig, "penalty" | "optimizer" | "averageHalfLife">>;
  reshuffle: boolean;
};

if (process.env.MODE === "speed") {
  await import("./dense-network-speed.mjs");
  process.exit(0);
}

const envInit = (name: string): Init => {
  if (!name.startsWith("uniform:")) return name as Init;
  const range = Number(name.slice(8));
  const bias = Number(process.env.NET_BIAS ?? 0.1);
  return (_layer, fanIn, fanOut, rng) => ({
    kernel: Float32Array.from({ length: fanIn * fanOut }, () => (2 * rng() - 1) * range),
    bias: new Float32Array(fanOut).fill(bias),
  });
};
const NET_RATE = Number(process.env.NET_RATE ?? 0.001);
const NET_RATE_TO = process.env.NET_RATE_TO === undefined ? null : Number(process.env.NET_RATE_TO);
const NET_RATE_FROM = Number(process.env.NET_RATE_FROM ?? 0);
const NET_RATE_LEN = Number(process.env.NET_RATE_LEN ?? 5_000);
const NET_PENALTY = (process.env.NET_PENALTY ?? "l2") as Penalty["kind"];
/** The penalty's rate for an epoch (1-based) of the "env" variant. */
const envRate = (epoch: number) => (NET_RATE_TO === null || epoch <= NET_RATE_FROM ? NET_RATE : NET_RATE + (NET_RATE_TO - NET_RATE) * Math.min(1, (epoch - NET_RATE_FROM) / NET_RATE_LEN));

const VARIANTS: Variant[] = [
  { id: "old", what: "before #18: sigmoid + cross-entropy, Glorot, reshuffle", network: { head: "sigmoid", init: "glorot" }, reshuffle: true },
  { id: "tanh-se", what: "only the output: tanh + squared error", network: { head: "tanh", init: "glorot" }, reshuffle: true },
  { id: "init", what: "only the start: ±0.5 weights, 0.1 biases", network: { head: "sigmoid", init: "playground" }, reshuffle: true },
  { id: "once", what: "only the order: shuffled once", network: { head: "sigmoid", init: "glorot" }, reshuffle: false },
  { id: "tanh-se+init", what: "tanh + squared error, Playground start (no L2)", network: { head: "tanh", init: "playground" }, reshuffle: true },
  { id: "peer", what: "all three: the Playground's method", network: { head: "tanh", init: "playground" }, reshuffle: false },
  { id: "old+l2", what: "before #18 with L2 0.001", network: { head: "sigmoid", init: "glorot", penalty: { kind: "l2", rate: 0.001 } }, reshuffle: true },
  { id: "peer+l2", what: "the Playground's method with L2 0.0003", network: { head: "tanh", init: "playground", penalty: { kind: "l2", rate: 0.0003 } }, reshuffle: false },
  { id: "fix", what: "first #18 round: tanh + squared error, Playground start, reshuffle, L2 0.0003", network: { head: "tanh", init: "playground", penalty: { kind: "l2", rate: 0.0003 } }, reshuffle: true },
  { id: "fix-l2-0005", what: "the same with L2 0.0005", network: { head: "tanh", init: "playground", penalty: { kind: "l2", rate: 0.0005 } }, reshuffle: true },
  { id: "fix-l2-001", what: "the same with L2 0.001", network: { head: "tanh", init: "playground", penalty: { kind: "l2", rate: 0.001 } }, reshuffle: true },
  { id: "widget", what: "second #18 round (the widget): L2 0.001, averaged (half-life 30)", network: { head: "tanh", init: "playground", penalty: { kind: "l2", rate: 0.001 }, averageHalfLife: 30 }, reshuffle: true },
  {
    id: "env",
    what: `from NET_*: ${process.env.NET_HEAD ?? "tanh"}, ${process.env.NET_INIT ?? "playground"}, ${NET_PENALTY} ${NET_RATE}${NET_RATE_TO === null ? "" : ` → ${NET_RATE_TO} over epochs ${NET_RATE_FROM}–${NET_RATE_FROM + NET_RATE_LEN}`}, average ${process.env.NET_AVG ?? 30}`,
    network: {
      head: (process.env.NET_HEAD ?? "tanh") as DenseConfig["head"],
      init: envInit(process.env.NET_INIT ?? "playground"),
      penalty: { kind: NET_PENALTY, rate: NET_RATE },
      averageHalfLife: Number(process.env.NET_AVG ?? 30),
    },
    reshuffle: process.env.NET_RESHUFFLE !== "0",
  },
];

const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(",").map((s) => s.trim()).filter(Boolean);
const SEEDS = list(process.env.SEEDS, "1,2,3,4,5,6").map(Number);
const EPOCHS = Number(process.env.EPOCHS ?? 15_000);
const DATASET = (process.env.DATASET ?? "spiral") as DatasetKind;
const HIDDEN = list(process.env.HIDDEN, "8-8")[0].split("-").map(Number);
const LR = Number(process.env.LR ?? 0.03);
const chosen = list(process.env.VARIANTS, VARIANTS.map((v) => v.id).join(","));
for (const id of chosen) if (!VARIANTS.some((v) => v.id === id)) throw new Error(`VARIANTS: unknown "${id}" (use ${VARIANTS.map((v) => v.id).join(", ")})`);
if (!(EPOCHS > 0) || SEEDS.some((s) => !Number.isInteger(s))) throw new Error("EPOCHS must be positive and SEEDS integers");

/** Epochs at which the table reads the network: ~6 s, the peer's 60 s, ~20 s and ~60 s at 252 epochs/s. */
const CHECKPOINTS = [1_500, 2_900, 5_000, 10_000, 12_500, 15_000, 17_500, 20_000].filter((e) => e <= EPOCHS);
if (!CHECKPOINTS.includes(EPOCHS)) CHECKPOINTS.push(EPOCHS);
const ACCURACY_TARGET = 0.9;

type Reading = { accuracy: number; trainLoss: number; testLoss: number };
type Run = { seed: number; epochTo90: number | null; at: Map<number, Reading> };

function train(variant: Variant, seed: number): Run {
  // The same data, split, network seed and shuffle stream as the widget's Session.
  const points = generateDataset(DATASET, { count: 500, noise: 0, seed });
  const { train: trainPoints, test: testPoints } = splitTrainTest(points, 0.5, seed);
  const trainData = toTensorData(trainPoints, ["x", "y"]);
  const testData = toTensorData(testPoints, ["x", "y"]);
  const network = new VisualizerNetwork(tf, {
    inputSize: 2,
    hidden: HIDDEN,
    outputSize: 1,
    activation: "tanh",
    learningRate: LR,
    seed,
    ...variant.network,
  });
  const rng = variant.reshuffle ? createRng(seed * 7919 + 17) : null;
  const run: Run = { seed, epochTo90: null, at: new Map() };
  try {
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      if (variant.id === "env" && NET_RATE_TO !== null) network.setRegularization({ penalty: { kind: NET_PENALTY, rate: envRate(epoch) } });
      network.trainEpoch(trainData.xs, trainData.ys, 10, rng);
      if (run.epochTo90 === null && epoch % 10 === 0 && network.accuracy(testData.xs, testData.ys) >= ACCURACY_TARGET) run.epochTo90 = epoch;
      if (CHECKPOINTS.includes(epoch)) {
        run.at.set(epoch, {
          accuracy: network.accuracy(testData.xs, testData.ys),
          trainLoss: network.loss(trainData.xs, trainData.ys),
          testLoss: network.loss(testData.xs, testData.ys),
        });
      }
    }
  } finally {
    network.dispose();
  }
  return run;
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (v: number) => `${(v * 100).toFixed(1)}`;
const spread = (values: number[], format: (v: number) => string) =>
  `${format(median(values))} [${format(Math.min(...values))}–${format(Math.max(...values))}]`;

await tf.setBackend("cpu");
console.log(`${DATASET}, ${HIDDEN.join("-")} tanh, SGD lr ${LR}, batch 10, noise 0, 500 points split 50/50, inputs x₁ x₂; seeds ${SEEDS.join(", ")}; ${EPOCHS} epochs`);
console.log(`TF.js ${tf.version_core} cpu backend in Node ${process.version}; load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs`);
console.log(`accuracy = test points whose output is on the right side of its midpoint, %; loss is each variant's own (cross-entropy or ½·squared error)\n`);

const summary: string[][] = [["variant", "to 90% (epochs)", ...CHECKPOINTS.map((e) => `acc @${e}`), `≥99% @${EPOCHS}`, `train / test loss @${EPOCHS}`]];
for (const id of chosen) {
  const variant = VARIANTS.find((v) => v.id === id)!;
  const runs: Run[] = [];
  for (const seed of SEEDS) {
    const started = performance.now();
    const run = train(variant, seed);
    runs.push(run);
    const last = run.at.get(EPOCHS)!;
    const accs = CHECKPOINTS.map((e) => `${e}: ${pct(run.at.get(e)!.accuracy)}%`).join("  ");
    console.log(
      `${id.padEnd(13)} seed ${seed}  90% at ${run.epochTo90 ?? "—"}  ${accs}  loss ${last.trainLoss.toFixed(4)} / ${last.testLoss.toFixed(4)}  (${(EPOCHS / ((performance.now() - started) / 1000)).toFixed(0)} epochs/s)`,
    );
  }
  const final = runs.map((r) => r.at.get(EPOCHS)!);
  summary.push([
    `${id}: ${variant.what}`,
    spread(runs.map((r) => r.epochTo90 ?? Number.POSITIVE_INFINITY), (v) => (Number.isFinite(v) ? String(v) : "—")),
    ...CHECKPOINTS.map((e) => spread(runs.map((r) => r.at.get(e)!.accuracy), pct)),
    `${final.filter((r) => r.accuracy >= 0.99).length} of ${runs.length}`,
    `${spread(final.map((r) => r.trainLoss), (v) => v.toFixed(4))} / ${spread(final.map((r) => r.testLoss), (v) => v.toFixed(3))}`,
  ]);
}

console.log(`\nmedian [min–max] over seeds ${SEEDS.join(", ")}:`);
const widths = summary[0].map((_, i) => Math.max(...summary.map((r) => r[i].length)));
for (const row of summary) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
