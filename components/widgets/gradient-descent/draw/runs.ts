import { select } from "d3-selection";
import { offMap, type Runner } from "../model/race";
import type { Point, Surface } from "../model/surfaces";
import { MAP_SIZE, toMap } from "./contours";
import { markerPath, RUN_STYLE } from "./style";

/** Keeps far-flung points finite and near the map; off-map parts are clipped anyway. */
const FAR = 4 * MAP_SIZE;
const clampFar = (v: number) => Math.max(-FAR, Math.min(FAR, v));
/** How far inside the edge a run that left the map is shown. */
const EDGE_INSET = 7;

export function polylinePoints(surface: Surface, path: Point[]): string {
  let out = "";
  for (const p of path) {
    const [x, y] = toMap(surface, p);
    out += `${clampFar(x).toFixed(1)},${clampFar(y).toFixed(1)} `;
  }
  return out;
}

/** Where a run's marker goes: its position, or the nearest point just inside the edge if it left the map. */
export function headPosition(surface: Surface, p: Point): { x: number; y: number; outside: boolean } {
  const [x, y] = toMap(surface, p);
  if (!offMap(surface, p) && Number.isFinite(x) && Number.isFinite(y)) return { x, y, outside: false };
  const clamp = (v: number) => (Number.isFinite(v) ? Math.max(EDGE_INSET, Math.min(MAP_SIZE - EDGE_INSET, v)) : MAP_SIZE / 2);
  return { x: clamp(x), y: clamp(y), outside: true };
}

/** The three paths as polylines (each with its dash pattern) and a marker at each one's head. */
export function drawRuns(group: SVGGElement, surface: Surface, runners: Runner[]): void {
  const root = select(group);
  root
    .selectAll<SVGPolylineElement, Runner>("polyline.gd-run")
    .data(runners, (r) => r.id)
    .join("polyline")
    .attr("class", (r) => `gd-run gd-run--${r.id}`)
    .attr("stroke-dasharray", (r) => RUN_STYLE[r.id].dash)
    .attr("points", (r) => polylinePoints(surface, r.path));
  root
    .selectAll<SVGPathElement, Runner>("path.gd-head")
    .data(runners, (r) => r.id)
    .join("path")
    .attr("class", (r) => `gd-head gd-head--${r.id}`)
    .attr("d", (r) => markerPath(r.id))
    .each(function (r) {
      const head = headPosition(surface, r.path.at(-1)!);
      select(this)
        .classed("gd-head--outside", head.outside)
        .attr("transform", `translate(${head.x.toFixed(1)},${head.y.toFixed(1)})`);
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
