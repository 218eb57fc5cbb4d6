// The large attention map's overlay, drawn with D3 over the canvas of cells: a label for every
// piece (rows look, columns are looked at), the causal mask hatched, and the picked row outlined.
import { select } from "d3-selection";
import { maskPath } from "./cells";

/** The overlay's coordinate box: labels take the top and left, cells the rest. */
export const MAP_BOX = 400;
export const MAP_LABELS = 92;
export const MAP_CELLS = MAP_BOX - MAP_LABELS - 4;

/** Labels are drawn only while a cell is at least this tall (in the box's units); the picked row's always. */
const MIN_LABEL_CELL = 7;
const clip = (text: string) => (text.length > 10 ? `${text.slice(0, 9)}…` : text);

export function drawMapOverlay(svg: SVGSVGElement, args: { labels: string[]; position: number; patternId: string }) {
  const { labels, position, patternId } = args;
  const size = labels.length;
  const cell = size > 0 ? MAP_CELLS / size : 0;
  const font = Math.min(13, cell * 0.72);
  const root = select(svg);
  const show = (i: number) => cell >= MIN_LABEL_CELL || i === position;
  const rows = labels.map((text, i) => ({ text: clip(text), i })).filter(({ i }) => show(i));
  const cols = labels.map((text, i) => ({ text: clip(text), i })).filter(({ i }) => cell >= MIN_LABEL_CELL || i === position);

  root
    .selectAll<SVGPathElement, string>("path.tt-map__mask")
    .data([maskPath(size, MAP_LABELS, MAP_LABELS, cell)])
    .join("path")
    .attr("class", "tt-map__mask")
    .attr("fill", `url(#${patternId})`)
    .attr("d", (d) => d);

  root
    .selectAll<SVGTextElement, { text: string; i: number }>("text.tt-map__row")
    .data(rows, (d) => String(d.i))
    .join("text")
    .attr("class", (d) => `tt-map__row${d.i === position ? " tt-map__label--picked" : ""}`)
    .attr("x", MAP_LABELS - 4)
    .attr("y", (d) => MAP_LABELS + (d.i + 0.5) * cell)
    .attr("font-size", (d) => (d.i === position ? Math.max(font, 9) : font))
    .text((d) => d.text);

  root
    .selectAll<SVGTextElement, { text: string; i: number }>("text.tt-map__col")
    .data(cols, (d) => String(d.i))
    .join("text")
    .attr("class", (d) => `tt-map__col${d.i === position ? " tt-map__label--picked" : ""}`)
    .attr("transform", (d) => `translate(${MAP_LABELS + (d.i + 0.5) * cell},${MAP_LABELS - 4}) rotate(-90)`)
    .attr("font-size", (d) => (d.i === position ? Math.max(font, 9) : font))
    .text((d) => d.text);

  root
    .selectAll<SVGRectElement, number>("rect.tt-map__picked")
    .data(size > 0 ? [position] : [])
    .join("rect")
    .attr("class", "tt-map__picked")
    .attr("x", MAP_LABELS)
    .attr("y", (d) => MAP_LABELS + d * cell)
    .attr("width", (position + 1) * cell)
    .attr("height", cell);
}

/** Which row a point in the overlay's box falls on, or null outside the cells. */
export function rowAt(x: number, y: number, size: number): number | null {
  if (size === 0 || x < MAP_LABELS || y < MAP_LABELS || x > MAP_LABELS + MAP_CELLS || y > MAP_LABELS + MAP_CELLS) return null;
  return Math.min(size - 1, Math.floor(((y - MAP_LABELS) / MAP_CELLS) * size));
}
