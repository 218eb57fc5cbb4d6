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
 * One SGD step on the penalty alone: L2 multiplies each weight by `factor`, 1 − 2·rate·learningRate;
 * L1 subtracts `factor`·sign(w), rate·learningRate. `untouched` is the factor that leaves a weight
 * as it is (for rows a penalty must skip, such as a bias folded into a kernel).
 */
export type PenaltyStep = { kind: "l1" | "l2"; factor: number; untouched: number };

/** The penalty's SGD step at this learning rate, or null when there is no penalty. */
export function penaltyStep(penalty: Penalty, learningRate: number): PenaltyStep | null {
  if (!active(penalty)) return null;
  if (penalty.kind === "l2") return { kind: "l2", factor: 1 - 2 * penalty.rate * learningRate, untouched: 1 };
  return { kind: "l1", factor: penalty.rate * learningRate, untouched: 0 };
}

/**
 * A kernel after `step`; the data gradient's step is added on top. `factor` may be a kept tensor
 * that holds `step.factor`, or one factor per weight.
 */
export function applyPenaltyStep(tf: TensorFlow, step: PenaltyStep | null, kernel: Variable, factor: Tensor | number | undefined = step?.factor): Tensor {
  if (!step || factor === undefined) return kernel;
  if (step.kind === "l2") return tf.mul(kernel, factor);
  return tf.sub(kernel, tf.mul(tf.sign(kernel), factor));
}

/** A kernel after one SGD step on the penalty alone, w − learningRate·gradient: for L2 a single multiply. */
export function stepOnPenalty(tf: TensorFlow, penalty: Penalty, kernel: Variable, learningRate: number): Tensor {
  return applyPenaltyStep(tf, penaltyStep(penalty, learningRate), kernel);
}

/** Inverted dropout: each unit kept with probability 1 − rate and scaled by 1 / (1 − rate). */
export function dropoutMask(rows: number, columns: number, rate: number, rng: () => number): Float32Array {
  const values = new Float32Array(rows * columns);
  const keep = 1 / (1 - rate);
  for (let i = 0; i < values.length; i++) values[i] = rng() < rate ? 0 : keep;
  return values;
}
