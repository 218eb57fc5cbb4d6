import { activation, type ActivationId } from "./activations";

const MINUS = "−";

/** A value to two decimals, with a real minus sign and never "−0.00". */
export function fixed2(v: number): string {
  const s = v.toFixed(2);
  if (Number(s) === 0) return "0.00";
  return s.startsWith("-") ? MINUS + s.slice(1) : s;
}

/** A slope as short as it can honestly be: "1", "0", "0.1", "0.25", and "0.002" rather than "0" when it is not 0. */
export function shortNumber(v: number): string {
  const tiny = v !== 0 && Math.abs(v) < 0.005;
  const n = tiny ? Number(v.toFixed(Math.abs(v) >= 0.0005 ? 3 : 4)) : Number(v.toFixed(2));
  if (n === 0) return tiny ? "almost 0" : "0";
  const s = String(n);
  return s.startsWith("-") ? MINUS + s.slice(1) : s;
}

/** One decimal, for the weights and bias. */
export function fixed1(v: number): string {
  const s = v.toFixed(1);
  if (Number(s) === 0) return "0.0";
  return s.startsWith("-") ? MINUS + s.slice(1) : s;
}

/** Below this slope the curve reads as "nearly flat". */
export const FLAT = 0.05;

/** The plot's one-line live summary, e.g. "ReLU at x = 1.50: output 1.50, slope 1". */
export function describePoint(id: ActivationId, x: number): string {
  const a = activation(id);
  const slope = a.df(x);
  let text = `${a.label} at x = ${fixed2(x)}: output ${fixed2(a.f(x))}, slope ${shortNumber(slope)}`;
  if (a.corner !== undefined && Math.abs(x - a.corner) < 1e-9) text += " (a corner: the slope jumps here; libraries take the left-hand value)";
  else if (slope === 0) text += " — flat, so no learning signal passes back";
  else if (Math.abs(slope) < FLAT) text += " — nearly flat: little signal to learn from";
  return text;
}

/** "1.0·x₁ − 0.5·x₂ + 0.5": the weighted sum as the reader would write it. */
export function weightedSumText(w1: number, w2: number, b: number): string {
  const signed = (v: number, term: string) => `${v < 0 && Number(fixed1(-v)) !== 0 ? MINUS : "+"} ${fixed1(Math.abs(v))}${term}`;
  return `${fixed1(w1)}·x₁ ${signed(w2, "·x₂")} ${signed(b, "")}`;
}

const SHAPE: Record<ActivationId, string> = {
  relu: "flat at 0 on one side of the dashed line, rising steadily on the other",
  "leaky-relu": "slightly negative on one side of the dashed line, rising steadily on the other",
  sigmoid: "near 0 on one side of the dashed line, near 1 on the other",
  tanh: "near −1 on one side of the dashed line, near 1 on the other",
  gelu: "about 0 on one side of the dashed line (dipping just below it), rising on the other",
  softplus: "just above 0 on one side of the dashed line, rising on the other, with a smooth bend",
};

/** The neuron playground's live summary. */
export function describeNeuron(id: ActivationId, w1: number, w2: number, b: number): string {
  const a = activation(id);
  if (Number(fixed1(w1)) === 0 && Number(fixed1(w2)) === 0) {
    return `${a.label} neuron with both weights at 0: it ignores x₁ and x₂, and gives ${fixed2(a.f(b))} everywhere.`;
  }
  return `${a.label}(${weightedSumText(w1, w2, b)}) is ${SHAPE[id]}; it grows in the direction of the arrow.`;
}
