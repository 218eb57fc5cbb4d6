// TF.js core ships without the gradients of its ops (they live in a separate registry so that
// inference-only pages stay small). Differentiating the surfaces needs only these six, so we
// register just them instead of all ~200. Load this module only dynamically, after
// `loadTensorFlow` (../../shared/tf.ts) has brought TF.js itself.
import type * as tfCore from "@tensorflow/tfjs-core";
import { addGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Add_grad";
import { expGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Exp_grad";
import { multiplyGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Multiply_grad";
import { squareGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Square_grad";
import { subGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Sub_grad";
import { sumGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Sum_grad";

/** The ops `tfSurfaces.ts` uses: add, sub, mul, square, exp and sum. */
export const SURFACE_GRADIENTS = [addGradConfig, subGradConfig, multiplyGradConfig, squareGradConfig, expGradConfig, sumGradConfig];

export function registerSurfaceGradients(tf: typeof tfCore): void {
  for (const config of SURFACE_GRADIENTS) tf.registerGradient(config);
}
