// One head's arithmetic for one piece, written out: the numbers the step-through shows. The model
// sends the query, keys, values and its own weights; this redoes the sums in plain JavaScript, so
// every number on screen comes with the formula that made it, and a test checks both agree.

export type HeadNumbers = {
  query: ArrayLike<number>;
  /** One row per piece in view, `size` wide, row-major. */
  keys: ArrayLike<number>;
  values: ArrayLike<number>;
};

export type StepThrough = {
  /** Head size: the length of a query, key or value. */
  size: number;
  /** The piece that looks (index in the window); pieces 0…position can be looked at. */
  position: number;
  /** q·kⱼ for j ≤ position. */
  dots: number[];
  /** q·kⱼ / √size: the scores. */
  scores: number[];
  /** exp(scoreⱼ − the largest score): softmax's numerators (the shift changes nothing but overflow). */
  exps: number[];
  sumExp: number;
  /** expⱼ / Σ exp: the weights, summing to 1. */
  weights: number[];
  /** Σⱼ weightⱼ · vⱼ: what the head gathers for this piece. */
  mixed: number[];
};

const row = (flat: ArrayLike<number>, j: number, size: number) => Array.from({ length: size }, (_, i) => flat[j * size + i]);

export function keyOf(numbers: HeadNumbers, j: number, size: number): number[] {
  return row(numbers.keys, j, size);
}
export function valueOf(numbers: HeadNumbers, j: number, size: number): number[] {
  return row(numbers.values, j, size);
}

export function stepThrough(numbers: HeadNumbers, position: number): StepThrough {
  const size = numbers.query.length;
  const q = Array.from(numbers.query);
  const dots: number[] = [];
  for (let j = 0; j <= position; j++) dots.push(keyOf(numbers, j, size).reduce((sum, k, i) => sum + q[i] * k, 0));
  const scores = dots.map((d) => d / Math.sqrt(size));
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const sumExp = exps.reduce((a, b) => a + b, 0);
  const weights = exps.map((e) => e / sumExp);
  const mixed = new Array<number>(size).fill(0);
  weights.forEach((w, j) => valueOf(numbers, j, size).forEach((v, i) => (mixed[i] += w * v)));
  return { size, position, dots, scores, exps, sumExp, weights, mixed };
}

/** A number as the step-through prints it: two decimals, a true minus sign. */
export function fixed(value: number, digits = 2): string {
  const text = value.toFixed(digits);
  return text.startsWith("-") ? `−${text.slice(1)}` : text;
}

/** "q·k = 0.12×0.40 + −1.03×0.22 + … (16 terms) = 3.21": the first terms of a dot product and its total. */
export function dotText(a: readonly number[], b: readonly number[], shown = 3): string {
  const terms = a.slice(0, shown).map((x, i) => `${fixed(x)}×${fixed(b[i])}`);
  const total = a.reduce((sum, x, i) => sum + x * b[i], 0);
  return `${terms.join(" + ")}${a.length > shown ? ` + … (${a.length} terms)` : ""} = ${fixed(total)}`;
}

/** The index of the largest weight (the earliest of equals). */
export function strongestIndex(weights: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < weights.length; j++) if (weights[j] > weights[best]) best = j;
  return best;
}
