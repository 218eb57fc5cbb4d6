/**
 * The loss surfaces the optimizers race on: small functions of two parameters (x, y), each written
 * twice — as plain arithmetic with its exact gradient (for the contour map and the tests), and in
 * TF.js ops (`./tfSurfaces.ts`) for the real optimizers. All are scaled so that the steepest
 * curvature near a minimum is about 2: plain gradient descent then overshoots and flies off once
 * the learning rate passes 1, which is what the last choice of rate shows.
 */

export type SurfaceId = "bowl" | "ravine" | "saddle" | "minima";
export type Point = { x: number; y: number };

export type Surface = {
  id: SurfaceId;
  label: string;
  /** What the reader should guess before pressing Play. */
  question: string;
  /** The map shows [-extent, extent] on both axes. */
  extent: number;
  loss: (x: number, y: number) => number;
  gradient: (x: number, y: number) => [number, number];
  /** Local minima, lowest first. */
  minima: Point[];
  /** Where the race starts until the reader drops another point. */
  start: Point;
};

/** A round-ish bowl: curvature 1 across, 2 up and down. One minimum at the origin. */
const bowl: Surface = {
  id: "bowl",
  label: "Bowl",
  question: "all three start on the rim of the same smooth bowl. Which one reaches the bottom first?",
  extent: 3,
  loss: (x, y) => 0.5 * x * x + y * y,
  gradient: (x, y) => [x, 2 * y],
  minima: [{ x: 0, y: 0 }],
  start: { x: -2.4, y: 2.1 },
};

/** A long, narrow valley tilted by 30°: curvature 0.04 along it, 2 across it. */
const RAVINE_ANGLE = Math.PI / 6;
const RAVINE_ALONG = 0.02;
const COS = Math.cos(RAVINE_ANGLE);
const SIN = Math.sin(RAVINE_ANGLE);
const ravine: Surface = {
  id: "ravine",
  label: "Ravine",
  question: "the valley is long and narrow. Who zigzags from wall to wall, and who rolls along the floor?",
  extent: 3,
  loss: (x, y) => {
    const u = COS * x + SIN * y;
    const v = -SIN * x + COS * y;
    return RAVINE_ALONG * u * u + v * v;
  },
  gradient: (x, y) => {
    const u = COS * x + SIN * y;
    const v = -SIN * x + COS * y;
    // d/du = 0.04u, d/dv = 2v, rotated back into x and y.
    const du = 2 * RAVINE_ALONG * u;
    const dv = 2 * v;
    return [COS * du - SIN * dv, SIN * du + COS * dv];
  },
  minima: [{ x: 0, y: 0 }],
  start: { x: -2.84, y: -0.48 },
};

/**
 * A mountain pass: downhill along y from a saddle point at the origin into two valleys at
 * (0, ±1). Starting on the ridge, the push off it is tiny at first.
 */
const saddle: Surface = {
  id: "saddle",
  label: "Saddle",
  question: "the start sits almost on a ridge, where the slope sideways is nearly zero. Who escapes it first?",
  extent: 2,
  loss: (x, y) => 0.5 * x * x + 0.25 * (y * y - 1) ** 2,
  gradient: (x, y) => [x, y * (y * y - 1)],
  minima: [
    { x: 0, y: 1 },
    { x: 0, y: -1 },
  ],
  start: { x: -1.8, y: 0.02 },
};

/** Three Gaussian dips of different depths in a shallow bowl. */
const WELLS = [
  { x: -1.3, y: -1.0, depth: 1.6, width: 0.9 },
  { x: 1.4, y: 0.9, depth: 1.15, width: 0.8 },
  { x: -0.9, y: 1.6, depth: 0.7, width: 0.6 },
] as const;
const BOWL = 0.06;
/** Lifts the lowest point of the landscape to (about) zero. */
const MINIMA_OFFSET = 1.4483;

const minima: Surface = {
  id: "minima",
  label: "Several minima",
  question: "three dips of different depths. Does each optimizer find the deepest, or the nearest?",
  extent: 3,
  loss: (x, y) => {
    let sum = MINIMA_OFFSET + BOWL * (x * x + y * y);
    for (const w of WELLS) sum -= w.depth * Math.exp(-((x - w.x) ** 2 + (y - w.y) ** 2) / (2 * w.width ** 2));
    return sum;
  },
  gradient: (x, y) => {
    let gx = 2 * BOWL * x;
    let gy = 2 * BOWL * y;
    for (const w of WELLS) {
      const s2 = w.width ** 2;
      const e = w.depth * Math.exp(-((x - w.x) ** 2 + (y - w.y) ** 2) / (2 * s2));
      gx += (e * (x - w.x)) / s2;
      gy += (e * (y - w.y)) / s2;
    }
    return [gx, gy];
  },
  // Found with Newton's method (see surfaces.test.ts, which checks the gradient vanishes here).
  minima: [
    { x: -1.2244, y: -0.9416 },
    { x: 1.3053, y: 0.84 },
    { x: -0.8221, y: 1.4416 },
  ],
  start: { x: -2.5, y: 1.5 },
};

export const SURFACES: Record<SurfaceId, Surface> = { bowl, ravine, saddle, minima };
export const SURFACE_IDS: SurfaceId[] = ["bowl", "ravine", "saddle", "minima"];

export const wells = WELLS;
export const minimaBowl = BOWL;
export const minimaOffset = MINIMA_OFFSET;
export const ravineAngle = RAVINE_ANGLE;
export const ravineAlong = RAVINE_ALONG;

export function isSurfaceId(value: unknown): value is SurfaceId {
  return typeof value === "string" && (SURFACE_IDS as string[]).includes(value);
}

/**
 * The learning rates on offer. Every surface bends at most about 2 near its minima, so plain
 * gradient descent is stable below 1; 1.1 makes it overshoot further each step, and at 2.2
 * momentum (stable up to 2 × (1 + 0.9) / 2 = 1.9) flies off too.
 */
export const LEARNING_RATES = [0.01, 0.03, 0.1, 0.3, 0.6, 1.1, 2.2] as const;
export const DIVERGENT_RATE = 2.2;

/** The nearest offered rate to `value`. */
export function nearestRate(value: number | undefined, fallback = 0.1): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return LEARNING_RATES.reduce((best, r) => (Math.abs(Math.log(r / value)) < Math.abs(Math.log(best / value)) ? r : best), LEARNING_RATES[0]);
}

/** Values of the surface on an n × n grid over the map, row by row from the top (largest y). */
export function sampleGrid(surface: Surface, n: number): Float64Array {
  const values = new Float64Array(n * n);
  const { extent } = surface;
  for (let row = 0; row < n; row++) {
    const y = extent - ((row + 0.5) / n) * 2 * extent;
    for (let col = 0; col < n; col++) {
      const x = -extent + ((col + 0.5) / n) * 2 * extent;
      values[row * n + col] = surface.loss(x, y);
    }
  }
  return values;
}
