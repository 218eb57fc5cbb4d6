import type { DatasetKind } from "../model/datasets";
import type { Feature } from "../model/features";
import type { Activation } from "../../shared/dense-network/network";
import type { Penalty } from "../../shared/dense-network/penalty";

export type Mode = "playground" | "digits";

/** Everything that defines what the reader sees; it round-trips through the page URL. */
export type VisualizerConfig = {
  mode: Mode;
  dataset: DatasetKind;
  noise: number;
  trainRatio: number;
  seed: number;
  hidden: number[];
  activation: Activation;
  learningRate: number;
  batchSize: number;
  regularization: Penalty;
  features: Feature[];
  /** Draw the test points over the output plane (hidden by default so they do not cover its colours). Display only. */
  showTestData: boolean;
};

export const LIMITS = { layers: [1, 6], neurons: [1, 8], batch: [1, 30], noise: [0, 0.5], trainRatio: [0.1, 0.9] } as const;
export const LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3] as const;
export const REGULARIZATION_RATES = [0, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1] as const;
export const ACTIVATIONS: Activation[] = ["relu", "tanh", "sigmoid", "linear"];
export const DATASETS: { kind: DatasetKind; label: string }[] = [
  { kind: "circle", label: "Circle" },
  { kind: "xor", label: "XOR" },
  { kind: "gauss", label: "Two clusters" },
  { kind: "spiral", label: "Spiral" },
];

/** Points generated per dataset; with a 50% split an epoch is 250 points, as in the benchmark. */
export const POINT_COUNT = 500;

/** The digits network is fixed: 64 pixels in, ten classes out. */
export const DIGITS_HIDDEN = [32, 16];

export const DEFAULT_CONFIG: VisualizerConfig = {
  mode: "playground",
  dataset: "circle",
  noise: 0,
  trainRatio: 0.5,
  seed: 1,
  hidden: [4, 2],
  activation: "tanh",
  learningRate: 0.03,
  batchSize: 10,
  regularization: { kind: "none", rate: 0 },
  features: ["x", "y"],
  showTestData: false,
};

export type Preset = { id: string; question: string; config: Partial<VisualizerConfig> };

/** Each preset opens with a question for the reader to predict before pressing play. */
export const PRESETS: Preset[] = [
  { id: "circle-one", question: "Can one neuron separate the circle?", config: { dataset: "circle", hidden: [1] } },
  { id: "circle", question: "How few neurons can draw a ring around the inner dots?", config: { dataset: "circle", hidden: [4, 2] } },
  // A small L2 keeps XOR's edges on the axes once the corners are right: without it they drift
  // and the test accuracy sinks from ~99% to ~97% within 10 s (issue #18, docs/benchmarks.md).
  {
    id: "xor",
    question: "Can a straight line split the four corners? What does a second layer change?",
    config: { dataset: "xor", hidden: [4], learningRate: 0.1, regularization: { kind: "l2", rate: 0.003 } },
  },
  // L2 keeps the spiral's bands clean however long it trains: without it the network eventually
  // bends the boundary around single training points. 0.001 rather than 0.0003 also lets a run
  // caught with part of an arm on the wrong side climb out (issue #18, docs/benchmarks.md).
  {
    id: "spiral",
    question: "Watch the first layer draw straight edges. Where do the curves come from?",
    config: { dataset: "spiral", hidden: [8, 8], activation: "tanh", learningRate: 0.03, noise: 0, regularization: { kind: "l2", rate: 0.001 } },
  },
  { id: "digits", question: "Draw a digit. Which hidden neurons light up, and does the network agree with you?", config: { mode: "digits" } },
];

export function presetById(id: string | undefined): Preset {
  return PRESETS.find((p) => p.id === id) ?? PRESETS[1];
}

export function configFromPreset(id: string | undefined, overrides: Partial<VisualizerConfig> = {}): VisualizerConfig {
  return { ...DEFAULT_CONFIG, ...presetById(id).config, ...overrides };
}
