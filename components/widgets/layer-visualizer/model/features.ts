import type { Point } from "./datasets";

export const FEATURES = ["x", "y", "x2", "y2", "xy", "sinx", "siny"] as const;
export type Feature = (typeof FEATURES)[number];

export const FEATURE_LABELS: Record<Feature, string> = {
  x: "x₁",
  y: "x₂",
  x2: "x₁²",
  y2: "x₂²",
  xy: "x₁x₂",
  sinx: "sin x₁",
  siny: "sin x₂",
};

/**
 * The network sees the plane in TensorFlow Playground's units (±6), not the ±1 we draw in:
 * with inputs that small, tanh neurons start almost linear and learn several times slower.
 */
export const INPUT_SCALE = 6;

const FEATURE_FUNCTIONS: Record<Feature, (x: number, y: number) => number> = {
  x: (x) => INPUT_SCALE * x,
  y: (_x, y) => INPUT_SCALE * y,
  x2: (x) => (INPUT_SCALE * x) ** 2,
  y2: (_x, y) => (INPUT_SCALE * y) ** 2,
  xy: (x, y) => INPUT_SCALE * x * INPUT_SCALE * y,
  sinx: (x) => Math.sin(INPUT_SCALE * x),
  siny: (_x, y) => Math.sin(INPUT_SCALE * y),
};

/** Divisors that bring each feature back to about [-1, 1] for drawing its heatmap. */
export const FEATURE_DISPLAY_RANGE: Record<Feature, number> = {
  x: INPUT_SCALE,
  y: INPUT_SCALE,
  x2: INPUT_SCALE ** 2,
  y2: INPUT_SCALE ** 2,
  xy: INPUT_SCALE ** 2,
  sinx: 1,
  siny: 1,
};

export function featurize(x: number, y: number, features: readonly Feature[]): number[] {
  return features.map((feature) => FEATURE_FUNCTIONS[feature](x, y));
}

function writeFeatures(target: Float32Array, row: number, x: number, y: number, features: readonly Feature[]): void {
  const offset = row * features.length;
  for (let f = 0; f < features.length; f++) {
    target[offset + f] = FEATURE_FUNCTIONS[features[f]](x, y);
  }
}

/** Row-major inputs (one row of features per point) and one 0/1 label per row. */
export function toTensorData(
  points: Point[],
  features: readonly Feature[],
): { xs: Float32Array; ys: Float32Array } {
  const xs = new Float32Array(points.length * features.length);
  const ys = new Float32Array(points.length);
  points.forEach((point, row) => {
    writeFeatures(xs, row, point.x, point.y, features);
    ys[row] = point.label;
  });
  return { xs, ys };
}

/** Grid coordinate for index i of `resolution`, running from -1 to +1 inclusive. */
function gridCoordinate(i: number, resolution: number): number {
  return resolution === 1 ? 0 : -1 + (2 * i) / (resolution - 1);
}

/**
 * resolution × resolution featurized points covering [-1, 1]², row-major, laid out
 * like an image: row 0 is the top (y = +1), column 0 is the left (x = -1).
 */
export function gridInputs(resolution: number, features: readonly Feature[]): Float32Array {
  const inputs = new Float32Array(resolution * resolution * features.length);
  for (let row = 0; row < resolution; row++) {
    const y = gridCoordinate(resolution - 1 - row, resolution);
    for (let column = 0; column < resolution; column++) {
      writeFeatures(inputs, row * resolution + column, gridCoordinate(column, resolution), y, features);
    }
  }
  return inputs;
}
