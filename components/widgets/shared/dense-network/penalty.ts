import type * as tfCore from "@tensorflow/tfjs-core";
import type { Tensor, Variable } from "@tensorflow/tfjs-core";

type TensorFlow = typeof tfCore;

/** A penalty on the kernels (never the biases), added to the loss: rate·Σ|w| (L1) or rate·Σw² (L2). */
export type Penalty = { kind: "none" | "l1" | "l2"; rate: number };

export const NO_PENALTY: Penalty = { kind: "none", rate: 0 };

const active = ({ kind, rate }: Penalty) => kind !== "none" && rate > 0;

/** The penalty's value for some kernels, in double precision (for tests and readers). */
export function penaltyValue(penalty: Penalty, kernels: ArrayLike<number>[]): number {
  if (!active(penalty)) return 0;
  let sum = 0;
  for (const kernel of kernels) for (let i = 0; i < kernel.length; i++) sum += penalty.kind === "l1" ? Math.abs(kernel[i]) : kernel[i] * kernel[i];
  return penalty.rate * sum;
}

/** The penalty's gradient on one kernel (rate·sign(w) or 2·rate·w), or null when there is none. */
export function penaltyGradient(tf: TensorFlow, penalty: Penalty, kernel: Variable): Tensor | null {
  if (!active(penalty)) return null;
  return penalty.kind === "l1" ? tf.mul(tf.sign(kernel), penalty.rate) : tf.mul(kernel, 2 * penalty.rate);
}

/**
 * What `stepOnPenalty` multiplies by: `value`, or a tensor that holds `value` for the weights the
 * penalty applies to and `untouched` (the factor that leaves a weight as it is) for the others.
 */
export type PenaltyFactor = (value: number, untouched: number) => Tensor | number;

/**
 * A kernel after one SGD step on the penalty alone, w − learningRate·gradient: for L2 a single
 * multiply, w·(1 − 2·rate·learningRate). The data gradient's step is added on top. `factor` may
 * hand back a kept tensor, which saves making one per step, or exempt some rows (a folded bias).
 */
export function stepOnPenalty(tf: TensorFlow, penalty: Penalty, kernel: Variable, learningRate: number, factor: PenaltyFactor = (value) => value): Tensor {
  if (!active(penalty)) return kernel;
  if (penalty.kind === "l2") return tf.mul(kernel, factor(1 - 2 * penalty.rate * learningRate, 1));
  return tf.sub(kernel, tf.mul(tf.sign(kernel), factor(penalty.rate * learningRate, 0)));
}

/** Inverted dropout: each unit kept with probability 1 − rate and scaled by 1 / (1 − rate). */
export function dropoutMask(rows: number, columns: number, rate: number, rng: () => number): Float32Array {
  const values = new Float32Array(rows * columns);
  const keep = 1 / (1 - rate);
  for (let i = 0; i < values.length; i++) values[i] = rng() < rate ? 0 : keep;
  return values;
}
