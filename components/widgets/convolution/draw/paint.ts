import { select } from "d3-selection";
import { colourIndex, type ColourTable, type Theme } from "../../shared/palette";

/** Ink on paper for the picture: the page's own ink and paper colours, per theme. */
const INK = { light: [29, 27, 24], dark: [236, 231, 223] } as const;
const PAPER = { light: [250, 247, 242], dark: [23, 24, 27] } as const;

/** Sizes a canvas to its map (one canvas pixel per map pixel; CSS scales it up, pixelated). */
function canvasFor(canvas: HTMLCanvasElement, size: number): CanvasRenderingContext2D | null {
  const c = select(canvas);
  if (canvas.width !== size) c.attr("width", size).attr("height", size);
  return canvas.getContext("2d");
}

/** The picture, 0..1 ink, as ink on paper. */
export function paintInk(canvas: HTMLCanvasElement, values: ArrayLike<number>, size: number, theme: Theme): void {
  const context = canvasFor(canvas, size);
  if (!context) return;
  const image = context.createImageData(size, size);
  const ink = INK[theme];
  const paper = PAPER[theme];
  for (let i = 0; i < size * size; i++) {
    const t = Math.max(0, Math.min(1, values[i]));
    for (let k = 0; k < 3; k++) image.data[i * 4 + k] = paper[k] + (ink[k] - paper[k]) * t;
    image.data[i * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/** A map on the diverging scale: `scale` maps to full purple, −scale to full orange, 0 to paper. */
export function paintSigned(canvas: HTMLCanvasElement, values: ArrayLike<number>, size: number, colours: ColourTable, scale: number): void {
  const context = canvasFor(canvas, size);
  if (!context) return;
  const image = context.createImageData(size, size);
  const s = scale > 1e-6 ? scale : 1;
  for (let i = 0; i < size * size; i++) {
    const c = colourIndex(values[i] / s) * 4;
    image.data.set(colours.subarray(c, c + 4), i * 4);
  }
  context.putImageData(image, 0, 0);
}

/** Largest absolute value: the scale a group of maps shares, so equal colours mean equal numbers. */
export function peakOf(maps: ArrayLike<number>[]): number {
  let peak = 0;
  for (const m of maps) for (let i = 0; i < m.length; i++) peak = Math.max(peak, Math.abs(m[i]));
  return peak;
}

/**
 * The overlay on the picture and the filtered map: the 3 × 3 window (or the one output pixel) at
 * (row, column), and on the pad the brush cursor for keyboard drawing. Coordinates are map pixels.
 */
export function drawWindow(svg: SVGSVGElement, size: number, row: number, column: number, span: number, cursor: [number, number] | null): void {
  const root = select(svg).attr("viewBox", `0 0 ${size} ${size}`);
  const half = (span - 1) / 2;
  root
    .selectAll<SVGRectElement, number>("rect.cv-window")
    .data([0])
    .join("rect")
    .attr("class", "cv-window")
    .attr("x", column - half)
    .attr("y", row - half)
    .attr("width", span)
    .attr("height", span);
  root
    .selectAll<SVGCircleElement, [number, number]>("circle.cv-cursor")
    .data(cursor ? [cursor] : [])
    .join("circle")
    .attr("class", "cv-cursor")
    .attr("cx", (d) => d[0])
    .attr("cy", (d) => d[1])
    .attr("r", 1.6);
}
