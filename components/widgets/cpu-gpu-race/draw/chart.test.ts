import { describe, expect, it } from "vitest";
import { rateDomain } from "./chart";
import { markerPath } from "./style";

const lane = (...rates: number[]) => ({ results: rates.map((gflops, i) => ({ n: 32 << i, gflops, seconds: 1, repeats: 1 })) });

describe("the chart's GFLOP/s axis", () => {
  it("spans whole powers of ten around every result, at least 0.1 to 10", () => {
    expect(rateDomain([])).toEqual([0.1, 10]);
    expect(rateDomain([lane(0.5, 2)])).toEqual([0.1, 10]);
    expect(rateDomain([lane(0.074, 1.4), lane(1.3, 25.9)])).toEqual([0.01, 100]);
    expect(rateDomain([lane(3, 380)])).toEqual([0.1, 1000]);
  });

  it("ignores results that are not a positive number (a log axis cannot show them)", () => {
    expect(rateDomain([lane(Number.NaN, 0, 4)])).toEqual([0.1, 10]);
  });

  it("gives each backend a marker of its own", () => {
    const paths = (["cpu", "wasm", "webgl", "webgpu"] as const).map((id) => markerPath(id, 4.5));
    expect(new Set(paths).size).toBe(4);
    for (const p of paths) expect(p).toMatch(/^M/);
  });
});
