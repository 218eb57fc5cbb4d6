import { describe, expect, it } from "vitest";
import { generateDataset, splitTrainTest, type DatasetKind, type Point } from "./datasets";

const KINDS: DatasetKind[] = ["circle", "xor", "gauss", "spiral"];
const countLabel = (points: Point[], label: 0 | 1) => points.filter((p) => p.label === label).length;

describe.each(KINDS)("generateDataset(%s)", (kind) => {
  it("gives the requested number of balanced 0/1 points inside [-1, 1]²", () => {
    for (const noise of [0, 0.25, 0.5]) {
      const points = generateDataset(kind, { count: 200, noise, seed: 5 });
      expect(points).toHaveLength(200);
      expect(points.every((p) => p.label === 0 || p.label === 1)).toBe(true);
      expect(countLabel(points, 1)).toBe(100);
      expect(countLabel(points, 0)).toBe(100);
      expect(points.every((p) => Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1)).toBe(true);
      expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    }
  });

  it("gives label 1 the extra point when the count is odd", () => {
    const points = generateDataset(kind, { count: 201, noise: 0.1, seed: 5 });
    expect(countLabel(points, 1)).toBe(101);
    expect(countLabel(points, 0)).toBe(100);
  });

  it("is the same for a seed and different for another seed", () => {
    const opts = { count: 100, noise: 0.2, seed: 11 };
    expect(generateDataset(kind, opts)).toEqual(generateDataset(kind, opts));
    expect(generateDataset(kind, { ...opts, seed: 12 })).not.toEqual(generateDataset(kind, opts));
  });
});

describe("dataset shapes without noise", () => {
  it("circle: the inner disc is label 1, the outer ring label 0", () => {
    for (const p of generateDataset("circle", { count: 400, noise: 0, seed: 1 })) {
      const r = Math.hypot(p.x, p.y);
      if (p.label === 1) expect(r).toBeLessThanOrEqual(2.5 / 6 + 1e-12);
      else expect(r).toBeGreaterThanOrEqual(3.5 / 6 - 1e-12);
    }
  });

  it("xor: label 1 exactly where x and y share a sign", () => {
    for (const p of generateDataset("xor", { count: 400, noise: 0, seed: 1 })) {
      expect(p.label).toBe(Math.sign(p.x) === Math.sign(p.y) ? 1 : 0);
    }
  });

  it("gauss: label 1 is centred up-right, label 0 down-left", () => {
    const points = generateDataset("gauss", { count: 400, noise: 0, seed: 1 });
    const meanX = (label: 0 | 1) =>
      points.filter((p) => p.label === label).reduce((sum, p) => sum + p.x, 0) / countLabel(points, label);
    expect(meanX(1)).toBeCloseTo(2 / 6, 1);
    expect(meanX(0)).toBeCloseTo(-2 / 6, 1);
  });

  it("spiral: the two arms are point reflections of each other", () => {
    const points = generateDataset("spiral", { count: 100, noise: 0, seed: 1 });
    for (let i = 0; i < points.length; i += 2) {
      expect(points[i + 1].x).toBeCloseTo(-points[i].x, 12);
      expect(points[i + 1].y).toBeCloseTo(-points[i].y, 12);
    }
  });
});

describe("splitTrainTest", () => {
  const points = generateDataset("circle", { count: 200, noise: 0.1, seed: 3 });

  it("splits by the ratio without losing or duplicating points", () => {
    const { train, test } = splitTrainTest(points, 0.8, 9);
    expect(train).toHaveLength(160);
    expect(test).toHaveLength(40);
    expect(new Set([...train, ...test]).size).toBe(200);
    expect([...train, ...test].every((p) => points.includes(p))).toBe(true);
  });

  it("is the same for a seed and shuffles differently for another", () => {
    expect(splitTrainTest(points, 0.5, 9)).toEqual(splitTrainTest(points, 0.5, 9));
    expect(splitTrainTest(points, 0.5, 10).train).not.toEqual(splitTrainTest(points, 0.5, 9).train);
  });
});
