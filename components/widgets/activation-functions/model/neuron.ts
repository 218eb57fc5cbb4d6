import { activation, type ActivationId } from "./activations";

/** One neuron with two inputs: output = f(w1·x1 + w2·x2 + b). */
export type Neuron = { fn: ActivationId; w1: number; w2: number; b: number };

/** The playground shows x1 and x2 from −EXTENT to EXTENT. */
export const EXTENT = 3;

export const WEIGHT_LIMITS = { min: -3, max: 3, step: 0.1 } as const;
export const BIAS_LIMITS = { min: -3, max: 3, step: 0.1 } as const;

export const weightedSum = (n: Neuron, x1: number, x2: number) => n.w1 * x1 + n.w2 * x2 + n.b;

export const neuronOutput = (n: Neuron, x1: number, x2: number) => activation(n.fn).f(weightedSum(n, x1, x2));

/** Samples in the table `outputGrid` interpolates (see there). */
export const TABLE_SIZE = 1024;

/**
 * The neuron's output at the centre of every cell of a size × size grid over the plane, row by
 * row from the top (x2 = +EXTENT) down, each row from the left (x1 = −EXTENT): the order of a
 * canvas's pixels.
 *
 * The output depends on the point only through the weighted sum z, and z over the square lies
 * between its values at the corners. So f is sampled once at TABLE_SIZE points over that range
 * and each cell interpolates linearly: ~1,000 evaluations of f instead of one per cell (exact GELU
 * costs a series for erf). The error is below 2·10⁻⁴ for the smooth functions and h/4 (h the
 * table's step, at most 0.04) in the one cell per row that straddles ReLU's corner: far below one
 * step of the 256-colour scale.
 */
export function outputGrid(n: Neuron, size: number, extent = EXTENT): Float32Array {
  const f = activation(n.fn).f;
  const values = new Float32Array(size * size);
  const cell = (2 * extent) / size;
  const reach = (Math.abs(n.w1) + Math.abs(n.w2)) * extent;
  const lo = n.b - reach;
  const hi = n.b + reach;
  if (hi - lo < 1e-12) return values.fill(f(n.b));
  const table = new Float64Array(TABLE_SIZE);
  const step = (hi - lo) / (TABLE_SIZE - 1);
  for (let i = 0; i < TABLE_SIZE; i++) table[i] = f(lo + i * step);
  const last = TABLE_SIZE - 1;
  for (let row = 0; row < size; row++) {
    const x2 = extent - (row + 0.5) * cell;
    const partial = n.w2 * x2 + n.b;
    for (let col = 0; col < size; col++) {
      const x1 = -extent + (col + 0.5) * cell;
      const t = (n.w1 * x1 + partial - lo) / step;
      const i = Math.min(last - 1, Math.max(0, Math.floor(t)));
      const u = Math.min(1, Math.max(0, t - i));
      values[row * size + col] = table[i] + (table[i + 1] - table[i]) * u;
    }
  }
  return values;
}

/**
 * How an output maps onto the signed colour scale ([-1, 1], orange through paper to purple), and
 * the three numbers at the ends and the middle of the legend. The bounded functions use their
 * own range; the unbounded ones are shown from −3 to 3 (beyond that the colour saturates).
 */
export type Display = { toSigned: (v: number) => number; legend: [string, string, string] };

const UNBOUNDED: Display = { toSigned: (v) => v / 3, legend: ["−3", "0", "3 or more"] };

export function display(id: ActivationId): Display {
  switch (id) {
    case "sigmoid":
      return { toSigned: (v) => 2 * v - 1, legend: ["0", "0.5", "1"] };
    case "tanh":
      return { toSigned: (v) => v, legend: ["−1", "0", "1"] };
    default:
      return UNBOUNDED;
  }
}

export type PlanePoint = { x1: number; x2: number };

/**
 * The line w1·x1 + w2·x2 + b = 0 (where the weighted sum is zero) clipped to the square
 * [−extent, extent]², or null when it misses the square or both weights are zero.
 */
export function boundarySegment(w1: number, w2: number, b: number, extent = EXTENT): [PlanePoint, PlanePoint] | null {
  if (w1 === 0 && w2 === 0) return null;
  const inside = (v: number) => v >= -extent - 1e-9 && v <= extent + 1e-9;
  const hits: PlanePoint[] = [];
  if (w2 !== 0) {
    for (const x1 of [-extent, extent]) {
      const x2 = -(w1 * x1 + b) / w2;
      if (inside(x2)) hits.push({ x1, x2 });
    }
  }
  if (w1 !== 0) {
    for (const x2 of [-extent, extent]) {
      const x1 = -(w2 * x2 + b) / w1;
      if (inside(x1)) hits.push({ x1, x2 });
    }
  }
  // A line through a corner hits two edges there; keep the two points farthest apart.
  let best: [PlanePoint, PlanePoint] | null = null;
  let bestDistance = 1e-9;
  for (let i = 0; i < hits.length; i++) {
    for (let j = i + 1; j < hits.length; j++) {
      const d = Math.hypot(hits[i].x1 - hits[j].x1, hits[i].x2 - hits[j].x2);
      if (d > bestDistance) {
        bestDistance = d;
        best = [hits[i], hits[j]];
      }
    }
  }
  return best;
}
