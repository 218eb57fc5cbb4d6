import { describe, expect, it } from "vitest";
import { FEATURES, FEATURE_LABELS, featurize, gridInputs, toTensorData } from "./features";

describe("featurize", () => {
  it("computes every feature in the network's units (the plane times 6)", () => {
    const [x, y, x2, y2, xy, sinx, siny] = featurize(0.5, -0.25, FEATURES);
    expect(x).toBe(3);
    expect(y).toBe(-1.5);
    expect(x2).toBe(9);
    expect(y2).toBe(2.25);
    expect(xy).toBe(-4.5);
    expect(sinx).toBeCloseTo(Math.sin(3), 12);
    expect(siny).toBeCloseTo(Math.sin(-1.5), 12);
  });

  it("keeps the order of the features asked for", () => {
    expect(featurize(0.5, 2, ["xy", "x"])).toEqual([36, 3]);
  });

  it("has a label for every feature", () => {
    expect(FEATURES.map((f) => FEATURE_LABELS[f])).toEqual(["x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"]);
  });
});

describe("toTensorData", () => {
  it("lays out one row of features and one label per point", () => {
    const { xs, ys } = toTensorData(
      [
        { x: 0.5, y: -1, label: 1 },
        { x: -0.5, y: 0.25, label: 0 },
      ],
      ["x", "y", "xy"],
    );
    expect(Array.from(xs)).toEqual([3, -6, -18, -3, 1.5, -4.5]);
    expect(Array.from(ys)).toEqual([1, 0]);
  });
});

describe("gridInputs", () => {
  it("covers [-1, 1]² row-major with row 0 at the top and column 0 at the left", () => {
    const resolution = 5;
    const grid = gridInputs(resolution, ["x", "y"]);
    expect(grid).toHaveLength(resolution * resolution * 2);
    const point = (row: number, column: number) => Array.from(grid.subarray((row * resolution + column) * 2, (row * resolution + column) * 2 + 2));
    expect(point(0, 0)).toEqual([-6, 6]);
    expect(point(0, 4)).toEqual([6, 6]);
    expect(point(4, 0)).toEqual([-6, -6]);
    expect(point(4, 4)).toEqual([6, -6]);
    expect(point(2, 2)).toEqual([0, 0]);
    expect(point(1, 3)).toEqual([3, 3]);
  });

  it("featurizes every grid point", () => {
    const grid = gridInputs(3, FEATURES);
    expect(grid).toHaveLength(3 * 3 * FEATURES.length);
    const topLeft = Array.from(grid.subarray(0, FEATURES.length));
    featurize(-1, 1, FEATURES).forEach((value, i) => expect(topLeft[i]).toBeCloseTo(value, 6));
    const bottomRight = Array.from(grid.subarray(8 * FEATURES.length));
    featurize(1, -1, FEATURES).forEach((value, i) => expect(bottomRight[i]).toBeCloseTo(value, 6));
  });
});
