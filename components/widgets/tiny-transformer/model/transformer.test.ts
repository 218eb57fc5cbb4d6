import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerTransformerGradients } from "./gradients";
import { TinyTransformer } from "./model";
import { Tokenizer, learnBpe } from "./tokenizer";
import { Trainer, type TrainingSettings } from "./trainer";
import { disposeWeights, forward, initWeights, lossOf, parameterCount, weightShapes, weightTensors, type TransformerConfig, type WeightValues } from "./transformer";
import { decodeWeights, encodeWeights } from "./weightsFile";

let baseline = 0;
beforeAll(async () => {
  await tf.setBackend("cpu");
  registerTransformerGradients(tf);
  baseline = tf.memory().numTensors;
});
afterEach(() => {
  // Every test leaves TF.js as it found it.
  expect(tf.memory().numTensors).toBe(baseline);
});

const tokenizer = new Tokenizer(learnBpe(["the cat sat on the mat. the dog sat on the log."], 40));
const small: TransformerConfig = { vocabSize: tokenizer.size, context: 8, width: 8, layers: 2, heads: 2, mlp: 16, tiedOutput: false };

/** Biases and gains away from 0 and 1, so the tests see them at work. */
function busyWeights(config: TransformerConfig, seed: number): WeightValues {
  const values = initWeights(config, seed);
  for (const [name, v] of Object.entries(values)) if (!name.includes("embed") && v.length === config.width) v.forEach((_, i) => (v[i] = (name.endsWith("gain") ? 1 : 0) + 0.1 * Math.sin(3 * i + name.length)));
  return values;
}

function logitsOf(config: TransformerConfig, values: WeightValues, ids: number[]): Float32Array {
  const w = weightTensors(tf, config, values);
  try {
    return tf.tidy(() => forward(tf, config, w, tf.tensor2d(ids, [1, ids.length], "int32")).dataSync() as Float32Array);
  } finally {
    disposeWeights(w);
  }
}

describe("the forward pass", () => {
  it("matches a two-token case worked by hand", () => {
    // One layer, one head, width 2, three pieces. The MLP and output weights are the identity, so
    // every step below is a line of arithmetic.
    const config: TransformerConfig = { vocabSize: 3, context: 2, width: 2, layers: 1, heads: 1, mlp: 2, tiedOutput: true };
    const I = [1, 0, 0, 1];
    const values: WeightValues = {};
    for (const { name, shape } of weightShapes(config)) values[name] = new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(name.endsWith("gain") ? 1 : 0);
    values["embed.pieces"].set([1, 0, 0, 1, 1, 1]); // piece 0 = (1, 0), piece 1 = (0, 1), piece 2 = (1, 1)
    values["embed.positions"].set([0, 0, 0.5, 0]);
    for (const m of ["query", "key", "out"]) values[`layer0.attn.${m}`].set(I);
    values["layer0.attn.value"].set([1, 0, 0, 2]); // v = (h₁, 2h₂)
    values["layer0.mlp.in"].set(I);
    values["layer0.mlp.out"].set(I);
    values["output.bias"].set([0, 0.5, -0.5]);

    // Layer norm of a pair (a, b): ±(a − b)/2 over √(((a − b)/2)² + ε), so it is ±(1, −1) up to ε.
    const eps = 1e-5;
    const norm = ([a, b]: number[]) => {
      const half = (a - b) / 2;
      const s = Math.sqrt(half * half + eps);
      return [half / s, -half / s];
    };
    const gelu = (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
    const x = [
      [1, 0], // piece 0 at position 0
      [0.5, 1], // piece 1 at position 1: (0, 1) + (0.5, 0)
    ];
    const h = x.map(norm); // ≈ (1, −1) and (−1, 1)
    const v = h.map(([a, b]) => [a, 2 * b]);
    const dot = (p: number[], q: number[]) => p[0] * q[0] + p[1] * q[1];
    // Position 0 sees only itself. Position 1 scores (q₁·k₀, q₁·k₁)/√2 ≈ (−√2, √2).
    const s = [dot(h[1], h[0]) / Math.SQRT2, dot(h[1], h[1]) / Math.SQRT2];
    const w1 = [Math.exp(s[0]) / (Math.exp(s[0]) + Math.exp(s[1])), Math.exp(s[1]) / (Math.exp(s[0]) + Math.exp(s[1]))];
    expect(w1[0]).toBeCloseTo(1 / (1 + Math.exp(2 * Math.SQRT2)), 4); // 0.0558
    const mixed = [v[0], [w1[0] * v[0][0] + w1[1] * v[1][0], w1[0] * v[0][1] + w1[1] * v[1][1]]];
    const afterAttention = x.map((r, t) => [r[0] + mixed[t][0], r[1] + mixed[t][1]]);
    const afterMlp = afterAttention.map((r) => {
      const m = norm(r).map(gelu);
      return [r[0] + m[0], r[1] + m[1]];
    });
    const final = afterMlp.map(norm);
    const table = [
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    const expected = final.flatMap((f) => table.map((e, i) => dot(f, e) + [0, 0.5, -0.5][i]));

    const logits = logitsOf(config, values, [0, 1]);
    expect(logits).toHaveLength(6);
    logits.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 4));
  });

  it("counts its parameters from the shapes it stores", () => {
    const total = weightShapes(small).reduce((n, { shape }) => n + shape.reduce((a, b) => a * b, 1), 0);
    expect(parameterCount(small)).toBe(total);
  });

  it("never lets a later piece change an earlier position's output (the causal mask)", () => {
    const values = busyWeights(small, 5);
    const a = logitsOf(small, values, [3, 7, 11, 2, 9, 4]);
    const b = logitsOf(small, values, [3, 7, 11, 20, 1, 14]);
    const V = small.vocabSize;
    for (let i = 0; i < 3 * V; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-6);
    // …and the later positions do change, so the comparison means something.
    expect(Math.max(...Array.from(a.slice(3 * V), (x, i) => Math.abs(x - b[3 * V + i])))).toBeGreaterThan(1e-3);
  });

  it("has gradients that agree with finite differences", () => {
    const values = busyWeights(small, 7);
    const w = weightTensors(tf, small, values);
    const ids = [1, 4, 9, 2, 7, 3, 8, 5];
    const targets = [4, 9, 2, 7, 3, 8, 5, 1];
    const loss = (weights: typeof w) => tf.tidy(() => lossOf(tf, small, weights, tf.tensor2d(ids, [1, 8], "int32"), tf.tensor1d(targets, "int32")));
    const names = ["embed.pieces", "embed.positions", "layer0.attn.key", "layer1.mlp.in", "final.gain", "output.bias"];
    const grads = tf.grads((...ts: tf.Tensor[]) => loss({ ...w, ...Object.fromEntries(names.map((n, i) => [n, ts[i]])) }))(names.map((n) => w[n]));
    names.forEach((name, k) => {
      const g = grads[k].dataSync();
      for (const i of [0, 5, g.length - 1]) {
        const at = (delta: number) => {
          const changed = values[name].slice();
          changed[i] += delta;
          const t = tf.tensor(changed, w[name].shape);
          const l = loss({ ...w, [name]: t });
          const value = l.dataSync()[0];
          tf.dispose([t, l]);
          return value;
        };
        expect(g[i]).toBeCloseTo((at(1e-2) - at(-1e-2)) / 2e-2, 3);
      }
    });
    tf.dispose(grads);
    disposeWeights(w);
  });
});

describe("looking inside (what the widget draws)", () => {
  it("gives attention rows that sum to 1, with nothing on later pieces", () => {
    const model = new TinyTransformer(tf, small, busyWeights(small, 9), tokenizer);
    const view = model.inspect([5, 2, 8, 13, 21, 3, 1, 7]);
    const T = view.ids.length;
    for (const layer of view.attention)
      for (const head of layer)
        for (let i = 0; i < T; i++) {
          let sum = 0;
          for (let j = 0; j < T; j++) {
            sum += head[i * T + j];
            if (j > i) expect(head[i * T + j]).toBe(0);
          }
          expect(sum).toBeCloseTo(1, 6);
        }
    model.dispose();
  });

  it("steps through one head: softmax of q·k/√d gives the weights, and the weights blend the values", () => {
    const model = new TinyTransformer(tf, small, busyWeights(small, 11), tokenizer);
    const view = model.inspect([5, 2, 8, 13, 21, 3], 3);
    const d = small.width / small.heads;
    expect(view.position).toBe(3);
    for (let l = 0; l < small.layers; l++)
      for (let h = 0; h < small.heads; h++) {
        const head = view.heads[l][h];
        expect(head.query).toHaveLength(d);
        const scores = head.keys.slice(0, 4).map((k) => k.reduce((s, kj, i) => s + kj * head.query[i], 0) / Math.sqrt(d));
        scores.forEach((s, j) => expect(head.scores[j]).toBeCloseTo(s, 5));
        expect(head.scores[4]).toBe(-Infinity);
        const top = Math.max(...scores);
        const total = scores.reduce((s, x) => s + Math.exp(x - top), 0);
        scores.forEach((s, j) => expect(head.weights[j]).toBeCloseTo(Math.exp(s - top) / total, 5));
        expect(Array.from(head.weights)).toEqual(Array.from(view.attention[l][h].slice(3 * 6, 4 * 6)));
        for (let i = 0; i < d; i++) expect(head.mixed[i]).toBeCloseTo(head.values.reduce((s, v, j) => s + head.weights[j] * v[i], 0), 5);
      }
    model.dispose();
  });

  it("reads only the last `context` pieces of a long input", () => {
    const model = new TinyTransformer(tf, small, busyWeights(small, 13), tokenizer);
    const long = Array.from({ length: 20 }, (_, i) => (i * 5) % small.vocabSize);
    expect(model.inspect(long).ids).toEqual(long.slice(-small.context));
    expect(Array.from(model.nextLogits(long))).toEqual(Array.from(model.nextLogits(long.slice(-small.context))));
    // The last-position shortcut gives the last row of the full pass.
    const full = logitsOf(small, busyWeights(small, 13), long.slice(-small.context));
    Array.from(model.nextLogits(long)).forEach((x, i) => expect(x).toBeCloseTo(full[(small.context - 1) * small.vocabSize + i], 5));
    model.dispose();
  });
});

describe("training", () => {
  const settings: TrainingSettings = { batchSize: 4, learningRate: 1e-2, warmupSteps: 2, decaySteps: 20, finalRate: 0.1, weightDecay: 0.01, beta1: 0.9, beta2: 0.98, seed: 3 };
  const stream = tokenizer.encode("the cat sat on the mat. the dog sat on the log. ".repeat(8));

  function train(seed: number, steps: number): { values: WeightValues; losses: number[] } {
    const trainer = new Trainer(tf, small, initWeights(small, seed), settings);
    const losses = Array.from({ length: steps }, () => trainer.trainStep(stream));
    const values = trainer.values();
    trainer.dispose();
    return { values, losses };
  }

  it("is deterministic under a seed, and a different seed starts elsewhere", () => {
    const a = train(1, 6);
    const b = train(1, 6);
    expect(b.losses).toEqual(a.losses);
    for (const { name } of weightShapes(small)) expect(Array.from(b.values[name])).toEqual(Array.from(a.values[name]));
    const c = train(2, 6);
    expect(Array.from(c.values["embed.pieces"])).not.toEqual(Array.from(a.values["embed.pieces"]));
  });

  it("learns: the loss on a repeated sentence falls well below its start", () => {
    const { losses } = train(1, 40);
    expect(losses.at(-1)!).toBeLessThan(0.7 * losses[0]);
  });
});

describe("the weights file", () => {
  it("stores matrices as int8 within half a step of their scale, vectors exactly", () => {
    const values = busyWeights(small, 17);
    const { bin, tensors } = encodeWeights(small, values);
    const back = decodeWeights(tensors, bin);
    for (const t of tensors) {
      const error = Math.max(...Array.from(values[t.name], (v, i) => Math.abs(v - back[t.name][i])));
      if (t.dtype === "int8") expect(error).toBeLessThanOrEqual(t.scale! / 2 + 1e-7);
      else expect(error).toBe(0);
    }
  });
});
