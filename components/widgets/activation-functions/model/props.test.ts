import { describe, expect, it } from "vitest";
import { DEFAULTS, X_LIMITS, normalize, snap } from "./props";

describe("state from an entry's props", () => {
  it("snaps to the slider's step and clamps to its range, with no floating-point dust", () => {
    expect(snap(1.53, X_LIMITS)).toBe(1.55);
    expect(snap(0.1 + 0.2, X_LIMITS)).toBe(0.3);
    expect(snap(-9, X_LIMITS)).toBe(-4);
    expect(snap(Number.NaN, X_LIMITS)).toBe(-4);
    expect(snap(0.26, { min: -3, max: 3, step: 0.1 })).toBe(0.3);
  });

  it("keeps good props and replaces bad ones with the defaults", () => {
    expect(normalize({})).toEqual(DEFAULTS);
    expect(normalize({ fn: "sigmoid", x: 2, w1: 2, w2: 1.5, b: -1, slope: false })).toEqual({ fn: "sigmoid", x: 2, showSlope: false, w1: 2, w2: 1.5, b: -1 });
    expect(normalize({ fn: "swish", w1: 99 })).toMatchObject({ fn: "relu", w1: 3 });
  });
});
