// The cells of an attention map as pixels: one pixel per (looking piece, looked-at piece), painted
// into a T×T canvas that CSS scales up without smoothing. Weights run from the paper colour (0) to
// purple (1); cells the causal mask hides take the rule colour, so the mask reads as a grey triangle.
import { colourIndex, type ColourTable, type Theme } from "../../shared/palette";

/** The hidden (masked) cells' colour in each theme: the page's --rule. */
export const MASKED_RGB: Record<Theme, [number, number, number]> = { light: [217, 210, 198], dark: [58, 59, 64] };

/** RGBA pixels of a T×T map, row-major: row i is where piece i looks. */
export function attentionPixels(map: ArrayLike<number>, size: number, colours: ColourTable, masked: readonly [number, number, number], out = new Uint8ClampedArray(size * size * 4)): Uint8ClampedArray {
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const p = (i * size + j) * 4;
      if (j > i) {
        out[p] = masked[0];
        out[p + 1] = masked[1];
        out[p + 2] = masked[2];
      } else {
        const c = colourIndex(map[i * size + j]) * 4;
        out[p] = colours[c];
        out[p + 1] = colours[c + 1];
        out[p + 2] = colours[c + 2];
      }
      out[p + 3] = 255;
    }
  }
  return out;
}

/** Paints a map into `canvas`, resizing it to T×T pixels when T changed. */
export function paintAttention(canvas: HTMLCanvasElement, map: ArrayLike<number>, size: number, colours: ColourTable, theme: Theme): void {
  if (canvas.width !== size || canvas.height !== size) {
    canvas.width = size;
    canvas.height = size;
  }
  const context = canvas.getContext("2d");
  if (!context || size === 0) return;
  const image = context.createImageData(size, size);
  attentionPixels(map, size, colours, MASKED_RGB[theme], image.data);
  context.putImageData(image, 0, 0);
}

/** The outline of the masked cells (j > i) as an SVG path over a map of `size` cells of side `cell` from (x0, y0). */
export function maskPath(size: number, x0: number, y0: number, cell: number): string {
  if (size < 2) return "";
  const x1 = x0 + size * cell;
  let d = `M${x0 + cell},${y0}H${x1}V${y0 + (size - 1) * cell}`;
  for (let k = size - 1; k >= 1; k--) d += `H${x0 + k * cell}V${y0 + (k - 1) * cell}`;
  return `${d}Z`;
}
