import { X_MAX, X_MIN } from "../model/data";

/** Both pictures share one box (viewBox units), so side by side they line up, and on phones they stack. */
export const BOX = { width: 400, height: 250 } as const;

/** The fit: x across the data range, y over a fixed band that holds the points and the wiggles. */
export const FIT = { top: 6, right: 6, bottom: 6, left: 6, yMin: -1.5, yMax: 1.6 } as const;
export function fitX(x: number): number {
  return FIT.left + ((x - X_MIN) / (X_MAX - X_MIN)) * (BOX.width - FIT.left - FIT.right);
}
export function fitY(y: number): number {
  const clamped = Math.max(FIT.yMin - 0.2, Math.min(FIT.yMax + 0.2, y));
  return FIT.top + ((FIT.yMax - clamped) / (FIT.yMax - FIT.yMin)) * (BOX.height - FIT.top - FIT.bottom);
}

/** A polyline path through (xs[i], ys[i]) in the fit's coordinates. */
export function fitPath(xs: ArrayLike<number>, ys: ArrayLike<number>): string {
  let d = "";
  for (let i = 0; i < xs.length; i++) d += `${i ? "L" : "M"}${fitX(xs[i]).toFixed(1)},${fitY(ys[i]).toFixed(1)}`;
  return d;
}

/** The loss plot: log scale, one decade per gridline, from 0.0001 up to 2. */
export const LOSS = { top: 8, right: 10, bottom: 24, left: 68, min: 1e-4, max: 2 } as const;
export const LOSS_TICKS = [1, 0.1, 0.01, 0.001, 0.0001];

/** The epoch axis grows in steps, so the lines do not crawl sideways every frame. */
export function epochSpan(epoch: number): number {
  for (const span of [250, 500, 1000, 2000, 3000]) if (epoch <= span) return span;
  return Math.ceil(epoch / 1000) * 1000;
}

export function formatTick(value: number): string {
  return value >= 1 ? String(value) : value.toFixed(Math.round(-Math.log10(value)));
}
