import { select } from "d3-selection";
import { scaleLinear } from "d3-scale";
import type { WindowFill } from "../model/stats";

/** The gauge is drawn in a 1000 × 16 box that CSS stretches to the panel's width. */
export const GAUGE_WIDTH = 1000;
export const GAUGE_HEIGHT = 16;
const TICKS = [0.25, 0.5, 0.75];
const MIN_VISIBLE = 0.004;

/**
 * A bar for the context window: its track, the part the text fills (orange once the text no
 * longer fits), and quarter marks.
 */
export function drawGauge(svg: SVGSVGElement, fill: WindowFill | null): void {
  const x = scaleLinear().domain([0, 1]).range([0, GAUGE_WIDTH]).clamp(true);
  const root = select(svg).attr("viewBox", `0 0 ${GAUGE_WIDTH} ${GAUGE_HEIGHT}`).attr("preserveAspectRatio", "none");
  root
    .selectAll("rect.tk-gauge__track")
    .data([null])
    .join("rect")
    .attr("class", "tk-gauge__track")
    .attr("width", GAUGE_WIDTH)
    .attr("height", GAUGE_HEIGHT);
  root
    .selectAll("rect.tk-gauge__fill")
    .data([fill])
    // Under the quarter marks, which the server-rendered still already drew.
    .join((enter) => enter.insert("rect", "line"))
    .attr("class", "tk-gauge__fill")
    .classed("tk-gauge__fill--over", (d) => d !== null && !d.fits)
    .attr("width", GAUGE_WIDTH)
    .attr("height", GAUGE_HEIGHT)
    // Scaled rather than resized so CSS can ease the change (≤ 150 ms, none with reduced motion).
    // A text too short to see at this scale still shows a sliver: the bar never reads as empty.
    .style("transform", (d) => `scaleX(${x(d && d.ratio > 0 ? Math.max(d.ratio, MIN_VISIBLE) : 0) / GAUGE_WIDTH})`);
  root
    .selectAll("line.tk-gauge__tick")
    .data(TICKS)
    .join("line")
    .attr("class", "tk-gauge__tick")
    .attr("x1", (t) => x(t))
    .attr("x2", (t) => x(t))
    .attr("y1", 0)
    .attr("y2", GAUGE_HEIGHT);
}
