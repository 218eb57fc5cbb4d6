// A decoder-only transformer small enough to watch: learned piece and position embeddings,
// pre-layer-norm blocks (causal multi-head attention, then a GELU MLP), a final layer norm and an
// output layer (tied to the piece embedding or not, see TransformerConfig). The tf module is passed in, so the caller picks the
// backend. Every function here is pure TF.js and runs in Node, a worker or a page.
import type * as tfCore from "@tensorflow/tfjs-core";
import type { GradSaveFunc, Scalar, Tensor, Tensor1D, Tensor2D, Tensor4D } from "@tensorflow/tfjs-core";
import { createRng, glorotUniform } from "../../shared/rng";

type TF = typeof tfCore;

export type TransformerConfig = {
  vocabSize: number;
  /** Longest sequence of pieces the model reads at once. */
  context: number;
  /** Width of the residual stream (the length of each piece's vector). */
  width: number;
  layers: number;
  heads: number;
  /** Hidden width of each MLP. */
  mlp: number;
  /**
   * The output layer is the piece embedding transposed (tied) or a matrix of its own. Untied, the
   * path from a piece straight to the output can learn which piece follows which from the first
   * steps; tied, it first predicts the piece itself again.
   */
  tiedOutput: boolean;
};

export type WeightShape = { name: string; shape: number[] };
/** Weight values by name, row-major, as `weightShapes` lists them. */
export type WeightValues = Record<string, Float32Array>;
/** Weight tensors by name: constants for inference, variables while training. */
export type WeightTensors = Record<string, Tensor>;

export const LAYER_NORM_EPSILON = 1e-5;
/** The score that hides a later piece; exp(-1e9 − max) is exactly 0 in float32. */
const MASKED = -1e9;

export const headSize = (config: TransformerConfig) => config.width / config.heads;

/** Every weight, in the order they are stored and shipped. */
export function weightShapes(config: TransformerConfig): WeightShape[] {
  const { vocabSize: V, context: T, width: C, mlp: M } = config;
  const shapes: WeightShape[] = [
    { name: "embed.pieces", shape: [V, C] },
    { name: "embed.positions", shape: [T, C] },
  ];
  for (let l = 0; l < config.layers; l++) {
    const p = `layer${l}.`;
    shapes.push(
      { name: `${p}norm1.gain`, shape: [C] },
      { name: `${p}norm1.bias`, shape: [C] },
      { name: `${p}attn.query`, shape: [C, C] },
      { name: `${p}attn.queryBias`, shape: [C] },
      { name: `${p}attn.key`, shape: [C, C] },
      { name: `${p}attn.keyBias`, shape: [C] },
      { name: `${p}attn.value`, shape: [C, C] },
      { name: `${p}attn.valueBias`, shape: [C] },
      { name: `${p}attn.out`, shape: [C, C] },
      { name: `${p}attn.outBias`, shape: [C] },
      { name: `${p}norm2.gain`, shape: [C] },
      { name: `${p}norm2.bias`, shape: [C] },
      { name: `${p}mlp.in`, shape: [C, M] },
      { name: `${p}mlp.inBias`, shape: [M] },
      { name: `${p}mlp.out`, shape: [M, C] },
      { name: `${p}mlp.outBias`, shape: [C] },
    );
  }
  shapes.push({ name: "final.gain", shape: [C] }, { name: "final.bias", shape: [C] });
  if (!config.tiedOutput) shapes.push({ name: "output.weights", shape: [C, V] });
  shapes.push({ name: "output.bias", shape: [V] });
  return shapes;
}

export const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

export function parameterCount(config: TransformerConfig): number {
  return weightShapes(config).reduce((sum, { shape }) => sum + sizeOf(shape), 0);
}

/**
 * Seeded starting weights: Glorot-uniform matrices and embeddings (the layers that write into the
 * residual stream scaled by 1/√(2·layers), so the stream does not grow with depth), gains 1, biases 0.
 */
export function initWeights(config: TransformerConfig, seed: number): WeightValues {
  const rng = createRng(seed);
  const residualScale = 1 / Math.sqrt(2 * config.layers);
  const values: WeightValues = {};
  for (const { name, shape } of weightShapes(config)) {
    if (shape.length === 2) {
      const w = glorotUniform(shape[0], shape[1], rng);
      if (name.endsWith("attn.out") || name.endsWith("mlp.out")) for (let i = 0; i < w.length; i++) w[i] *= residualScale;
      values[name] = w;
    } else values[name] = new Float32Array(sizeOf(shape)).fill(name.endsWith("gain") ? 1 : 0);
  }
  return values;
}

/** Constant tensors of `values`, for inference. The caller disposes them (disposeWeights). */
export function weightTensors(tf: TF, config: TransformerConfig, values: WeightValues): WeightTensors {
  const tensors: WeightTensors = {};
  for (const { name, shape } of weightShapes(config)) tensors[name] = tf.tensor(values[name], shape, "float32");
  return tensors;
}

export function disposeWeights(weights: WeightTensors): void {
  for (const t of Object.values(weights)) t.dispose();
}

/** Layer norm over the last axis of [N, C]. */
function layerNorm(tf: TF, x: Tensor2D, gain: Tensor, bias: Tensor): Tensor2D {
  const mean = tf.mean(x, 1, true);
  const centred = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centred), 1, true);
  return tf.add(tf.mul(tf.mul(centred, tf.rsqrt(tf.add(variance, LAYER_NORM_EPSILON))), gain), bias);
}

/** GELU, tanh form: ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
export function gelu(tf: TF, x: Tensor2D): Tensor2D {
  const inner = tf.mul(tf.add(x, tf.mul(tf.mul(x, tf.square(x)), 0.044715)), Math.sqrt(2 / Math.PI));
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

/** [T, T]: 0 where a piece may look (itself and earlier pieces), a huge negative score where it may not. */
export function causalMask(tf: TF, length: number): Tensor2D {
  const mask = new Float32Array(length * length);
  for (let i = 0; i < length; i++) for (let j = i + 1; j < length; j++) mask[i * length + j] = MASKED;
  return tf.tensor2d(mask, [length, length]);
}

/** What a forward pass can keep for the widget: per layer, [B, H, T, T] weights and [B, H, T, d] queries, keys, values. */
export type Trace = { scores: Tensor4D[]; attention: Tensor4D[]; queries: Tensor4D[]; keys: Tensor4D[]; values: Tensor4D[]; mixed: Tensor4D[] };
export const emptyTrace = (): Trace => ({ scores: [], attention: [], queries: [], keys: [], values: [], mixed: [] });

/**
 * Next-piece logits [B·T, V] for pieces `ids` [B, T] (T ≤ context), or [B, V] for the last position
 * only with `lastOnly`. With `trace`, also keeps every layer's attention internals there. Call
 * inside tf.tidy (or a gradient scope).
 */
export function forward(tf: TF, config: TransformerConfig, w: WeightTensors, ids: Tensor2D, trace?: Trace, lastOnly = false): Tensor2D {
  const [B, T] = ids.shape;
  const { width: C, heads: H } = config;
  const d = headSize(config);
  if (T > config.context) throw new Error(`${T} pieces exceed the context of ${config.context}`);
  const positions = tf.slice(w["embed.positions"], [0, 0], [T, C]);
  const embedded = tf.reshape(embedLookup(tf, w["embed.pieces"] as Tensor2D, tf.reshape(ids, [B * T])), [B, T, C]);
  let x: Tensor2D = tf.reshape(tf.add(embedded, positions), [B * T, C]);
  const mask = causalMask(tf, T);
  const heads = (t: Tensor2D) => tf.transpose<Tensor4D>(tf.reshape(t, [B, T, H, d]), [0, 2, 1, 3]);
  for (let l = 0; l < config.layers; l++) {
    const p = `layer${l}.`;
    const h = layerNorm(tf, x, w[`${p}norm1.gain`], w[`${p}norm1.bias`]);
    const q = heads(tf.add(tf.matMul(h, w[`${p}attn.query`] as Tensor2D), w[`${p}attn.queryBias`]));
    const k = heads(tf.add(tf.matMul(h, w[`${p}attn.key`] as Tensor2D), w[`${p}attn.keyBias`]));
    const v = heads(tf.add(tf.matMul(h, w[`${p}attn.value`] as Tensor2D), w[`${p}attn.valueBias`]));
    const scores = tf.mul<Tensor4D>(tf.matMul(q, k, false, true), 1 / Math.sqrt(d));
    const attention = tf.softmax(tf.add<Tensor4D>(scores, mask));
    const mixed = tf.matMul<Tensor4D>(attention, v);
    const merged: Tensor2D = tf.reshape(tf.transpose(mixed, [0, 2, 1, 3]), [B * T, C]);
    x = tf.add(x, tf.add(tf.matMul(merged, w[`${p}attn.out`] as Tensor2D), w[`${p}attn.outBias`]));
    const h2 = layerNorm(tf, x, w[`${p}norm2.gain`], w[`${p}norm2.bias`]);
    const hidden = gelu(tf, tf.add(tf.matMul(h2, w[`${p}mlp.in`] as Tensor2D), w[`${p}mlp.inBias`]));
    x = tf.add(x, tf.add(tf.matMul(hidden, w[`${p}mlp.out`] as Tensor2D), w[`${p}mlp.outBias`]));
    if (trace) {
      trace.scores.push(tf.keep(scores));
      trace.attention.push(tf.keep(attention));
      trace.queries.push(tf.keep(q));
      trace.keys.push(tf.keep(k));
      trace.values.push(tf.keep(v));
      trace.mixed.push(tf.keep(mixed));
    }
  }
  let final = layerNorm(tf, x, w["final.gain"], w["final.bias"]);
  // Generation needs only the last position's logits: skip the output layer for the others.
  if (lastOnly) final = tf.reshape(tf.slice(tf.reshape(final, [B, T, C]), [0, T - 1, 0], [B, 1, C]), [B, C]);
  const logits = config.tiedOutput ? tf.matMul(final, w["embed.pieces"], false, true) : tf.matMul(final, w["output.weights"]);
  return tf.add(logits, w["output.bias"]);
}

/**
 * Rows `ids` of the embedding `table`. TF.js differentiates a gather by a segment sum that costs
 * rows × vocabulary × width on the CPU backend (seconds a step); the gradient here adds each
 * row's gradient into its piece's row with one scatter, which sums repeated pieces.
 */
export function embedLookup(tf: TF, table: Tensor2D, ids: Tensor1D): Tensor2D {
  const lookup = tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const [t, save] = args as [Tensor, GradSaveFunc];
    save([ids]);
    return {
      value: tf.gather(t, ids),
      gradFunc: (dy: Tensor, saved: Tensor[]) => tf.scatterND(tf.reshape(saved[0], [ids.shape[0], 1]), dy, table.shape),
    };
  });
  return lookup(table) as Tensor2D;
}

/**
 * Mean cross-entropy (nats per piece) of `targets` [N] under `logits` [N, V], with its gradient
 * written out, (softmax − one-hot)/N, so a step needs no one-hot product on the way forward.
 */
export function crossEntropy(tf: TF, logits: Tensor2D, targets: Tensor1D): Scalar {
  const [N, V] = logits.shape;
  // One-hot made as int32 and cast: the WASM backend's OneHot writes integers whatever dtype is asked for.
  const oneHot = (t: Tensor1D) => tf.cast(tf.oneHot(t, V), "float32");
  const loss = tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const [z, save] = args as [Tensor, GradSaveFunc];
    const logProbs = tf.logSoftmax(z as Tensor2D);
    save([logProbs, targets]); // targets too: a tensor made inside a gradient scope is gone by the backward pass
    const flat = tf.add(tf.mul(tf.range(0, N, 1, "int32"), tf.scalar(V, "int32")), targets);
    return {
      value: tf.mul<Scalar>(tf.mean(tf.gather(tf.reshape(logProbs, [N * V]), flat)), -1),
      gradFunc: (dy: Tensor, saved: Tensor[]) => tf.mul(tf.sub(tf.exp(saved[0]), oneHot(saved[1] as Tensor1D)), tf.div(dy, N)),
    };
  });
  return loss(logits);
}

/** Mean cross-entropy (nats per piece) of predicting `targets` [B·T] from `inputs` [B, T]. */
export function lossOf(tf: TF, config: TransformerConfig, w: WeightTensors, inputs: Tensor2D, targets: Tensor1D): Scalar {
  return crossEntropy(tf, forward(tf, config, w, inputs), targets);
}

/** Summed negative log-likelihood (nats) and count of predictions over a piece stream, in non-overlapping windows of `context` pieces. */
export function streamLoss(tf: TF, config: TransformerConfig, w: WeightTensors, stream: ArrayLike<number>, batch = 16): { nats: number; count: number } {
  const T = config.context;
  const windows: number[][] = [];
  for (let start = 0; start + 1 < stream.length; start += T) windows.push(Array.from({ length: Math.min(T + 1, stream.length - start) }, (_, i) => stream[start + i]));
  let nats = 0;
  let count = 0;
  const run = (group: number[][]) => {
    const len = group[0].length - 1;
    const inputs = group.flatMap((win) => win.slice(0, len));
    const targets = group.flatMap((win) => win.slice(1));
    const loss = tf.tidy(() => lossOf(tf, config, w, tf.tensor2d(inputs, [group.length, len], "int32"), tf.tensor1d(targets, "int32")));
    nats += (loss.dataSync()[0]) * targets.length;
    count += targets.length;
    loss.dispose();
  };
  const full = windows.filter((win) => win.length === T + 1);
  for (let i = 0; i < full.length; i += batch) run(full.slice(i, i + batch));
  const partial = windows.filter((win) => win.length < T + 1);
  for (const win of partial) run([win]);
  return { nats, count };
}
