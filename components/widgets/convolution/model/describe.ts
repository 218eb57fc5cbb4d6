import { LAYER2, PRESETS, type FilterId } from "./kernels";

export type Source = { kind: "digit"; label: number; sample: number; count: number } | { kind: "drawing"; empty: boolean };

export const fmt = (v: number) => (Math.abs(v) < 0.005 ? "0.00" : v.toFixed(2)).replace("-", "−");

export function describeSource(source: Source): string {
  if (source.kind === "drawing") return source.empty ? "An empty pad" : "Your drawing";
  return `A handwritten ${source.label} (sample ${(source.sample + 1).toLocaleString("en-GB")} of ${source.count.toLocaleString("en-GB")})`;
}

export const filterLabel = (id: FilterId) => (id === "custom" ? "Your filter" : PRESETS[id].label);

/** Largest and smallest values of a map. */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  return values.length ? [lo, hi] : [0, 0];
}

/**
 * The one-line account read out as the picture or the filter changes: what goes in, the reader's
 * filter's range, and which layer-2 shape answers most strongly.
 */
export function summarize(source: Source, filter: FilterId, filtered: ArrayLike<number>, shapes: ArrayLike<number>[]): string {
  const [lo, hi] = extent(filtered);
  const peaks = shapes.map((m) => extent(m)[1]);
  const best = peaks.indexOf(Math.max(...peaks));
  const layer2 = peaks[best] > 0 ? `layer 2 answers most to ${LAYER2[best].label.toLowerCase()} (${fmt(peaks[best])})` : "layer 2 finds no shape";
  return `${describeSource(source)} · ${filterLabel(filter)}: from ${fmt(lo)} to ${fmt(hi)} · ${layer2}`;
}
