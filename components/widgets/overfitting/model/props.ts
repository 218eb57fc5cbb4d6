/** The strengths offered: a slider moves between these, so every stop means something. */
export const L2_STOPS = [0, 0.001, 0.003, 0.01, 0.03];
export const DROPOUT_STOPS = [0, 0.1, 0.2, 0.3, 0.4, 0.5];

/** Which control to draw the eye to. */
export type Highlight = "l2" | "dropout" | "none";

/** The seed whose points show the story most plainly (the unit tests use it too). */
export const DEFAULT_SEED = 2;

/** What an entry may set from MDX; anything missing or out of range falls back or is snapped. */
export type Props = {
  /** The L2 penalty to start with (snapped to the nearest offered: 0, 0.001, 0.003, 0.01, 0.03). */
  l2?: number;
  /** The dropout rate to start with (snapped to the nearest of 0 to 0.5 in tenths). */
  dropout?: number;
  /** Which control to draw the eye to: "l2", "dropout" or "none". */
  highlight?: Highlight;
  /** Which noisy points to start with. */
  seed?: number;
};

/** The still's state, and the live widget's first. */
export type Initial = { l2: number; dropout: number; highlight: Highlight; seed: number };

/** The stop nearest to `value` (props from an entry may be any number). */
export function nearestStop(stops: number[], value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return stops[0];
  return stops.reduce((best, stop) => (Math.abs(stop - value) < Math.abs(best - value) ? stop : best), stops[0]);
}

/** An entry's props as the widget's first state. */
export function normalize({ l2, dropout, highlight, seed }: Props): Initial {
  return {
    l2: nearestStop(L2_STOPS, l2),
    dropout: nearestStop(DROPOUT_STOPS, dropout),
    highlight: highlight === "l2" || highlight === "dropout" ? highlight : "none",
    seed: seed !== undefined && Number.isInteger(seed) && seed > 0 ? seed : DEFAULT_SEED,
  };
}
