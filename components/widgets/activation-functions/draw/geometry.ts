// Sizes and coordinate maps shared by the live drawing (D3) and the server-rendered still. No D3
// here, so the still does not bring D3 into the page's first load.
import { EXTENT } from "../model/neuron";
import { X_LIMITS } from "../model/props";

/** Every function is drawn on the same axes, so they can be compared at a glance. */
export const X_DOMAIN = [X_LIMITS.min, X_LIMITS.max] as const;
export const Y_DOMAIN = [-1.25, 3] as const;
export const MARGIN = { top: 12, right: 14, bottom: 26, left: 34 } as const;

/** The plane's picture is a square of this many CSS pixels. */
export const PLANE_SIZE = 240;

/** Plane coordinates ([−EXTENT, EXTENT], x2 up) to pixels in a square of `size`. */
export const toPixel = (v: number, size: number) => ((v + EXTENT) / (2 * EXTENT)) * size;

const ARROW = 34;

/** A shaft and an open head from (x, y) along the unit vector (dx, dy), in pixels. */
export function arrowPath(x: number, y: number, dx: number, dy: number): string {
  const tx = x + dx * ARROW;
  const ty = y + dy * ARROW;
  const head = 8;
  const back = (angle: number) => {
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    return [tx - head * (dx * c - dy * s), ty - head * (dx * s + dy * c)];
  };
  const [ax, ay] = back(0.45);
  const [bx, by] = back(-0.45);
  const r = (v: number) => v.toFixed(1);
  return `M${r(x)},${r(y)}L${r(tx)},${r(ty)}M${r(ax)},${r(ay)}L${r(tx)},${r(ty)}L${r(bx)},${r(by)}`;
}

/** The dashed line and the arrow for a neuron, in pixels of a square of `size`. */
export function boundaryPixels(segment: [{ x1: number; x2: number }, { x1: number; x2: number }] | null, w1: number, w2: number, size: number) {
  if (!segment) return null;
  const ends = segment.map((p) => ({ x: toPixel(p.x1, size), y: toPixel(-p.x2, size) })) as [{ x: number; y: number }, { x: number; y: number }];
  const length = Math.hypot(w1, w2);
  const arrow = length > 0 ? arrowPath((ends[0].x + ends[1].x) / 2, (ends[0].y + ends[1].y) / 2, w1 / length, -w2 / length) : null;
  return { ends, arrow };
}
