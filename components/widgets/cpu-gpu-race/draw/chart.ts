import { scaleLog } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";
import type { Lane } from "../model/state";
import { LANE_STYLE, markerPath } from "./style";

const MARGIN = { top: 26, right: 14, bottom: 34, left: 44 };

/** The GFLOP/s axis: whole powers of ten around everything measured (0.1 to 10 before any result). */
export function rateDomain(lanes: readonly Pick<Lane, "results">[]): [number, number] {
  const rates = lanes.flatMap((l) => l.results.map((p) => p.gflops)).filter((r) => r > 0 && Number.isFinite(r));
  if (rates.length === 0) return [0.1, 10];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...rates)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...rates)));
  return [Math.min(lo, 0.1), Math.max(hi, 10)];
}

const plottable = (p: { gflops: number }) => p.gflops > 0 && Number.isFinite(p.gflops);

const tickLabel = (v: number) => (v >= 1 ? String(Math.round(v)) : String(Number(v.toPrecision(1))));

/**
 * Draws the race into the SVG at its current size: matrix size on a log-2 axis, GFLOP/s on a
 * log-10 axis, one line per backend with its own dash and marker, growing as results arrive.
 */
export function drawChart(svg: SVGSVGElement, lanes: readonly Lane[], sizes: readonly number[]): void {
  const { width, height } = svg.getBoundingClientRect();
  if (width < 10 || height < 10) return;
  const root = select(svg).attr("viewBox", `0 0 ${width} ${height}`);
  const x = scaleLog()
    .base(2)
    // Results from a race with a larger largest size stay on the chart until the next race.
    .domain([sizes[0], Math.max(sizes[sizes.length - 1], ...lanes.flatMap((l) => l.results.map((p) => p.n)))])
    .range([MARGIN.left, width - MARGIN.right]);
  const ticks = [...new Set([...sizes, ...lanes.flatMap((l) => l.results.map((p) => p.n))])].sort((a, b) => a - b);
  const [lo, hi] = rateDomain(lanes);
  const y = scaleLog().domain([lo, hi]).range([height - MARGIN.bottom, MARGIN.top]);
  const yTicks: number[] = [];
  for (let v = lo; v <= hi * 1.0001; v *= 10) yTicks.push(v);

  const grid = root.selectAll<SVGGElement, null>("g.rc-grid").data([null]).join("g").attr("class", "rc-grid");
  grid
    .selectAll<SVGLineElement, number>("line.rc-grid__y")
    .data(yTicks)
    .join("line")
    .attr("class", "rc-grid__y")
    .attr("x1", MARGIN.left)
    .attr("x2", width - MARGIN.right)
    .attr("y1", (v) => y(v))
    .attr("y2", (v) => y(v));
  grid
    .selectAll<SVGTextElement, number>("text.rc-tick--y")
    .data(yTicks)
    .join("text")
    .attr("class", "rc-tick rc-tick--y")
    .attr("x", MARGIN.left - 6)
    .attr("y", (v) => y(v))
    .attr("dy", "0.32em")
    .text(tickLabel);
  grid
    .selectAll<SVGLineElement, number>("line.rc-grid__x")
    .data(ticks)
    .join("line")
    .attr("class", "rc-grid__x")
    .attr("x1", (n) => x(n))
    .attr("x2", (n) => x(n))
    .attr("y1", height - MARGIN.bottom)
    .attr("y2", height - MARGIN.bottom + 4);
  grid
    .selectAll<SVGTextElement, number>("text.rc-tick--x")
    .data(ticks)
    .join("text")
    .attr("class", "rc-tick rc-tick--x")
    .attr("x", (n) => x(n))
    .attr("y", height - MARGIN.bottom + 16)
    .text((n) => String(n));
  grid
    .selectAll<SVGLineElement, null>("line.rc-axis")
    .data([null])
    .join("line")
    .attr("class", "rc-axis")
    .attr("x1", MARGIN.left)
    .attr("x2", width - MARGIN.right)
    .attr("y1", height - MARGIN.bottom)
    .attr("y2", height - MARGIN.bottom);
  grid
    .selectAll<SVGTextElement, null>("text.rc-label--y")
    .data([null])
    .join("text")
    .attr("class", "rc-label rc-label--y")
    .attr("x", 4)
    .attr("y", 12)
    .text("GFLOP/s (billions of operations a second, log scale)");
  grid
    .selectAll<SVGTextElement, null>("text.rc-label--x")
    .data([null])
    .join("text")
    .attr("class", "rc-label rc-label--x")
    .attr("x", width - MARGIN.right)
    .attr("y", height - 3)
    .text("matrix size n (n×n times n×n)");

  const drawn = lanes.filter((l) => l.results.length > 0);
  const path = line<{ n: number; gflops: number }>()
    .defined(plottable)
    .x((p) => x(p.n))
    .y((p) => y(p.gflops));
  const groups = root
    .selectAll<SVGGElement, Lane>("g.rc-lane")
    .data(drawn, (l) => l.id)
    .join("g")
    .attr("class", (l) => `rc-lane rc-lane--${l.id}`);
  groups
    .selectAll<SVGPathElement, Lane>("path.rc-line")
    .data((l) => [l])
    .join("path")
    .attr("class", "rc-line")
    .attr("stroke-dasharray", (l) => LANE_STYLE[l.id].dash)
    .attr("d", (l) => path(l.results) ?? "");
  groups
    .selectAll<SVGPathElement, { id: Lane["id"]; n: number; gflops: number }>("path.rc-marker")
    .data((l) => l.results.filter(plottable).map((p) => ({ id: l.id, n: p.n, gflops: p.gflops })))
    .join("path")
    .attr("class", "rc-marker")
    .attr("d", (p) => markerPath(p.id, 4.5))
    .attr("transform", (p) => `translate(${x(p.n).toFixed(1)},${y(p.gflops).toFixed(1)})`);
  // A backend stopped for time: say so at its last point.
  groups
    .selectAll<SVGTextElement, Lane>("text.rc-stop")
    .data((l) => (l.status === "limit" && l.limit ? [l] : []))
    .join("text")
    .attr("class", "rc-stop")
    .attr("x", (l) => x(l.limit!.at) + 7)
    .attr("y", (l) => y(l.results.find((p) => p.n === l.limit!.at)?.gflops ?? lo) + 14)
    .text("stopped");
}
