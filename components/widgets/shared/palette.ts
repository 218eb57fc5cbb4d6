import { interpolateRgb, piecewise } from "d3-interpolate";
import { scaleLinear } from "d3-scale";

/**
 * A diverging orange–purple scale (the ends of ColorBrewer's PuOr, safe for the common kinds of
 * colour blindness). Negative values are orange, positive purple; the middle is the page's own
 * paper colour, so the picture reads the same on the light and the dark theme.
 */
export const NEGATIVE = "#e08214";
export const POSITIVE = "#8073ac";
const PAPER = { light: "#faf7f2", dark: "#17181b" } as const;

export type Theme = keyof typeof PAPER;

export function currentTheme(): Theme {
  return typeof matchMedia !== "undefined" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export type ColourTable = Uint8ClampedArray;
const STEPS = 256;

/** 256 RGBA entries from -1 (orange) through paper to +1 (purple), for fast heatmap painting. */
export function colourTable(theme: Theme): ColourTable {
  const interpolate: (t: number) => string = piecewise(interpolateRgb, [NEGATIVE, PAPER[theme], POSITIVE]);
  const table = new Uint8ClampedArray(STEPS * 4);
  for (let i = 0; i < STEPS; i++) {
    const rgb = interpolate(i / (STEPS - 1)).match(/\d+/g)!.map(Number);
    table.set([rgb[0], rgb[1], rgb[2], 255], i * 4);
  }
  return table;
}

/** Index into a colour table for a value in [-1, 1] (values outside are clamped). */
export function colourIndex(value: number): number {
  const t = Math.max(-1, Math.min(1, value));
  return Math.round(((t + 1) / 2) * (STEPS - 1));
}

/** The same scale as a CSS colour, for SVG strokes and fills. */
export function signedColour(theme: Theme) {
  return scaleLinear<string>().domain([-1, 0, 1]).range([NEGATIVE, PAPER[theme], POSITIVE]).clamp(true);
}
