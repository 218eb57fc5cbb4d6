import { describe, expect, it } from "vitest";
import type { Runner } from "../model/race";
import { SURFACES } from "../model/surfaces";
import { contourLevels, contourPaths, fromMap, MAP_SIZE, toMap } from "./contours";
import { exitStep, lossLine, lossScale, PLOT_HEIGHT } from "./lossPlot";
import { exitPoint, visibleRun } from "./runs";
import { markerPath, plotSteps } from "./style";

const bowl = SURFACES.bowl;

describe("map coordinates", () => {
  it("put the map's corners and centre where they belong, y up, and come back", () => {
    expect(toMap(bowl, { x: -3, y: 3 })).toEqual([0, 0]);
    expect(toMap(bowl, { x: 3, y: -3 })).toEqual([MAP_SIZE, MAP_SIZE]);
    expect(toMap(bowl, { x: 0, y: 0 })).toEqual([MAP_SIZE / 2, MAP_SIZE / 2]);
    const p = fromMap(bowl, ...toMap(bowl, { x: 1.25, y: -0.5 }));
    expect(p.x).toBeCloseTo(1.25);
    expect(p.y).toBeCloseTo(-0.5);
  });
});

describe("contours", () => {
  it("levels rise, spaced wider and wider (evenly spaced rings on a bowl)", () => {
    const levels = contourLevels([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeGreaterThan(levels[i - 1]);
    const gaps = levels.slice(1).map((l, i) => l - levels[i]);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
    expect(levels[0]).toBeGreaterThanOrEqual(0);
    expect(levels.at(-1)!).toBeLessThan(10);
  });

  it.each(Object.keys(SURFACES) as (keyof typeof SURFACES)[])("%s: one closed path per level, deepest last, inside the map", (id) => {
    const paths = contourPaths(SURFACES[id], 60, 8);
    expect(paths.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < paths.length; i++) expect(paths[i].level).toBeLessThan(paths[i - 1].level);
    for (const p of paths) {
      expect(p.d).toMatch(/^M[\d.]+,[\d.]+L/);
      expect(p.d.endsWith("Z")).toBe(true);
      const numbers = p.d.match(/-?[\d.]+/g)!.map(Number);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(MAP_SIZE);
    }
  });
});

describe("runs that leave the map", () => {
  it("exit where the last segment crosses the edge", () => {
    const p = exitPoint(bowl, { x: 0, y: 0 }, { x: 6, y: 3 });
    expect(p.x).toBeCloseTo(3);
    expect(p.y).toBeCloseTo(1.5);
    const q = exitPoint(bowl, { x: 1, y: 2 }, { x: 1, y: -100 });
    expect(q).toEqual({ x: 1, y: -3 });
  });

  it("are drawn up to the edge, with the head there; runs on the map are drawn whole", () => {
    const path = [
      { x: 0, y: 1 },
      { x: 0, y: -2 },
      { x: 0, y: 4 },
      { x: 0, y: -12 },
    ];
    const gone = visibleRun(bowl, path);
    expect(gone.outside).toBe(true);
    expect(gone.points).toEqual([path[0], path[1], { x: 0, y: 3 }]);
    expect(gone.head).toEqual({ x: 0, y: 3 });
    const back = visibleRun(bowl, [...path, { x: 0, y: 0.5 }]);
    expect(back.outside).toBe(false);
    expect(back.points).toHaveLength(5);
  });
});

describe("loss plot", () => {
  const runner = (losses: number[]): Runner => ({ id: "sgd", path: losses.map(() => ({ x: 0, y: 0 })), losses, diverged: false });

  it("puts zero at the bottom and the start near the top", () => {
    const y = lossScale(4);
    expect(y(0)).toBe(PLOT_HEIGHT - 2);
    expect(y(4)).toBeGreaterThan(2);
    expect(y(4)).toBeLessThan(PLOT_HEIGHT / 4);
  });

  it("keeps at most ~300 vertices, always ending on the last step", () => {
    const losses = Array.from({ length: 1001 }, (_, i) => 1 / (i + 1));
    const line = lossLine(runner(losses), (s) => s / 10, (l) => l * 100);
    const vertices = line.trim().split(" ");
    expect(vertices.length).toBeLessThanOrEqual(350);
    expect(vertices.at(-1)).toBe(`100.0,${(100 / 1001).toFixed(1)}`);
  });

  it("marks the step where a run's loss went out of the top, only while it is up there", () => {
    expect(exitStep(runner([5, 3, 9, 40, 900]), 6)).toBe(2);
    expect(exitStep(runner([5, 3, 9, 2]), 6)).toBeNull();
    expect(exitStep(runner([5, 3, Number.POSITIVE_INFINITY]), 6)).toBe(2);
  });

  it("spans at least 100 steps, growing in hundreds", () => {
    expect(plotSteps(0)).toBe(100);
    expect(plotSteps(100)).toBe(100);
    expect(plotSteps(101)).toBe(200);
  });
});

describe("markers", () => {
  it("are three different closed shapes", () => {
    const shapes = new Set((["sgd", "momentum", "adam"] as const).map((id) => markerPath(id)));
    expect(shapes.size).toBe(3);
    for (const d of shapes) expect(d.endsWith("Z")).toBe(true);
  });
});
