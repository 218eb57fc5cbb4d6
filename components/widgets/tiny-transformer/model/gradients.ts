// TF.js core ships without the gradients of its ops (they live in a separate registry so that
// inference-only pages stay small). Training the tiny transformer needs only these, so we
// register just them. Inference (the shipped model, the widget's heatmaps) needs none.
import type * as tfCore from "@tensorflow/tfjs-core";
import { addGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Add_grad";
import { batchMatMulGradConfig } from "@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad";
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

/** The ops transformer.ts differentiates through. */
export const TRANSFORMER_GRADIENTS = [
  addGradConfig,
  batchMatMulGradConfig,
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
}
