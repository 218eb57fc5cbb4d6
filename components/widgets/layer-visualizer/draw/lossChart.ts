import { extent, max } from "d3-array";
import { scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";

export type LossPoint = { epoch: number; train: number; test: number };

/** Keeps at most `limit` points by dropping every other old one, so drawing cost stays flat. */
export function appendBounded(history: LossPoint[], point: LossPoint, limit = 300): LossPoint[] {
  const next = history.length >= limit ? history.filter((_, i) => i % 2 === 0) : history.slice();
  next.push(point);
  return next;
}

export function drawLossChart(svg: SVGSVGElement, history: LossPoint[], width: number, height: number): void {
  const x = scaleLinear()
    .domain(history.length > 1 ? (extent(history, (d) => d.epoch) as [number, number]) : [0, 1])
    .range([2, width - 2]);
  const y = scaleLinear()
    .domain([0, Math.max(0.05, max(history, (d) => Math.max(d.train, d.test)) ?? 1)])
    .range([height - 2, 2]);
  const root = select(svg).attr("viewBox", `0 0 ${width} ${height}`);
  for (const key of ["train", "test"] as const) {
    root
      .selectAll<SVGPathElement, LossPoint[]>(`path.lv-loss--${key}`)
      .data([history])
      .join("path")
      .attr("class", `lv-loss lv-loss--${key}`)
      .attr("d", line<LossPoint>((d) => x(d.epoch), (d) => y(Number.isFinite(d[key]) ? d[key] : 0)));
  }
}
