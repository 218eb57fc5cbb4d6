import { select } from "d3-selection";
import type { Point } from "../model/datasets";
import { paintHeatmap } from "../../shared/heatmap";
import { NEGATIVE, POSITIVE, type ColourTable } from "../../shared/palette";

/** Plane coordinates ([-1, 1], y up) to pixels in a square of `size`, and back. */
export const toPixel = (v: number, size: number) => ((v + 1) / 2) * size;
export const fromPixel = (p: number, size: number) => (p / size) * 2 - 1;

/**
 * The output's decision boundary: the last layer's heatmap, large, under the data points.
 * Training points are filled, test points are hollow; the two classes differ in colour and shape
 * (circles for one class, diamonds for the other) so colour is never the only cue.
 */
export function renderPoints(svg: SVGSVGElement, size: number, points: { train: Point[]; test: Point[] }, showTest: boolean): void {
  const all = [...points.train.map((p) => ({ ...p, test: false })), ...(showTest ? points.test.map((p) => ({ ...p, test: true })) : [])];
  select(svg)
    .attr("viewBox", `0 0 ${size} ${size}`)
    .selectAll<SVGPathElement, (typeof all)[number]>("path.lv-point")
    .data(all)
    .join("path")
    .attr("class", "lv-point")
    .attr("d", (p) => {
      const x = toPixel(p.x, size);
      const y = toPixel(-p.y, size);
      const r = 3.2;
      return p.label === 1
        ? `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`
        : `M${x},${y - r - 0.6}L${x + r + 0.6},${y}L${x},${y + r + 0.6}L${x - r - 0.6},${y}Z`;
    })
    .attr("fill", (p) => (p.test ? "none" : p.label === 1 ? POSITIVE : NEGATIVE))
    .attr("stroke", (p) => (p.test ? (p.label === 1 ? POSITIVE : NEGATIVE) : "var(--lv-point-edge)"))
    .attr("stroke-width", (p) => (p.test ? 1.6 : 1));
}

/** Paints the output neuron (tanh, −1 orange to +1 purple) over the plane. */
export function paintPlane(canvas: HTMLCanvasElement, output: Float32Array, colours: ColourTable): void {
  const context = canvas.getContext("2d")!;
  const image = context.createImageData(canvas.width, canvas.height);
  paintHeatmap(context, image, output, 1, 0, colours, (v) => v);
}

export function showTraceMarker(svg: SVGSVGElement, size: number, at: { x: number; y: number } | null): void {
  select(svg)
    .selectAll("circle.lv-trace")
    .data(at ? [at] : [])
    .join("circle")
    .attr("class", "lv-trace")
    .attr("r", 7)
    .attr("cx", (d) => toPixel(d.x, size))
    .attr("cy", (d) => toPixel(-d.y, size));
}
