import { DIGIT_PIXELS } from "../../shared/digits";

/** The widget's pictures are SIZE × SIZE pixels, ink 0..1, row-major. */
export const SIZE = 24;
/** The UCI digits are 8 × 8; each cell becomes 2.5 × 2.5 pixels, a 20 × 20 digit with a 2-pixel margin. */
const CELLS = 8;
const SCALE = 2.5;
const MARGIN = (SIZE - CELLS * SCALE) / 2;

export type Image = Float32Array;

export const blankImage = (): Image => new Float32Array(SIZE * SIZE);

/**
 * An 8 × 8 digit (cells 0..1) as a smooth SIZE × SIZE picture: bilinear between the cell centres,
 * then a gentle contrast curve so strokes read as ink rather than fog.
 */
export function upsampleDigit(cells: ArrayLike<number>): Image {
  if (cells.length !== DIGIT_PIXELS) throw new Error(`A digit has ${DIGIT_PIXELS} cells, not ${cells.length}`);
  const out = blankImage();
  // Outside the 8 × 8 grid there is no ink.
  const cell = (x: number, y: number) => (x < 0 || y < 0 || x >= CELLS || y >= CELLS ? 0 : cells[y * CELLS + x]);
  for (let py = 0; py < SIZE; py++) {
    const fy = (py - MARGIN + 0.5) / SCALE - 0.5;
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    for (let px = 0; px < SIZE; px++) {
      const fx = (px - MARGIN + 0.5) / SCALE - 0.5;
      const x0 = Math.floor(fx);
      const tx = fx - x0;
      const top = cell(x0, y0) * (1 - tx) + cell(x0 + 1, y0) * tx;
      const bottom = cell(x0, y0 + 1) * (1 - tx) + cell(x0 + 1, y0 + 1) * tx;
      out[py * SIZE + px] = contrast(top * (1 - ty) + bottom * ty);
    }
  }
  return out;
}

const LOW = 0.25;
const HIGH = 0.7;
/** 0 stays 0 and 1 stays 1; faint smudges fade, half-inked pixels darken. */
function contrast(v: number): number {
  const t = Math.max(0, Math.min(1, (v - LOW) / (HIGH - LOW)));
  return Math.round(t * t * (3 - 2 * t) * 1000) / 1000;
}

export const BRUSH_RADIUS = 1.4;

/**
 * Inks a round, soft-edged dot centred at (x, y) in pixel units (0..SIZE), keeping the darker of
 * the old and new ink. Returns whether any pixel changed.
 */
export function stamp(image: Image, x: number, y: number, radius = BRUSH_RADIUS): boolean {
  let changed = false;
  for (let py = Math.floor(y - radius - 1); py <= Math.ceil(y + radius); py++) {
    for (let px = Math.floor(x - radius - 1); px <= Math.ceil(x + radius); px++) {
      if (px < 0 || py < 0 || px >= SIZE || py >= SIZE) continue;
      const d = Math.hypot(px + 0.5 - x, py + 0.5 - y);
      const ink = Math.fround(Math.max(0, Math.min(1, radius + 0.5 - d)));
      const i = py * SIZE + px;
      if (ink > image[i]) {
        image[i] = ink;
        changed = true;
      }
    }
  }
  return changed;
}

/** Inks a straight stroke from one point to the next, dot by dot, so fast moves leave no gaps. */
export function strokeLine(image: Image, from: [number, number], to: [number, number], radius = BRUSH_RADIUS): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(to[0] - from[0], to[1] - from[1]) * 2));
  let changed = false;
  for (let s = 0; s <= steps; s++) changed = stamp(image, from[0] + ((to[0] - from[0]) * s) / steps, from[1] + ((to[1] - from[1]) * s) / steps, radius) || changed;
  return changed;
}
