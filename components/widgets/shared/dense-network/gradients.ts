// TF.js core ships without the gradients of its ops (they live in a separate registry, so that
// pages that only run models stay small). A dense network differentiates through only these, so
// it registers just them. The softmax head needs none: `logSoftmax` carries its own gradient.
import type * as tfCore from "@tensorflow/tfjs-core";
import { addGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Add_grad";
import { batchMatMulGradConfig } from "@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad";
import { multiplyGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Multiply_grad";
import { reluGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Relu_grad";
import { sigmoidGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Sigmoid_grad";
import { softplusGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Softplus_grad";
import { squaredDifferenceGradConfig } from "@tensorflow/tfjs-core/dist/gradients/SquaredDifference_grad";
import { tanhGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Tanh_grad";

/**
 * Layers: matMul, add (the bias), tanh / relu / sigmoid. Heads: squaredDifference (tanh and
 * linear), softplus (sigmoid). Dropout and the sigmoid head's label signs: multiply.
 */
export const DENSE_GRADIENTS = [
  addGradConfig,
  batchMatMulGradConfig,
  multiplyGradConfig,
  reluGradConfig,
  sigmoidGradConfig,
  softplusGradConfig,
  squaredDifferenceGradConfig,
  tanhGradConfig,
];

export function registerDenseGradients(tf: typeof tfCore): void {
  for (const config of DENSE_GRADIENTS) tf.registerGradient(config);
}
