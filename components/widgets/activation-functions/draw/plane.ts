import { select } from "d3-selection";
import { paintHeatmap } from "../../shared/heatmap";
import type { ColourTable } from "../../shared/palette";
import { boundarySegment, display, outputGrid, type Neuron } from "../model/neuron";
import { boundaryPixels } from "./geometry";

/** Cells across the heatmap; the canvas is scaled up smoothly by CSS. */
export const GRID = 120;

/** The neuron's output over the plane, coloured orange (negative) through paper to purple. */
export function paintNeuron(canvas: HTMLCanvasElement, neuron: Neuron, colours: ColourTable): void {
  const context = canvas.getContext("2d");
  if (!context) return;
  const values = outputGrid(neuron, GRID);
  const toSigned = display(neuron.fn).toSigned;
  paintHeatmap(context, context.createImageData(GRID, GRID), values, 1, 0, colours, toSigned);
}

/**
 * Over the heatmap: the axes, the line where the weighted sum is zero (dashed), and an arrow from
 * its middle along (w1, w2), the direction in which the sum, and so the output, grows.
 */
export function drawNeuronLines(svg: SVGSVGElement, size: number, neuron: Neuron): void {
  const root = select(svg).attr("viewBox", `0 0 ${size} ${size}`);
  const mid = size / 2;
  root
    .selectAll("line.af-plane-axis")
    .data([
      [0, mid, size, mid],
      [mid, 0, mid, size],
    ])
    .join("line")
    .attr("class", "af-plane-axis")
    .attr("x1", (d) => d[0])
    .attr("y1", (d) => d[1])
    .attr("x2", (d) => d[2])
    .attr("y2", (d) => d[3]);

  const pixels = boundaryPixels(boundarySegment(neuron.w1, neuron.w2, neuron.b), neuron.w1, neuron.w2, size);
  root
    .selectAll("line.af-boundary")
    .data(pixels ? [pixels.ends] : [])
    .join("line")
    .attr("class", "af-boundary")
    .attr("x1", (d) => d[0].x)
    .attr("y1", (d) => d[0].y)
    .attr("x2", (d) => d[1].x)
    .attr("y2", (d) => d[1].y);
  root
    .selectAll("path.af-arrow")
    .data(pixels?.arrow ? [pixels.arrow] : [])
    .join("path")
    .attr("class", "af-arrow")
    .attr("d", (d) => d);

  // Axis names on small paper tags, readable over any colour, above the lines.
  root
    .selectAll<SVGGElement, { text: string; x: number; y: number }>("g.af-plane-name")
    .data([
      { text: "x₁", x: size - 16, y: mid - 12 },
      { text: "x₂", x: mid + 14, y: 12 },
    ])
    .join((enter) => {
      const g = enter.append("g").attr("class", "af-plane-name");
      g.append("rect").attr("x", -10).attr("y", -9).attr("width", 20).attr("height", 18).attr("rx", 3);
      g.append("text").attr("text-anchor", "middle").attr("dy", "0.35em");
      return g;
    })
    .attr("transform", (d) => `translate(${d.x},${d.y})`)
    .raise()
    .select("text")
    .text((d) => d.text);
}
