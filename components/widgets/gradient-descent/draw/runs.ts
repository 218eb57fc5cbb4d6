import { select } from "d3-selection";
import { offMap, type Runner } from "../model/race";
import type { Point, Surface } from "../model/surfaces";
import { toMap } from "./contours";
import { markerPath, RUN_STYLE } from "./style";

export function polylinePoints(surface: Surface, path: Point[]): string {
  let out = "";
  for (const p of path) {
    const [x, y] = toMap(surface, p);
    out += `${x.toFixed(1)},${y.toFixed(1)} `;
  }
  return out;
}

/** Where the segment from `inside` (on the map) to `outside` (off it) crosses the map's edge. */
export function exitPoint(surface: Surface, inside: Point, outside: Point): Point {
  const e = surface.extent;
  let t = 1;
  for (const axis of ["x", "y"] as const) {
    const d = outside[axis] - inside[axis];
    if (d > 0 && outside[axis] > e) t = Math.min(t, (e - inside[axis]) / d);
    if (d < 0 && outside[axis] < -e) t = Math.min(t, (-e - inside[axis]) / d);
  }
  return { x: inside.x + t * (outside.x - inside.x), y: inside.y + t * (outside.y - inside.y) };
}

/**
 * What to draw of a run: all of it while it is on the map; once it has left for good (so far),
 * the path up to where it went over the edge, and the head there — not the wild swings beyond.
 */
export function visibleRun(surface: Surface, path: Point[]): { points: Point[]; head: Point; outside: boolean } {
  const last = path.at(-1)!;
  if (!offMap(surface, last)) return { points: path, head: last, outside: false };
  let i = path.length - 1;
  while (i >= 0 && offMap(surface, path[i])) i--;
  if (i < 0) return { points: [], head: { x: Math.max(-surface.extent, Math.min(surface.extent, last.x)), y: Math.max(-surface.extent, Math.min(surface.extent, last.y)) }, outside: true };
  const exit = exitPoint(surface, path[i], path[i + 1]);
  return { points: [...path.slice(0, i + 1), exit], head: exit, outside: true };
}

/** The three paths as polylines (each with its dash pattern) and a marker at each one's head. */
export function drawRuns(group: SVGGElement, surface: Surface, runners: Runner[]): void {
  const root = select(group);
  const shown = runners.map((r) => ({ id: r.id, ...visibleRun(surface, r.path) }));
  root
    .selectAll<SVGPolylineElement, (typeof shown)[number]>("polyline.gd-run")
    .data(shown, (r) => r.id)
    .join("polyline")
    .attr("class", (r) => `gd-run gd-run--${r.id}`)
    .attr("stroke-dasharray", (r) => RUN_STYLE[r.id].dash)
    .attr("points", (r) => polylinePoints(surface, r.points));
  root
    .selectAll<SVGPathElement, (typeof shown)[number]>("path.gd-head")
    .data(shown, (r) => r.id)
    .join("path")
    .attr("class", (r) => `gd-head gd-head--${r.id}`)
    .classed("gd-head--outside", (r) => r.outside)
    .attr("d", (r) => markerPath(r.id))
    .attr("transform", (r) => {
      const [x, y] = toMap(surface, r.head);
      return `translate(${x.toFixed(1)},${y.toFixed(1)})`;
    })
    .raise();
}

/** The start as a ring, and the keyboard cursor as a dashed crosshair. */
export function drawStart(group: SVGGElement, surface: Surface, start: Point, cursor: Point): void {
  const [sx, sy] = toMap(surface, start);
  const [cx, cy] = toMap(surface, cursor);
  const root = select(group);
  root.selectAll("circle.gd-start").data([0]).join("circle").attr("class", "gd-start").attr("r", 6).attr("cx", sx).attr("cy", sy);
  root
    .selectAll("path.gd-cursor")
    .data([0])
    .join("path")
    .attr("class", "gd-cursor")
    .attr("d", `M${cx - 14},${cy}h8m12,0h8M${cx},${cy - 14}v8m0,12v8M${cx + 9},${cy}a9,9 0 1,1 -18,0a9,9 0 1,1 18,0`);
}
