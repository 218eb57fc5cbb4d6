import { scaleLinear } from "d3-scale";
import { select, type Selection } from "d3-selection";
import { line } from "d3-shape";
import { activation, derivativePieces, sample, tangent, type ActivationId, type Point } from "../model/activations";
import { X_LIMITS, snap } from "../model/props";
import { MARGIN, X_DOMAIN, Y_DOMAIN } from "./geometry";

const SAMPLES = 321; // every 0.025: the corner at 0 is one of them
const TANGENT_SPAN = 1.1;

/** The curve and its slope only change with the function: sample each once. */
const samples = new Map<ActivationId, { curve: Point[]; slope: Point[][] }>();
function samplesOf(id: ActivationId) {
  let s = samples.get(id);
  if (!s) {
    const a = activation(id);
    s = { curve: sample(a.f, X_DOMAIN, SAMPLES), slope: derivativePieces(a, X_DOMAIN, SAMPLES) };
    samples.set(id, s);
  }
  return s;
}

export type PlotState = { fn: ActivationId; x: number; showSlope: boolean };

export function plotScales(width: number, height: number) {
  return {
    x: scaleLinear().domain(X_DOMAIN).range([MARGIN.left, width - MARGIN.right]),
    y: scaleLinear().domain(Y_DOMAIN).range([height - MARGIN.bottom, MARGIN.top]),
  };
}

/** A pointer's horizontal position on the plot to an input, snapped to the slider's step. */
export function inputAtPixel(px: number, width: number): number {
  return snap(plotScales(width, 100).x.invert(px), X_LIMITS);
}

const MINUS = (n: number) => (n < 0 ? `−${-n}` : String(n));

/**
 * Draws the chosen function, its derivative (optional), the tangent at x and the marker, in an
 * SVG of width × height pixels. Idempotent: call it on every change.
 */
export function drawPlot(svg: SVGSVGElement, width: number, height: number, state: PlotState, clipId: string): void {
  const a = activation(state.fn);
  const { x: sx, y: sy } = plotScales(width, height);
  const root = select(svg).attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);

  root
    .selectAll("clipPath")
    .data([0])
    .join((enter) => enter.append("clipPath").attr("id", clipId).call((c) => c.append("rect")))
    .select("rect")
    .attr("x", MARGIN.left)
    .attr("y", MARGIN.top)
    .attr("width", Math.max(0, width - MARGIN.left - MARGIN.right))
    .attr("height", Math.max(0, height - MARGIN.top - MARGIN.bottom));

  const layer = (name: string, clipped = false) =>
    root
      .selectAll<SVGGElement, number>(`g.${name}`)
      .data([0])
      .join((enter) => {
        const g = enter.append("g").attr("class", name);
        if (clipped) g.attr("clip-path", `url(#${clipId})`);
        return g;
      });

  // Everything but the reading depends only on the size, the function and the slope switch:
  // redraw it only when one of those changes, not on every move of the point.
  const key = `${width}|${height}|${state.fn}|${state.showSlope}`;
  if (svg.dataset.drawn !== key) {
    svg.dataset.drawn = key;
    drawAxesAndCurves(layer, width, height, state);
  }

  // The reading at x: a guide down to the axis, the tangent, the point, and its slope below.
  const x = state.x;
  const y = a.f(x);
  const slope = a.df(x);
  const reading = layer("af-reading", true);
  reading
    .selectAll("line.af-guide")
    .data([x])
    .join("line")
    .attr("class", "af-guide")
    .attr("x1", sx)
    .attr("x2", sx)
    .attr("y1", MARGIN.top)
    .attr("y2", height - MARGIN.bottom);
  const [t0, t1] = tangent(a, x, TANGENT_SPAN);
  reading
    .selectAll("line.af-tangent")
    .data([0])
    .join("line")
    .attr("class", "af-tangent")
    .attr("x1", sx(t0.x))
    .attr("y1", sy(t0.y))
    .attr("x2", sx(t1.x))
    .attr("y2", sy(t1.y));
  reading
    .selectAll("circle.af-slope-marker")
    .data(state.showSlope ? [slope] : [])
    .join("circle")
    .attr("class", "af-slope-marker")
    .attr("r", 4)
    .attr("cx", sx(x))
    .attr("cy", sy);
  reading
    .selectAll("circle.af-marker")
    .data([y])
    .join("circle")
    .attr("class", "af-marker")
    .attr("r", 6.5)
    .attr("cx", sx(x))
    .attr("cy", sy);

  // Axis names, on top of everything.
  const names = layer("af-names");
  names
    .selectAll("text.af-name")
    .data([
      { text: "x", x: width - MARGIN.right - 2, y: sy(0) - 6, anchor: "end" },
      { text: "output", x: sx(0) + 6, y: MARGIN.top + 10, anchor: "start" },
    ])
    .join("text")
    .attr("class", "af-name")
    .attr("x", (d) => d.x)
    .attr("y", (d) => d.y)
    .attr("text-anchor", (d) => d.anchor)
    .text((d) => d.text);
}

type Layer = (name: string, clipped?: boolean) => Selection<SVGGElement, number, SVGSVGElement, unknown>;

function drawAxesAndCurves(layer: Layer, width: number, height: number, state: PlotState): void {
  const a = activation(state.fn);
  const { x: sx, y: sy } = plotScales(width, height);
  // Grid, zero axes and tick labels.
  const xTicks = sx.ticks(width < 420 ? 4 : 8);
  const yTicks = sy.ticks(5).filter(Number.isInteger);
  const grid = layer("af-grid");
  grid
    .selectAll("line.af-grid__x")
    .data(xTicks)
    .join("line")
    .attr("class", (d) => (d === 0 ? "af-grid__x af-axis" : "af-grid__x"))
    .attr("x1", sx)
    .attr("x2", sx)
    .attr("y1", MARGIN.top)
    .attr("y2", height - MARGIN.bottom);
  grid
    .selectAll("line.af-grid__y")
    .data(yTicks)
    .join("line")
    .attr("class", (d) => (d === 0 ? "af-grid__y af-axis" : "af-grid__y"))
    .attr("x1", MARGIN.left)
    .attr("x2", width - MARGIN.right)
    .attr("y1", sy)
    .attr("y2", sy);
  grid
    .selectAll("text.af-tick--x")
    .data(xTicks)
    .join("text")
    .attr("class", "af-tick af-tick--x")
    .attr("x", sx)
    .attr("y", height - MARGIN.bottom + 16)
    .attr("text-anchor", "middle")
    .text(MINUS);
  grid
    .selectAll("text.af-tick--y")
    .data(yTicks)
    .join("text")
    .attr("class", "af-tick af-tick--y")
    .attr("x", MARGIN.left - 6)
    .attr("y", (d) => sy(d) + 4)
    .attr("text-anchor", "end")
    .text(MINUS);

  // The curves.
  const path = line<Point>()
    .x((p) => sx(p.x))
    .y((p) => sy(p.y));
  const curves = layer("af-curves", true);
  curves
    .selectAll("path.af-slope")
    .data(state.showSlope ? [samplesOf(state.fn).slope] : [])
    .join("path")
    .attr("class", "af-slope")
    .attr("d", (pieces) => pieces.map((piece) => path(piece)).join(""));
  const jumps = state.showSlope && a.corner !== undefined ? [a.corner] : [];
  curves
    .selectAll("circle.af-jump--open")
    .data(jumps)
    .join("circle")
    .attr("class", "af-jump--open")
    .attr("r", 3.5)
    .attr("cx", sx)
    .attr("cy", (c) => sy(a.df(c + 1e-9)));
  curves
    .selectAll("circle.af-jump--closed")
    .data(jumps)
    .join("circle")
    .attr("class", "af-jump--closed")
    .attr("r", 3.5)
    .attr("cx", sx)
    .attr("cy", (c) => sy(a.df(c)));
  curves
    .selectAll("path.af-curve")
    .data([samplesOf(state.fn).curve])
    .join("path")
    .attr("class", "af-curve")
    .attr("d", path);

}
