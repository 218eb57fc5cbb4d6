import { isActivationId, type ActivationId } from "./activations";
import { BIAS_LIMITS, WEIGHT_LIMITS } from "./neuron";

/** Everything the reader can change. */
export type WidgetState = {
  fn: ActivationId;
  /** The input read off the plot. */
  x: number;
  showSlope: boolean;
  w1: number;
  w2: number;
  b: number;
};

/** The plot's input range and the step of its slider (and of a pointer drag). */
export const X_LIMITS = { min: -4, max: 4, step: 0.05 } as const;

/** What an entry may set from MDX; anything missing or out of range falls back or is clamped. */
export type Props = { fn?: string; x?: number; w1?: number; w2?: number; b?: number; slope?: boolean };

/** The still's state, and the live widget's first. */
export type Initial = WidgetState;

export const DEFAULTS: WidgetState = { fn: "relu", x: 1.5, showSlope: true, w1: 1, w2: -0.5, b: 0.5 };

/** Clamps to [min, max] and rounds to the nearest step, without floating-point dust. */
export function snap(value: number, { min, max, step }: { min: number; max: number; step: number }): number {
  if (!Number.isFinite(value)) return min;
  const clamped = Math.min(max, Math.max(min, value));
  const steps = Math.round((clamped - min) / step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Number((min + steps * step).toFixed(decimals));
}

/** An entry's props as the widget's first state. */
export function normalize(props: Props): Initial {
  const num = (v: number | undefined, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
  return {
    fn: isActivationId(props.fn) ? props.fn : DEFAULTS.fn,
    x: snap(num(props.x, DEFAULTS.x), X_LIMITS),
    showSlope: props.slope ?? DEFAULTS.showSlope,
    w1: snap(num(props.w1, DEFAULTS.w1), WEIGHT_LIMITS),
    w2: snap(num(props.w2, DEFAULTS.w2), WEIGHT_LIMITS),
    b: snap(num(props.b, DEFAULTS.b), BIAS_LIMITS),
  };
}
