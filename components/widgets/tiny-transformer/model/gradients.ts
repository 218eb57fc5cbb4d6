// TF.js core ships without the gradients of its ops (they live in a separate registry so that
// inference-only pages stay small). Training the tiny transformer needs only these, so we
// register just them. Inference (the shipped model, the widget's heatmaps) needs none.
import type * as tfCore from "@tensorflow/tfjs-core";
import { BatchMatMul, type GradConfig, type Tensor } from "@tensorflow/tfjs-core";
import { addGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Add_grad";
import { gatherGradConfig } from "@tensorflow/tfjs-core/dist/gradients/GatherV2_grad";
import { logSoftmaxGradConfig } from "@tensorflow/tfjs-core/dist/gradients/LogSoftmax_grad";
import { meanGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Mean_grad";
import { multiplyGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Multiply_grad";
import { reshapeGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Reshape_grad";
import { rsqrtGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Rsqrt_grad";
import { sliceGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Slice_grad";
import { softmaxGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Softmax_grad";
import { squareGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Square_grad";
import { subGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Sub_grad";
import { sumGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Sum_grad";
import { tanhGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Tanh_grad";
import { transposeGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Transpose_grad";

/** Swaps the last two axes. */
function swapLast(tf: typeof tfCore, x: Tensor): Tensor {
  const perm = x.shape.map((_, i) => i);
  [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
  return tf.transpose(x, perm);
}

/**
 * The gradient of C = op(A)·op(B) as products of untransposed operands. TF.js's own gradient asks
 * matMul to transpose an operand, and the WASM backend does that many times slower than a plain
 * product: in one training step the output layer's two gradients took 54 and 19 ms against 2 ms for
 * its forward product. An explicit transpose first costs one copy of that operand.
 */
export function plainMatMulGradConfig(tf: typeof tfCore): GradConfig {
  const mm = (x: Tensor, y: Tensor) => tf.matMul(x, y);
  const t = (x: Tensor) => swapLast(tf, x);
  return {
    kernelName: BatchMatMul,
    inputsToSave: ["a", "b"],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved;
      const g = dy as Tensor;
      const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
      if (!transposeA && !transposeB) return { a: () => mm(g, t(b)), b: () => mm(t(a), g) };
      if (!transposeA && transposeB) return { a: () => mm(g, b), b: () => mm(t(g), a) };
      if (transposeA && !transposeB) return { a: () => mm(b, t(g)), b: () => mm(a, g) };
      return { a: () => mm(t(b), t(g)), b: () => mm(t(g), t(a)) };
    },
  };
}

/** The ops transformer.ts differentiates through. */
export const TRANSFORMER_GRADIENTS = [
  addGradConfig,
  gatherGradConfig,
  logSoftmaxGradConfig,
  meanGradConfig,
  multiplyGradConfig,
  reshapeGradConfig,
  rsqrtGradConfig,
  sliceGradConfig,
  softmaxGradConfig,
  squareGradConfig,
  subGradConfig,
  sumGradConfig,
  tanhGradConfig,
  transposeGradConfig,
];

export function registerTransformerGradients(tf: typeof tfCore): void {
  for (const config of TRANSFORMER_GRADIENTS) tf.registerGradient(config);
  tf.registerGradient(plainMatMulGradConfig(tf));
}
