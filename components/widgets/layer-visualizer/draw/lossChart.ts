import { extent, max } from "d3-array";
import { scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";
import type { LossPoint } from "../../shared/lossHistory";

export { appendBounded, type LossPoint } from "../../shared/lossHistory";

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
