import { describe, expect, it } from "vitest";
import { LEARNING_RATES, nearestRate, sampleGrid, SURFACE_IDS, SURFACES, type Surface } from "./surfaces";

const H = 1e-5;

/** A small seeded generator (a linear congruential one) so the test points are the same every run. */
function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function numericGradient(s: Surface, x: number, y: number): [number, number] {
  return [(s.loss(x + H, y) - s.loss(x - H, y)) / (2 * H), (s.loss(x, y + H) - s.loss(x, y - H)) / (2 * H)];
}

/** Second derivatives by differencing the analytic gradient. */
function hessian(s: Surface, x: number, y: number): [[number, number], [number, number]] {
  const [ax, ay] = s.gradient(x + H, y);
  const [bx, by] = s.gradient(x - H, y);
  const [cx, cy] = s.gradient(x, y + H);
  const [dx, dy] = s.gradient(x, y - H);
  return [
    [(ax - bx) / (2 * H), (ay - by) / (2 * H)],
    [(cx - dx) / (2 * H), (cy - dy) / (2 * H)],
  ];
}

const positiveDefinite = ([[a, b], [c, d]]: [[number, number], [number, number]]) => a > 0 && a * d - b * c > 0;

describe.each(SURFACE_IDS)("surface %s", (id) => {
  const s = SURFACES[id];

  it("has an analytic gradient that matches finite differences everywhere on the map", () => {
    const rng = createRng(7);
    for (let i = 0; i < 200; i++) {
      const x = (rng() * 2 - 1) * s.extent;
      const y = (rng() * 2 - 1) * s.extent;
      const [gx, gy] = s.gradient(x, y);
      const [nx, ny] = numericGradient(s, x, y);
      expect(gx).toBeCloseTo(nx, 5);
      expect(gy).toBeCloseTo(ny, 5);
    }
  });

  it("has its minima where they are listed: zero slope, curving up both ways, lowest first", () => {
    for (const m of s.minima) {
      const [gx, gy] = s.gradient(m.x, m.y);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-3);
      expect(positiveDefinite(hessian(s, m.x, m.y))).toBe(true);
      expect(Math.abs(m.x)).toBeLessThan(s.extent);
      expect(Math.abs(m.y)).toBeLessThan(s.extent);
    }
    const losses = s.minima.map((m) => s.loss(m.x, m.y));
    expect([...losses].sort((a, b) => a - b)).toEqual(losses);
  });

  it("is lowest at its first minimum (no point of a fine grid is lower), and that lowest loss is 0", () => {
    const grid = sampleGrid(s, 241);
    const lowest = s.loss(s.minima[0].x, s.minima[0].y);
    expect(Math.min(...grid)).toBeGreaterThanOrEqual(lowest - 1e-9);
    expect(lowest).toBeCloseTo(0, 3);
  });

  it("starts on the map, well above its lowest point", () => {
    expect(Math.abs(s.start.x)).toBeLessThan(s.extent);
    expect(Math.abs(s.start.y)).toBeLessThan(s.extent);
    expect(s.loss(s.start.x, s.start.y)).toBeGreaterThan(0.5);
  });

  it("bends at most about 2 near its minima, so gradient descent is stable below a rate of 1", () => {
    for (const m of s.minima) {
      const [[a, b], [c, d]] = hessian(s, m.x, m.y);
      const largest = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * c);
      expect(largest).toBeGreaterThan(1.5);
      expect(largest).toBeLessThan(2.1);
    }
  });
});

describe("the individual surfaces", () => {
  it("bowl and ravine bottom out at the origin", () => {
    for (const id of ["bowl", "ravine"] as const) {
      expect(SURFACES[id].minima).toEqual([{ x: 0, y: 0 }]);
      expect(SURFACES[id].loss(0, 0)).toBe(0);
    }
  });

  it("the ravine is 50 times steeper across than along", () => {
    const [[a, b], [c, d]] = hessian(SURFACES.ravine, 0, 0);
    const mean = (a + d) / 2;
    const spread = Math.sqrt(((a - d) / 2) ** 2 + b * c);
    expect((mean + spread) / (mean - spread)).toBeCloseTo(50, 1);
  });

  it("the saddle has a flat pass at the origin that falls away into two valleys at (0, ±1)", () => {
    const s = SURFACES.saddle;
    expect(s.gradient(0, 0)).toEqual([0, -0]);
    const [[a, b], [c, d]] = hessian(s, 0, 0);
    expect(a * d - b * c).toBeLessThan(0); // curves up one way, down the other
    expect(s.minima).toEqual([
      { x: 0, y: 1 },
      { x: 0, y: -1 },
    ]);
  });

  it("several minima: three dips, each one deeper than the last", () => {
    const s = SURFACES.minima;
    expect(s.minima).toHaveLength(3);
    const [a, b, c] = s.minima.map((m) => s.loss(m.x, m.y));
    expect(b - a).toBeGreaterThan(0.3);
    expect(c - b).toBeGreaterThan(0.3);
  });
});

describe("sampleGrid", () => {
  it("samples row by row from the top of the map", () => {
    const s = SURFACES.bowl;
    const grid = sampleGrid(s, 4);
    const step = (2 * s.extent) / 4;
    expect(grid[0]).toBeCloseTo(s.loss(-s.extent + step / 2, s.extent - step / 2));
    expect(grid[3]).toBeCloseTo(s.loss(s.extent - step / 2, s.extent - step / 2));
    expect(grid[15]).toBeCloseTo(s.loss(s.extent - step / 2, -s.extent + step / 2));
  });
});

describe("nearestRate", () => {
  it("snaps to an offered rate", () => {
    expect(nearestRate(0.1)).toBe(0.1);
    expect(nearestRate(0.25)).toBe(0.3);
    expect(nearestRate(5)).toBe(2.2);
    expect(nearestRate(undefined)).toBe(0.1);
    expect(LEARNING_RATES).toContain(nearestRate(Number.NaN));
  });
});
