import { describe, expect, it } from "vitest";
import { ACTIVATIONS, activation } from "./activations";
import { EXTENT, TABLE_SIZE, boundarySegment, display, neuronOutput, outputGrid, weightedSum, type Neuron } from "./neuron";

describe("one neuron", () => {
  const n: Neuron = { fn: "relu", w1: 2, w2: -1, b: 0.5 };

  it("weighs, adds the bias and applies the activation", () => {
    expect(weightedSum(n, 1, 1)).toBe(1.5);
    expect(neuronOutput(n, 1, 1)).toBe(1.5);
    expect(neuronOutput(n, -1, 1)).toBe(0); // 2·(−1) − 1 + 0.5 = −2.5 → ReLU → 0
    expect(neuronOutput({ ...n, fn: "sigmoid" }, 0, 0.5)).toBe(0.5); // the sum is 0 on the line
  });

  it("fills the grid row by row from the top-left cell centre", () => {
    const size = 4;
    const grid = outputGrid({ ...n, fn: "tanh" }, size);
    const cell = (2 * EXTENT) / size;
    expect(grid).toHaveLength(size * size);
    const at = (row: number, col: number) => Math.tanh(2 * (-EXTENT + (col + 0.5) * cell) - (EXTENT - (row + 0.5) * cell) + 0.5);
    for (const [row, col] of [[0, 0], [0, 3], [2, 1], [3, 3]]) expect(grid[row * size + col]).toBeCloseTo(at(row, col), 3);
  });

  it("interpolates its table closely enough: < 2e-4 for smooth functions, < h/4 at ReLU's corner", () => {
    for (const a of ACTIVATIONS) {
      const neuron: Neuron = { fn: a.id, w1: 3, w2: -3, b: 3 }; // the widest range of sums the sliders allow
      const size = 97;
      const grid = outputGrid(neuron, size);
      const cell = (2 * EXTENT) / size;
      const step = (2 * 6 * EXTENT) / (TABLE_SIZE - 1);
      let worst = 0;
      for (let row = 0; row < size; row++)
        for (let col = 0; col < size; col++) {
          const exact = neuronOutput(neuron, -EXTENT + (col + 0.5) * cell, EXTENT - (row + 0.5) * cell);
          worst = Math.max(worst, Math.abs(grid[row * size + col] - exact));
        }
      expect(worst, a.id).toBeLessThan(a.corner === undefined ? 2e-4 : step / 4 + 1e-6);
    }
  });

  it("a neuron with zero weights is flat: the same output everywhere", () => {
    const grid = outputGrid({ fn: "sigmoid", w1: 0, w2: 0, b: 1 }, 8);
    expect(new Set(grid).size).toBe(1);
    expect(grid[0]).toBeCloseTo(activation("sigmoid").f(1), 6);
  });

  it("ReLU bends the plane: zero on one side of the line, a tilted plane on the other", () => {
    const grid = outputGrid(n, 60);
    const zeros = grid.filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThan(0.2 * grid.length);
    expect(zeros).toBeLessThan(0.8 * grid.length);
  });
});

describe("the line where the weighted sum is zero", () => {
  it("is clipped to the square and lies on w·x + b = 0", () => {
    const seg = boundarySegment(1, -0.5, 0.5)!;
    expect(seg).not.toBeNull();
    for (const p of seg) {
      expect(1 * p.x1 - 0.5 * p.x2 + 0.5).toBeCloseTo(0, 12);
      expect(Math.abs(p.x1)).toBeLessThanOrEqual(EXTENT + 1e-9);
      expect(Math.abs(p.x2)).toBeLessThanOrEqual(EXTENT + 1e-9);
    }
  });

  it("is vertical when only w1 is non-zero, horizontal when only w2 is", () => {
    expect(boundarySegment(2, 0, -2)).toEqual([
      { x1: 1, x2: -3 },
      { x1: 1, x2: 3 },
    ]);
    const h = boundarySegment(0, 1, 1)!;
    expect(h.map((p) => p.x2)).toEqual([-1, -1]);
    expect(h.map((p) => p.x1).sort()).toEqual([-3, 3]);
  });

  it("goes corner to corner on the diagonal without duplicate points", () => {
    const seg = boundarySegment(1, -1, 0)!;
    expect(Math.hypot(seg[0].x1 - seg[1].x1, seg[0].x2 - seg[1].x2)).toBeCloseTo(2 * EXTENT * Math.SQRT2, 12);
  });

  it("is missing when both weights are zero or the line falls outside the square", () => {
    expect(boundarySegment(0, 0, 1)).toBeNull();
    expect(boundarySegment(1, 0, 5)).toBeNull(); // x1 = −5
    expect(boundarySegment(0.1, 0.1, 3)).toBeNull(); // x1 + x2 = −30
  });
});

describe("colours", () => {
  it("maps each function's range onto [−1, 1] with the neutral middle where it belongs", () => {
    expect(display("sigmoid").toSigned(0.5)).toBe(0);
    expect(display("sigmoid").toSigned(1)).toBe(1);
    expect(display("tanh").toSigned(-1)).toBe(-1);
    expect(display("relu").toSigned(0)).toBe(0);
    expect(display("relu").toSigned(3)).toBe(1);
    expect(display("gelu").legend).toEqual(["−3", "0", "3 or more"]);
  });
});
