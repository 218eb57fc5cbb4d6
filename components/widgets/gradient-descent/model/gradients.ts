// TF.js core ships without the gradients of its ops (they live in a separate registry so that
// inference-only pages stay small). Differentiating the surfaces needs only these seven, so we
// register just them instead of all ~200. Load this module only dynamically, after
// `loadTensorFlow` (../../shared/tf.ts) has brought TF.js itself.
import type * as tfCore from "@tensorflow/tfjs-core";
import { addGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Add_grad";
import { expGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Exp_grad";
import { multiplyGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Multiply_grad";
import { divGradConfig } from "@tensorflow/tfjs-core/dist/gradients/RealDiv_grad";
import { squareGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Square_grad";
import { subGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Sub_grad";
import { unpackGradConfig } from "@tensorflow/tfjs-core/dist/gradients/Unpack_grad";

/** The ops `tfSurfaces.ts` uses: add, sub, mul, div, square, exp, and unstack (Unpack). */
export const SURFACE_GRADIENTS = [addGradConfig, subGradConfig, multiplyGradConfig, divGradConfig, squareGradConfig, expGradConfig, unpackGradConfig];

export function registerSurfaceGradients(tf: typeof tfCore): void {
  for (const config of SURFACE_GRADIENTS) tf.registerGradient(config);
}
