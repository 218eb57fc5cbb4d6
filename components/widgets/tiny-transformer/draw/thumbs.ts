// Every head's small map, painted on one canvas laid over the row of head buttons. Eight canvases
// cost the compositor eight texture uploads per answer (hiding them raised generation from ~28 to
// ~36 pieces a second); one canvas costs one. Each button keeps an empty square where its map goes,
// and the canvas paints into the squares as measured.
import type { ColourTable, Theme } from "../../shared/palette";
import { canvasSize, paintBox } from "./canvas";
import { paintAttention } from "./cells";

/** Where one head's map sits, in CSS pixels from the canvas's top left corner. */
export type Square = { x: number; y: number; side: number };

/** The squares of the buttons under `canvas`, in order. Call when layout is fresh (a ResizeObserver callback). */
export function measureSquares(canvas: HTMLCanvasElement): Square[] {
  const origin = canvas.getBoundingClientRect();
  return [...(canvas.parentElement?.querySelectorAll<HTMLElement>(".tt-thumb__map") ?? [])].map((square) => {
    const r = square.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, side: r.width };
  });
}

/**
 * Paints map i (T×T weights, heads one after another in `maps`) into square i, scaled up without
 * smoothing from `scratch`, a detached T×T canvas.
 */
export function paintThumbs(canvas: HTMLCanvasElement, args: { maps: Float32Array; size: number; squares: readonly Square[]; colours: ColourTable; theme: Theme; scratch: HTMLCanvasElement }): void {
  const { maps, size, squares, colours, theme, scratch } = args;
  // The squares are in CSS pixels, so the box is the canvas's CSS size (none while the row is hidden, on a phone).
  const { width, height } = canvasSize(canvas);
  if (size === 0 || width === 0 || height === 0) return;
  const cells = size * size;
  paintBox(canvas, width, height, (context) => {
    context.imageSmoothingEnabled = false;
    squares.forEach((square, i) => {
      if ((i + 1) * cells > maps.length) return;
      paintAttention(scratch, maps.subarray(i * cells, (i + 1) * cells), size, colours, theme);
      context.drawImage(scratch, square.x, square.y, square.side, square.side);
    });
  });
}
