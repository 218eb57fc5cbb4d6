import fs from "node:fs";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "./manifest";
import { loadTinyTransformer, type TinyTransformer } from "./model";
import { dotText, fixed, stepThrough } from "./steps";
import type { VocabJson } from "./tokenizer";

describe("one head's arithmetic, written out", () => {
  it("works a two-piece case by hand", () => {
    // q = [1, 0, 0, 1]; k₀ = [1, 1, 0, 0], k₁ = [0, 0, 1, 1]: dots 1 and 1, equal weights.
    const numbers = { query: [1, 0, 0, 1], keys: [1, 1, 0, 0, 0, 0, 1, 1], values: [2, 0, 0, 0, 0, 4, 0, 0] };
    const s = stepThrough(numbers, 1);
    expect(s.dots).toEqual([1, 1]);
    expect(s.scores).toEqual([0.5, 0.5]); // ÷ √4
    expect(s.weights).toEqual([0.5, 0.5]);
    expect(s.mixed).toEqual([1, 2, 0, 0]);
    // The first piece can look only at itself.
    expect(stepThrough(numbers, 0).weights).toEqual([1]);
  });

  it("prints numbers and dot products plainly", () => {
    expect(fixed(-1.234)).toBe("−1.23");
    expect(dotText([1, 2, 3, 4], [1, 1, 1, 1])).toBe("1.00×1.00 + 2.00×1.00 + 3.00×1.00 + … (4 terms) = 10.00");
  });

  describe("on the shipped model", () => {
    let model: TinyTransformer;
    beforeAll(async () => {
      await tf.setBackend("cpu");
      const dir = "public/widgets/tiny-transformer/";
      const manifest = JSON.parse(fs.readFileSync(dir + "manifest.json", "utf8")) as Manifest;
      const vocab = JSON.parse(fs.readFileSync(dir + "vocab.json", "utf8")) as VocabJson;
      model = loadTinyTransformer(tf, manifest, new Uint8Array(fs.readFileSync(dir + "weights.bin")), vocab);
    });

    it("agrees with the model's own scores, weights and gathered values", () => {
      const ids = model.tokenizer.encode("a neural network learns from data, so it");
      const look = model.inspect(ids, 8);
      const view = look.heads[1][0];
      const flat = (rows: Float32Array[]) => rows.flatMap((r) => Array.from(r));
      const s = stepThrough({ query: view.query, keys: flat(view.keys), values: flat(view.values) }, 8);
      s.scores.forEach((score, j) => expect(score).toBeCloseTo(view.scores[j], 3));
      s.weights.forEach((w, j) => expect(w).toBeCloseTo(view.weights[j], 4));
      s.mixed.forEach((m, i) => expect(m).toBeCloseTo(view.mixed[i], 3));
      model.dispose();
    });
  });
});
