import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_PROMPT, HEADS, LAYERS, MAX_PROMPT_CHARACTERS, normalize } from "./props";

describe("an entry's props as the first state", () => {
  it("keeps sensible props, counting layers and heads from 0", () => {
    expect(normalize({ prompt: "the cat sat", layer: 1, head: 3, temperature: 1.23, topK: 5 })).toEqual({ prompt: "the cat sat", layer: 0, head: 2, temperature: 1.25, topK: 5 });
  });

  it("falls back on anything missing or out of range", () => {
    const fallback = { prompt: DEFAULT_PROMPT, layer: 1, head: 0, temperature: 0.8, topK: 0 };
    expect(normalize({})).toEqual(fallback);
    expect(normalize({ prompt: "   ", layer: 3, head: 0, temperature: Number.NaN, topK: 41 })).toEqual(fallback);
    expect(normalize({ layer: 1.5, head: 9, topK: -1 })).toEqual(fallback);
    expect(normalize({ temperature: 7 }).temperature).toBe(2);
    expect(normalize({ temperature: -1 }).temperature).toBe(0);
  });

  it("cuts a long prompt to the box's limit", () => {
    expect(normalize({ prompt: "a".repeat(1000) }).prompt).toHaveLength(MAX_PROMPT_CHARACTERS);
  });

  it("matches the shipped model's shape", () => {
    const manifest = JSON.parse(fs.readFileSync("public/widgets/tiny-transformer/manifest.json", "utf8")) as { config: { layers: number; heads: number } };
    expect([manifest.config.layers, manifest.config.heads]).toEqual([LAYERS, HEADS]);
  });
});
