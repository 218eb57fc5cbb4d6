/**
 * Six activation functions and their derivatives, as plain numbers in and out (no DOM, no TF.js).
 *
 * GELU is the exact form, x·Φ(x) with Φ the standard normal CDF, computed from our own erf (below);
 * `geluTanh` is the popular tanh approximation, kept only so the tests can show how close it is.
 * Leaky ReLU leaks with a slope of 0.1 below zero (libraries often default to 0.01; 0.1 is
 * large enough to see). At ReLU's and leaky ReLU's corner, x = 0, the slope is undefined; like
 * most libraries we report the left-hand value there (0 for ReLU, 0.1 for leaky ReLU).
 */

export type ActivationId = "relu" | "leaky-relu" | "sigmoid" | "tanh" | "gelu" | "softplus";

export const LEAKY_SLOPE = 0.1;

export type Activation = {
  id: ActivationId;
  /** Its usual name, as the reader will meet it. */
  label: string;
  /** The rule, short enough for the widget's badge. */
  formula: string;
  f: (x: number) => number;
  /** The derivative: how much the output changes per unit of input, at x. */
  df: (x: number) => number;
  /** Where the derivative jumps (a corner in f), if anywhere. */
  corner?: number;
};

const SQRT1_2PI = 1 / Math.sqrt(2 * Math.PI);

/** The logistic sigmoid, written so that neither tail overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * The error function to about 1e-15: its Taylor series near zero, and the continued fraction
 * for erfc in the tails (where the series would lose digits to cancellation).
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const a = Math.abs(x);
  if (a < 2.5) {
    // erf(x) = 2/√π · Σ (−1)ⁿ x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 100; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  if (a > 6) return Math.sign(x);
  // erfc(a) = e^(−a²)/√π · 1 / (a + (1/2) / (a + 1 / (a + (3/2) / (a + …)))), evaluated from the bottom up.
  let t = a;
  for (let n = 120; n >= 1; n--) t = a + n / 2 / t;
  const erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / t;
  return Math.sign(x) * (1 - erfc);
}

/** The standard normal distribution's CDF Φ and density φ. */
export const normalCdf = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
export const normalPdf = (x: number) => SQRT1_2PI * Math.exp(-0.5 * x * x);

/** GELU's tanh approximation (Hendrycks and Gimpel, 2016), for comparison only. */
export function geluTanh(x: number): number {
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
}

export const ACTIVATIONS: readonly Activation[] = [
  {
    id: "relu",
    label: "ReLU",
    formula: "max(0, x)",
    f: (x) => (x > 0 ? x : 0),
    df: (x) => (x > 0 ? 1 : 0),
    corner: 0,
  },
  {
    id: "leaky-relu",
    label: "Leaky ReLU",
    formula: `max(${LEAKY_SLOPE}x, x)`,
    f: (x) => (x > 0 ? x : LEAKY_SLOPE * x),
    df: (x) => (x > 0 ? 1 : LEAKY_SLOPE),
    corner: 0,
  },
  {
    id: "sigmoid",
    label: "Sigmoid",
    formula: "1 / (1 + e⁻ˣ)",
    f: sigmoid,
    df: (x) => {
      const s = sigmoid(x);
      return s * (1 - s);
    },
  },
  {
    id: "tanh",
    label: "Tanh",
    formula: "tanh x",
    f: Math.tanh,
    df: (x) => {
      const t = Math.tanh(x);
      return 1 - t * t;
    },
  },
  {
    id: "gelu",
    label: "GELU",
    formula: "x·Φ(x)",
    f: (x) => x * normalCdf(x),
    df: (x) => normalCdf(x) + x * normalPdf(x),
  },
  {
    id: "softplus",
    label: "Softplus",
    formula: "ln(1 + eˣ)",
    // max(x, 0) + ln(1 + e^(−|x|)): the same number, without overflow for large x.
    f: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
    df: sigmoid,
  },
];

export const ACTIVATION_IDS = ACTIVATIONS.map((a) => a.id);

export function activation(id: ActivationId): Activation {
  return ACTIVATIONS.find((a) => a.id === id)!;
}

export function isActivationId(value: unknown): value is ActivationId {
  return typeof value === "string" && (ACTIVATION_IDS as string[]).includes(value);
}

export type Point = { x: number; y: number };

/** `count` evenly spaced points of `fn` over [lo, hi], both ends included. */
export function sample(fn: (x: number) => number, [lo, hi]: readonly [number, number], count: number): Point[] {
  return Array.from({ length: count }, (_, i) => {
    const x = i === count - 1 ? hi : lo + ((hi - lo) * i) / (count - 1);
    return { x, y: fn(x) };
  });
}

/**
 * The derivative as drawable pieces: one piece for a smooth function, two for a function with a
 * corner, split there so the plot shows a jump instead of a slanted line across it.
 */
export function derivativePieces(a: Activation, domain: readonly [number, number], count: number): Point[][] {
  const all = sample(a.df, domain, count);
  if (a.corner === undefined || a.corner <= domain[0] || a.corner >= domain[1]) return [all];
  const c = a.corner;
  const left = all.filter((p) => p.x < c);
  const right = all.filter((p) => p.x > c);
  return [
    [...left, { x: c, y: a.df(c - 1e-9) }],
    [{ x: c, y: a.df(c + 1e-9) }, ...right],
  ];
}

/** The tangent line at x0, from x0 − span to x0 + span. */
export function tangent(a: Activation, x0: number, span: number): [Point, Point] {
  const y0 = a.f(x0);
  const slope = a.df(x0);
  return [
    { x: x0 - span, y: y0 - slope * span },
    { x: x0 + span, y: y0 + slope * span },
  ];
}
