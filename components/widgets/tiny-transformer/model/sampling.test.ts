import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng } from "../../shared/rng";
import { Generator, TinyTransformer } from "./model";
import { nextPieceDistribution, samplePiece, topPieces } from "./sampling";
import { learnBpe, Tokenizer } from "./tokenizer";
import { initWeights, type TransformerConfig } from "./transformer";

const logits = [2, 1, 0.5, 3, -1];
const sum = (p: ArrayLike<number>) => Array.from(p).reduce((a, b) => a + b, 0);

describe("the next-piece distribution", () => {
  it("is softmax(logits / temperature), summing to 1", () => {
    const p = nextPieceDistribution(logits, 1);
    const z = logits.map(Math.exp);
    p.forEach((x, i) => expect(x).toBeCloseTo(z[i] / sum(z), 12));
    expect(sum(nextPieceDistribution(logits, 0.8))).toBeCloseTo(1, 12);
  });

  it("sharpens as the temperature falls and is the single best piece at 0", () => {
    expect(nextPieceDistribution(logits, 0.5)[3]).toBeGreaterThan(nextPieceDistribution(logits, 1)[3]);
    expect(nextPieceDistribution(logits, 2)[3]).toBeLessThan(nextPieceDistribution(logits, 1)[3]);
    expect(Array.from(nextPieceDistribution(logits, 0))).toEqual([0, 0, 0, 1, 0]);
  });

  it("keeps only the top k pieces, ties cut by id", () => {
    const p = nextPieceDistribution(logits, 1, 2);
    expect(Array.from(p, (x) => x > 0)).toEqual([true, false, false, true, false]);
    expect(sum(p)).toBeCloseTo(1, 12);
    expect(Array.from(nextPieceDistribution([1, 1, 1], 1, 2))).toEqual([0.5, 0.5, 0]);
    expect(topPieces(p, 2).map((t) => t.id)).toEqual([3, 0]);
  });

  it("draws pieces in proportion to their probability, never an excluded one", () => {
    const p = nextPieceDistribution(logits, 1, 3);
    const rng = createRng(4);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[samplePiece(p, rng)]++;
    expect(counts[2]).toBe(0);
    expect(counts[4]).toBe(0);
    p.forEach((x, i) => expect(counts[i] / 20_000).toBeCloseTo(x, 1));
  });
});

describe("step-by-step generation", () => {
  const tokenizer = new Tokenizer(learnBpe(["the cat sat on the mat. the dog sat on the log."], 40));
  const config: TransformerConfig = { vocabSize: tokenizer.size, context: 8, width: 8, layers: 1, heads: 2, mlp: 16, tiedOutput: false };
  let model: TinyTransformer;
  beforeAll(async () => {
    await tf.setBackend("cpu");
    model = new TinyTransformer(tf, config, initWeights(config, 2), tokenizer);
  });
  afterAll(() => model.dispose());

  it("adds one piece per step, the same pieces under the same seed", () => {
    const run = (seed: number) => {
      const g = new Generator(model, tokenizer.encode("the cat"), { temperature: 1, topK: 0, seed });
      for (let i = 0; i < 12; i++) g.step();
      return g.ids;
    };
    const a = run(7);
    expect(a).toHaveLength(tokenizer.encode("the cat").length + 12);
    expect(run(7)).toEqual(a);
    expect(run(8)).not.toEqual(a);
  });

  it("picks the most likely piece every time at temperature 0", () => {
    const g = new Generator(model, tokenizer.encode("the"), { temperature: 0, topK: 0, seed: 1 });
    const { id } = g.step();
    const l = model.nextLogits(tokenizer.encode("the"));
    expect(id).toBe(l.indexOf(Math.max(...l)));
  });
});
