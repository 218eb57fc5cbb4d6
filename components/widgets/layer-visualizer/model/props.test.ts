import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, presetById } from "../state/config";
import { normalize } from "./props";

describe("an entry's props as the first state", () => {
  it("starts from the preset, with the entry's own settings over it", () => {
    const { config, question } = normalize({ preset: "xor", learningRate: 0.3 });
    expect(config).toMatchObject({ dataset: "xor", hidden: [4], learningRate: 0.3 });
    expect(question).toBe(presetById("xor").question);
  });

  it("falls back to the circle preset", () => {
    expect(normalize({ preset: "nonsense" }).config).toEqual({ ...DEFAULT_CONFIG, dataset: "circle", hidden: [4, 2] });
    expect(normalize({}).question).toBe(presetById("circle").question);
  });
});
