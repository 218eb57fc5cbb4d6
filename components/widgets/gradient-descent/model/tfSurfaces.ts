import type * as tfCore from "@tensorflow/tfjs-core";
import { minimaBowl, minimaOffset, ravineAlong, ravineAngle, wells, type SurfaceId } from "./surfaces";

type TF = typeof tfCore;

/**
 * The same surfaces as `surfaces.ts`, written in TF.js ops so TF.js can differentiate them and its
 * optimizers can walk on them. `p` holds the two parameters [x, y]. The caller owns the tidy scope
 * (an optimizer's `minimize` provides one).
 */
export function tfLoss(tf: TF, id: SurfaceId, p: tfCore.Tensor1D): tfCore.Scalar {
  const [x, y] = tf.unstack(p) as tfCore.Scalar[];
  switch (id) {
    case "bowl":
      return tf.add(tf.mul(0.5, tf.square(x)), tf.square(y));
    case "ravine": {
      const cos = Math.cos(ravineAngle);
      const sin = Math.sin(ravineAngle);
      const u = tf.add(tf.mul(cos, x), tf.mul(sin, y));
      const v = tf.sub(tf.mul(cos, y), tf.mul(sin, x));
      return tf.add(tf.mul(ravineAlong, tf.square(u)), tf.square(v));
    }
    case "saddle":
      return tf.add(tf.mul(0.5, tf.square(x)), tf.mul(0.25, tf.square(tf.sub(tf.square(y), 1))));
    case "minima": {
      let sum: tfCore.Scalar = tf.add(minimaOffset, tf.mul(minimaBowl, tf.add(tf.square(x), tf.square(y))));
      for (const w of wells) {
        const r2 = tf.add(tf.square(tf.sub(x, w.x)), tf.square(tf.sub(y, w.y)));
        sum = tf.sub(sum, tf.mul(w.depth, tf.exp(tf.div(r2, -2 * w.width ** 2))));
      }
      return sum;
    }
  }
}
