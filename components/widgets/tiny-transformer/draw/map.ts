// The large attention map: its cells and labels (a piece for every row and column: rows look,
// columns are looked at) are painted on one canvas; the causal mask (hatched) and the picked row's
// outline are drawn with D3 in an SVG over it.
import { select } from "d3-selection";
import { paintBox, type CanvasStyle } from "./canvas";
import { maskPath } from "./cells";

/** The map's coordinate box: labels take the top and left, cells the rest. */
export const MAP_BOX = 400;
export const MAP_LABELS = 92;
export const MAP_CELLS = MAP_BOX - MAP_LABELS - 4;

/** Labels are drawn only while a cell is at least this tall (in the box's units); the picked row's always. */
const MIN_LABEL_CELL = 7;
const clip = (text: string) => (text.length > 10 ? `${text.slice(0, 9)}…` : text);

/** One label in the box: a row's sits left of the cells, ending at (x, y); a column's reads upwards from (x, y). */
export type MapLabel = { text: string; i: number; axis: "row" | "col"; x: number; y: number; size: number; picked: boolean };

/** The labels a map of these pieces shows, with `position` the picked (looking) piece. */
export function mapLabels(labels: readonly string[], position: number): MapLabel[] {
  const cell = labels.length > 0 ? MAP_CELLS / labels.length : 0;
  const font = Math.min(13, cell * 0.72);
  const out: MapLabel[] = [];
  labels.forEach((piece, i) => {
    if (cell < MIN_LABEL_CELL && i !== position) return;
    const picked = i === position;
    const text = clip(piece);
    const size = picked ? Math.max(font, 9) : font;
    const middle = MAP_LABELS + (i + 0.5) * cell;
    out.push({ text, i, axis: "row", x: MAP_LABELS - 4, y: middle, size, picked });
    out.push({ text, i, axis: "col", x: middle, y: MAP_LABELS - 4, size, picked });
  });
  return out;
}

/**
 * Paints the map onto `canvas` (stretched over the map's box): `cells`, a T×T canvas of the weights
 * (cells.ts), scaled up without smoothing, and the labels. Returns how many rows it labelled.
 */
export function paintMap(canvas: HTMLCanvasElement, cells: HTMLCanvasElement, labels: readonly MapLabel[], style: CanvasStyle): number {
  paintBox(canvas, MAP_BOX, MAP_BOX, (context) => paintMapBox(context, cells, labels, style));
  return labels.filter((l) => l.axis === "row").length;
}

function paintMapBox(context: CanvasRenderingContext2D, cells: HTMLCanvasElement, labels: readonly MapLabel[], style: CanvasStyle) {
  context.imageSmoothingEnabled = false;
  context.drawImage(cells, MAP_LABELS, MAP_LABELS, MAP_CELLS, MAP_CELLS);
  context.textBaseline = "middle";
  // Setting a canvas's font parses it as CSS: about as slow as drawing the text, so only on change.
  let font = "";
  for (const label of labels) {
    const wanted = `${label.picked ? "700 " : ""}${label.size}px ${style.mono}`;
    if (wanted !== font) {
      context.font = font = wanted;
      context.fillStyle = label.picked ? style.accent : style.ink;
    }
    if (label.axis === "row") {
      context.textAlign = "end";
      context.fillText(label.text, label.x, label.y);
    } else {
      context.save();
      context.translate(label.x, label.y);
      context.rotate(-Math.PI / 2);
      context.textAlign = "start";
      context.fillText(label.text, 0, 0);
      context.restore();
    }
  }
}

/** The mask over the hidden cells and the picked row's outline, drawn with D3 into the overlay SVG. */
export function drawMapOverlay(svg: SVGSVGElement, args: { size: number; position: number; patternId: string }) {
  const { size, position, patternId } = args;
  const cell = size > 0 ? MAP_CELLS / size : 0;
  const root = select(svg);
  root
    .selectAll<SVGPathElement, string>("path.tt-map__mask")
    .data([maskPath(size, MAP_LABELS, MAP_LABELS, cell)])
    .join("path")
    .attr("class", "tt-map__mask")
    .attr("fill", `url(#${patternId})`)
    .attr("d", (d) => d);
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

/** Which row a point in the box falls on, or null outside the cells. */
export function rowAt(x: number, y: number, size: number): number | null {
  if (size === 0 || x < MAP_LABELS || y < MAP_LABELS || x > MAP_LABELS + MAP_CELLS || y > MAP_LABELS + MAP_CELLS) return null;
  return Math.min(size - 1, Math.floor(((y - MAP_LABELS) / MAP_CELLS) * size));
}
