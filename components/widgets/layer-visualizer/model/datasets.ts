import { createRng, gaussian, shuffled } from "../../shared/rng";

export type DatasetKind = "circle" | "xor" | "gauss" | "spiral";
export type Point = { x: number; y: number; label: 0 | 1 };

type Label = 0 | 1;
type Rng = () => number;
type PointSampler = (label: Label, index: number, perLabel: number, noise: number, rng: Rng) => [number, number];

/*
 * The shapes follow TensorFlow Playground, which draws them in a ±6 domain;
 * they are written here in Playground units and divided by PLAYGROUND_EXTENT,
 * so at zero noise everything lies within ±5/6 and noise may spread it to ±1.
 */
const PLAYGROUND_EXTENT = 6;
const RADIUS = 5;

function uniform(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng();
}

/** Inner disc (label 1) against an outer ring (label 0); noise jitters by up to noise × radius. */
const circle: PointSampler = (label, _index, _perLabel, noise, rng) => {
  const r = label === 1 ? uniform(rng, 0, RADIUS * 0.5) : uniform(rng, RADIUS * 0.7, RADIUS);
  const angle = uniform(rng, 0, 2 * Math.PI);
  return [
    r * Math.sin(angle) + uniform(rng, -RADIUS, RADIUS) * noise,
    r * Math.cos(angle) + uniform(rng, -RADIUS, RADIUS) * noise,
  ];
};

/** Label 1 where x and y share a sign, 0 where they differ; noise jitters by up to noise × 5. */
const xor: PointSampler = (label, _index, _perLabel, noise, rng) => {
  const padding = 0.3; // keeps noise-free points off the axes, where the label would be ambiguous
  const xSign = rng() < 0.5 ? -1 : 1;
  const ySign = label === 1 ? xSign : -xSign;
  return [
    xSign * (uniform(rng, 0, RADIUS) + padding) + uniform(rng, -RADIUS, RADIUS) * noise,
    ySign * (uniform(rng, 0, RADIUS) + padding) + uniform(rng, -RADIUS, RADIUS) * noise,
  ];
};

/** Two round blobs at (2, 2) (label 1) and (-2, -2) (label 0); noise widens them. */
const gauss: PointSampler = (label, _index, _perLabel, noise, rng) => {
  const variance = 0.5 + (noise / 0.5) * 3.5; // Playground: noise 0..0.5 maps to variance 0.5..4
  const spread = Math.sqrt(variance);
  const centre = label === 1 ? 2 : -2;
  return [centre + gaussian(rng) * spread, centre + gaussian(rng) * spread];
};

/** Two interleaved spiral arms, half a turn apart; noise jitters by up to noise × 1. */
const spiral: PointSampler = (label, index, perLabel, noise, rng) => {
  const progress = index / perLabel;
  const r = progress * RADIUS;
  const t = 1.75 * progress * 2 * Math.PI + (label === 1 ? 0 : Math.PI);
  return [
    r * Math.sin(t) + uniform(rng, -1, 1) * noise,
    r * Math.cos(t) + uniform(rng, -1, 1) * noise,
  ];
};

const SAMPLERS: Record<DatasetKind, PointSampler> = { circle, xor, gauss, spiral };

function clampUnit(value: number): number {
  return Math.max(-1, Math.min(1, value));
}

/**
 * `count` points in [-1, 1]², half of each label (label 1 gets the extra one when
 * `count` is odd), alternating labels so neither class is drawn entirely on top.
 * `noise` runs 0..0.5; the same seed always gives the same points.
 */
export function generateDataset(
  kind: DatasetKind,
  opts: { count: number; noise: number; seed: number },
): Point[] {
  const rng = createRng(opts.seed);
  const sample = SAMPLERS[kind];
  const perLabel = Math.ceil(opts.count / 2);
  const points: Point[] = [];
  for (let i = 0; i < opts.count; i++) {
    const label: Label = i % 2 === 0 ? 1 : 0;
    const [x, y] = sample(label, Math.floor(i / 2), perLabel, opts.noise, rng);
    points.push({
      x: clampUnit(x / PLAYGROUND_EXTENT),
      y: clampUnit(y / PLAYGROUND_EXTENT),
      label,
    });
  }
  return points;
}

/** Seeded shuffle, then the first round(n × trainRatio) points train and the rest test. */
export function splitTrainTest(
  points: Point[],
  trainRatio: number,
  seed: number,
): { train: Point[]; test: Point[] } {
  const order = shuffled(points, createRng(seed));
  const trainCount = Math.round(points.length * trainRatio);
  return { train: order.slice(0, trainCount), test: order.slice(trainCount) };
}
