import { select, type Selection } from "d3-selection";
import { linkHorizontal } from "d3-shape";
import { scaleLinear } from "d3-scale";
import type { NetworkWeights } from "../../shared/dense-network/network";
import { paintHeatmap } from "../../shared/heatmap";
import type { NetworkLayout, NodePlace } from "./layout";
import { signedColour, type ColourTable, type Theme } from "../../shared/palette";

type Link = { from: NodePlace; to: NodePlace; layer: number; key: string };

const link = linkHorizontal<Link, [number, number]>()
  .source((d) => [d.from.x + d.from.size / 2, d.from.y])
  .target((d) => [d.to.x - d.to.size / 2, d.to.y]);

const nodeKey = (n: NodePlace) => `${n.layer}:${n.index}`;

/**
 * Builds (or rebuilds) the network drawing: one focusable node per neuron holding a canvas for
 * its heatmap, and one SVG path per weight. Called when the architecture or the size changes.
 */
export function renderNetwork(
  root: HTMLElement,
  layout: NetworkLayout,
  grid: number,
  describe: (node: NodePlace) => string,
): void {
  const container = select(root);
  const svg = container
    .selectAll<SVGSVGElement, null>("svg.lv-links")
    .data([null])
    .join((enter) => enter.append("svg").attr("class", "lv-links").attr("aria-hidden", "true"))
    .attr("width", layout.width)
    .attr("height", layout.height)
    .attr("viewBox", `0 0 ${layout.width} ${layout.height}`);

  const links: Link[] = [];
  for (let l = 0; l + 1 < layout.nodes.length; l++) {
    for (const from of layout.nodes[l]) for (const to of layout.nodes[l + 1]) links.push({ from, to, layer: l, key: `${nodeKey(from)}-${nodeKey(to)}` });
  }
  svg
    .selectAll<SVGPathElement, Link>("path")
    .data(links, (d) => d.key)
    .join("path")
    .attr("d", (d) => link(d));

  container
    .selectAll<HTMLButtonElement, NodePlace>("button.lv-node")
    .data(layout.nodes.flat(), nodeKey)
    .join((enter) => {
      const button = enter.append("button").attr("type", "button").attr("class", "lv-node");
      button.append("canvas").attr("width", grid).attr("height", grid).attr("aria-hidden", "true");
      button.append("span").attr("class", "lv-node__value").attr("aria-hidden", "true");
      return button;
    })
    .classed("lv-node--output", (d) => d.layer === layout.nodes.length - 1)
    .attr("aria-label", describe)
    .style("left", (d) => `${d.x - d.size / 2}px`)
    .style("top", (d) => `${d.y - d.size / 2}px`)
    .style("width", (d) => `${d.size}px`)
    .style("height", (d) => `${d.size}px`);
}

const widthScale = scaleLinear().domain([0, 3]).range([0.3, 3.5]).clamp(true);

/** Colours every weight by sign and sizes it by magnitude. */
export function updateLinks(root: HTMLElement, weights: NetworkWeights, theme: Theme): void {
  const colour = signedColour(theme);
  select(root)
    .selectAll<SVGPathElement, Link>("svg.lv-links path")
    .each(function (d) {
      const w = weights.kernels[d.layer]?.[d.from.index * weights.biases[d.layer].length + d.to.index] ?? 0;
      this.style.stroke = colour(Math.sign(w) * Math.min(1, 0.35 + Math.abs(w) / 2));
      this.style.strokeWidth = String(widthScale(Math.abs(w)));
    });
}

const images = new WeakMap<HTMLCanvasElement, { context: CanvasRenderingContext2D; image: ImageData }>();

/** Paints every neuron's heatmap from one snapshot of all layers' outputs over the grid. */
export function updateHeatmaps(
  root: HTMLElement,
  layers: Float32Array[],
  layerSizes: number[],
  colours: ColourTable,
  toSigned: (layer: number, column: number) => (v: number) => number,
): void {
  select(root)
    .selectAll<HTMLButtonElement, NodePlace>("button.lv-node")
    .each(function (d) {
      const canvas = this.querySelector("canvas")!;
      let cached = images.get(canvas);
      if (!cached) {
        const context = canvas.getContext("2d")!;
        cached = { context, image: context.createImageData(canvas.width, canvas.height) };
        images.set(canvas, cached);
      }
      const values = layers[d.layer];
      if (values) paintHeatmap(cached.context, cached.image, values, layerSizes[d.layer], d.index, colours, toSigned(d.layer, d.index));
    });
}

/** Writes each neuron's value for one traced input beside it, or clears them. */
export function showTrace(root: HTMLElement, values: number[][] | null): void {
  select(root)
    .selectAll<HTMLButtonElement, NodePlace>("button.lv-node")
    .select<HTMLSpanElement>(".lv-node__value")
    .text((d) => (values ? formatValue(values[d.layer]?.[d.index]) : ""));
  select(root).classed("lv-net--tracing", values !== null);
}

export function formatValue(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return "";
  return Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(2);
}

export type NodeSelection = Selection<HTMLButtonElement, NodePlace, HTMLElement, unknown>;
