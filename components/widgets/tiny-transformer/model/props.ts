// What an entry may set from MDX, and the widget's first state. Anything missing or out of range
// falls back, so a typo in an entry never breaks the page.

/** The shipped model's shape (public/widgets/tiny-transformer/manifest.json; props.test.ts checks it). */
export const LAYERS = 2;
export const HEADS = 4;
/** The longest prompt the box takes. The model reads the last 64 pieces of it. */
export const MAX_PROMPT_CHARACTERS = 280;
/** A sentence where one head of the second layer sends "it" back to the noun it stands for. */
export const DEFAULT_PROMPT = "a neural network learns from data, so it";
export const MAX_TEMPERATURE = 2;
export const MAX_TOP_K = 40;

export type Props = {
  /** The text the box starts with. */
  prompt?: string;
  /** The head shown large, counted from 1 as the widget labels them. */
  layer?: number;
  head?: number;
  /** Temperature for the next-piece bars and Generate: 0 (always the likeliest) to 2. */
  temperature?: number;
  /** Keep only the k likeliest pieces (0 keeps all): 0 to 40. */
  topK?: number;
};

/** Layers and heads counted from 0 here; the widget shows them from 1. */
export type Initial = { prompt: string; layer: number; head: number; temperature: number; topK: number };

const whole = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : fallback;

/** Rounds to the slider's step of 0.05 and clamps into [0, MAX_TEMPERATURE]. */
export function clampTemperature(value: number): number {
  return Math.min(MAX_TEMPERATURE, Math.max(0, Math.round(value * 20) / 20));
}

/** An entry's props as the widget's first state. */
export function normalize({ prompt, layer, head, temperature, topK }: Props): Initial {
  const text = typeof prompt === "string" ? prompt.trim().slice(0, MAX_PROMPT_CHARACTERS) : "";
  return {
    prompt: text.length > 0 ? text : DEFAULT_PROMPT,
    layer: whole(layer, 1, LAYERS, LAYERS) - 1,
    head: whole(head, 1, HEADS, 1) - 1,
    temperature: typeof temperature === "number" && Number.isFinite(temperature) ? clampTemperature(temperature) : 0.8,
    topK: whole(topK, 0, MAX_TOP_K, 0),
  };
}
