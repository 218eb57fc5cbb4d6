import type * as tfCore from "@tensorflow/tfjs-core";
import { SIZE, type Image } from "./image";
import { LAYER1, LAYER2, layer1Filter, layer2Bias, layer2Filter, type Kernel } from "./kernels";

type TF = typeof tfCore;

/** Layer 2 works on the pooled edge maps: half the picture's size. */
export const POOLED = SIZE / 2;

export type Result = {
  /** The picture through the reader's filter (no ReLU: signed), SIZE × SIZE. */
  filtered: Float32Array;
  /** The four edge maps after ReLU, SIZE × SIZE each. */
  edges: Float32Array[];
  /** The same, 2 × 2 max-pooled, POOLED × POOLED each. */
  pooled: Float32Array[];
  /** partials[s][e]: what shape filter s takes from edge map e, POOLED × POOLED. */
  partials: Float32Array[][];
  /** The six shape maps: Σ partials + bias, then ReLU. */
  shapes: Float32Array[];
};

/** Splits a [1, h, w, n] result (channels last, flat) into n row-major maps of h × w. */
function channels(data: Float32Array, pixels: number, n: number): Float32Array[] {
  const maps = Array.from({ length: n }, () => new Float32Array(pixels));
  for (let p = 0; p < pixels; p++) for (let c = 0; c < n; c++) maps[c][p] = data[p * n + c];
  return maps;
}

/**
 * The two small layers, run on TF.js: the fixed filters stay on the backend between runs (two
 * tensors, until `dispose`), and every run's intermediate tensors are freed before it returns.
 */
export class EdgesToShapes {
  private readonly w1: tfCore.Tensor4D;
  private readonly w2: tfCore.Tensor4D;
  private readonly b2: tfCore.Tensor1D;

  constructor(private readonly tf: TF) {
    this.w1 = tf.tensor4d(layer1Filter(), [3, 3, 1, LAYER1.length]);
    this.w2 = tf.tensor4d(layer2Filter(), [3, 3, LAYER1.length, LAYER2.length]);
    this.b2 = tf.tensor1d(layer2Bias());
  }

  /** The reader's filter and both layers, for one picture. */
  run(image: Image, kernel: Kernel): Result {
    const tf = this.tf;
    const edgeCount = LAYER1.length;
    const shapeCount = LAYER2.length;
    const [filtered, edges, pooled, partials, shapes] = tf.tidy(() => {
      const x = tf.tensor4d(image, [1, SIZE, SIZE, 1]);
      const filtered = tf.conv2d(x, tf.tensor4d(Array.from(kernel), [3, 3, 1, 1]), 1, "same");
      const edges = tf.relu(tf.conv2d(x, this.w1, 1, "same"));
      const pooled = tf.maxPool(edges, 2, 2, "valid");
      // [1, 12, 12, 4 × 6]: channel e × 6 + s is edge map e through shape s's slice for it.
      const partials = tf.depthwiseConv2d(pooled, this.w2, 1, "same");
      const sums = tf.sum(tf.reshape(partials, [POOLED, POOLED, edgeCount, shapeCount]), 2);
      const shapes = tf.relu(tf.add(sums, this.b2));
      return [filtered, edges, pooled, partials, shapes].map((t) => t.dataSync() as Float32Array);
    });
    const flatPartials = channels(partials, POOLED * POOLED, edgeCount * shapeCount);
    return {
      filtered,
      edges: channels(edges, SIZE * SIZE, edgeCount),
      pooled: channels(pooled, POOLED * POOLED, edgeCount),
      partials: LAYER2.map((_, s) => LAYER1.map((__, e) => flatPartials[e * shapeCount + s])),
      shapes: channels(shapes, POOLED * POOLED, shapeCount),
    };
  }

  dispose(): void {
    this.w1.dispose();
    this.w2.dispose();
    this.b2.dispose();
  }
}
