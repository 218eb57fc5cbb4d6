import type * as tfCore from "@tensorflow/tfjs-core";
import { minimaBowl, minimaOffset, ravineAlong, ravineAngle, wells, type SurfaceId } from "./surfaces";

type TF = typeof tfCore;

/** The ravine α·u² + v² (u along the valley, v across) as a x² + 2b xy + c y², written as (a−b) x² + (c−b) y² + b (x+y)². */
const COS = Math.cos(ravineAngle);
const SIN = Math.sin(ravineAngle);
const RAVINE_A = ravineAlong * COS * COS + SIN * SIN;
const RAVINE_B = COS * SIN * (ravineAlong - 1);
const RAVINE_C = ravineAlong * SIN * SIN + COS * COS;

const WELL_CENTRES = wells.map((w) => [w.x, w.y]);
const WELL_DEPTHS = wells.map((w) => w.depth);
const WELL_SPREADS = wells.map((w) => -1 / (2 * w.width ** 2));

/**
 * The same surfaces as `surfaces.ts`, written in TF.js ops so TF.js can differentiate them and its
 * optimizers can walk on them. `p` holds the two parameters [x, y]. Written on the whole vector
 * (a dozen ops at most) because every op costs time twice, forward and backward, three optimizers
 * times a few steps per frame. The caller owns the tidy scope (an optimizer's `minimize` has one).
 */
export function tfLoss(tf: TF, id: SurfaceId, p: tfCore.Tensor1D): tfCore.Scalar {
  switch (id) {
    case "bowl":
      return tf.sum(tf.mul(tf.square(p), tf.tensor1d([0.5, 1])));
    case "ravine":
      return tf.add(tf.sum(tf.mul(tf.square(p), tf.tensor1d([RAVINE_A - RAVINE_B, RAVINE_C - RAVINE_B]))), tf.mul(RAVINE_B, tf.square(tf.sum(p))));
    case "saddle": {
      const squares = tf.square(p);
      const across = tf.sum(tf.mul(squares, tf.tensor1d([0.5, 0])));
      const ySquared = tf.sum(tf.mul(squares, tf.tensor1d([0, 1])));
      return tf.add(across, tf.mul(0.25, tf.square(tf.sub(ySquared, 1))));
    }
    case "minima": {
      const offsets = tf.sub(p, tf.tensor2d(WELL_CENTRES)); // one row per well
      const r2 = tf.sum(tf.square(offsets), 1);
      const dips = tf.sum(tf.mul(tf.tensor1d(WELL_DEPTHS), tf.exp(tf.mul(r2, tf.tensor1d(WELL_SPREADS)))));
      return tf.sub(tf.add(minimaOffset, tf.mul(minimaBowl, tf.sum(tf.square(p)))), dips);
    }
  }
}
