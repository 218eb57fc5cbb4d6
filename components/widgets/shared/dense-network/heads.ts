import type * as tfCore from "@tensorflow/tfjs-core";
import type { Tensor2D } from "@tensorflow/tfjs-core";

type TensorFlow = typeof tfCore;

/**
 * What the output layer does and what it is trained on:
 * - "tanh": one unit, tanh, ½·squared error against −1/+1 (TensorFlow Playground's method);
 * - "sigmoid": one unit, sigmoid, binary cross-entropy on 0/1 labels;
 * - "softmax": one unit per class, softmax, cross-entropy on class indices;
 * - "linear": one unit, no activation, mean squared error on real targets (regression).
 */
export type HeadName = "tanh" | "sigmoid" | "softmax" | "linear";

export type Head = {
  /** The output layer's activation, applied to its pre-activations (logits). */
  activate(tf: TensorFlow, logits: Tensor2D): Tensor2D;
  /** What `lossTerms` compares the logits with, row-major, from labels or target values. */
  encode(ys: Float32Array, units: number): Float32Array;
  /** Columns of the encoded targets. */
  width(units: number): number;
  /**
   * One loss term per example and unit, differentiable by TF.js: the mean loss is
   * `scale` × (sum of the terms) / examples.
   */
  lossTerms(tf: TensorFlow, logits: Tensor2D, targets: Tensor2D): Tensor2D;
  scale: number;
  /** True for heads that classify: their accuracy is defined. */
  classifies: boolean;
};

const oneUnit = () => 1;

export const HEADS: Record<HeadName, Head> = {
  tanh: {
    activate: (tf, z) => tf.tanh(z),
    encode: (ys) => ys.map((y) => 2 * y - 1),
    width: oneUnit,
    lossTerms: (tf, z, targets) => tf.squaredDifference(tf.tanh(z), targets),
    scale: 0.5,
    classifies: true,
  },
  sigmoid: {
    activate: (tf, z) => tf.sigmoid(z),
    // Binary cross-entropy from the logit z is softplus(−z) for a 1 and softplus(z) for a 0,
    // that is softplus(s·z) with the sign s = 1 − 2y: one stable term, no log of a probability.
    encode: (ys) => ys.map((y) => 1 - 2 * y),
    width: oneUnit,
    lossTerms: (tf, z, signs) => tf.softplus(tf.mul<Tensor2D>(z, signs)),
    scale: 1,
    classifies: true,
  },
  softmax: {
    activate: (tf, z) => tf.softmax(z),
    // −(one-hot) · log-softmax: each row sums to −log p(label).
    encode: (ys, classes) => {
      const targets = new Float32Array(ys.length * classes);
      ys.forEach((y, n) => (targets[n * classes + y] = -1));
      return targets;
    },
    width: (classes) => classes,
    lossTerms: (tf, z, negativeOneHot) => tf.mul<Tensor2D>(tf.logSoftmax(z), negativeOneHot),
    scale: 1,
    classifies: true,
  },
  linear: {
    activate: (_tf, z) => z,
    encode: (ys) => ys,
    width: oneUnit,
    lossTerms: (tf, z, targets) => tf.squaredDifference(z, targets),
    scale: 1,
    classifies: false,
  },
};
