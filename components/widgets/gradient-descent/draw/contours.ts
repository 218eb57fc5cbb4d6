import { contours } from "d3-contour";
import { select } from "d3-selection";
import { sampleGrid, type Point, type Surface } from "../model/surfaces";

/** The map's own coordinates: a square of this many units, scaled to fit by CSS. */
export const MAP_SIZE = 300;
/** Grid cells per side for the contour lines: smooth enough, and quick (under 5 ms). */
export const GRID = 120;
export const LEVELS = 12;

/** Parameter space to map units (y up) … */
export function toMap(surface: Surface, p: Point): [number, number] {
  const k = MAP_SIZE / (2 * surface.extent);
  return [(p.x + surface.extent) * k, (surface.extent - p.y) * k];
}

/** … and back. */
export function fromMap(surface: Surface, mx: number, my: number): Point {
  const k = (2 * surface.extent) / MAP_SIZE;
  return { x: mx * k - surface.extent, y: surface.extent - my * k };
}

/**
 * Contour levels spaced by the square of their index above the lowest value, so a bowl's rings
 * come out evenly spaced, as on a relief map. The top level stays below the highest corners.
 */
export function contourLevels(values: ArrayLike<number>, count = LEVELS): number[] {
  const sorted = Float64Array.from(values).sort();
  const lo = sorted[0];
  const hi = sorted[Math.floor(0.97 * (sorted.length - 1))];
  return Array.from({ length: count }, (_, i) => lo + (hi - lo) * ((i + 0.5) / count) ** 2);
}

export type Contour = { level: number; d: string };

/**
 * The surface's contour lines as SVG paths, deepest last. Each path encloses the ground *below* its
 * level, so stacked translucent fills darken towards the valleys.
 */
export function contourPaths(surface: Surface, grid = GRID, count = LEVELS): Contour[] {
  const values = sampleGrid(surface, grid);
  const levels = contourLevels(values, count);
  // d3-contour encloses values at or above a threshold; negate to enclose the low ground.
  const negated = Array.from(values, (v) => -v);
  const generator = contours().size([grid, grid]).thresholds(levels.map((l) => -l).reverse());
  const k = MAP_SIZE / grid;
  return generator(negated)
    .map((shape) => ({
      level: -shape.value,
      d: shape.coordinates
        .flatMap((polygon) => polygon.map((ring) => `M${ring.map(([x, y]) => `${(x * k).toFixed(1)},${(y * k).toFixed(1)}`).join("L")}Z`))
        .join(""),
    }))
    .filter((c) => c.d.length > 0)
    .sort((a, b) => b.level - a.level);
}

/** Draws the contour map once per surface: translucent nested fills with a thin line each. */
export function drawContours(group: SVGGElement, surface: Surface): void {
  select(group)
    .selectAll<SVGPathElement, Contour>("path")
    .data(contourPaths(surface))
    .join("path")
    .attr("class", "gd-contour")
    .attr("d", (c) => c.d);
}

/** A small plus at each minimum. */
export function drawMinima(group: SVGGElement, surface: Surface): void {
  select(group)
    .selectAll<SVGPathElement, Point>("path")
    .data(surface.minima)
    .join("path")
    .attr("class", "gd-minimum")
    .attr("d", (p) => {
      const [x, y] = toMap(surface, p);
      return `M${x - 5},${y}h10M${x},${y - 5}v10`;
    });
}
