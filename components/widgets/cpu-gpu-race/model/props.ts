import { MAX_SIZES } from "./flops";

/** The question above the race: which chip wins, or how fast a model could answer. */
export type Question = "gpu" | "inference";

/** What an entry may set from MDX; anything missing or unknown falls back. */
export type Props = {
  /** The question above the race: "gpu" (which chip wins) or "inference" (how fast a model could answer). */
  question?: Question;
  /** The largest matrix size to race: 256, 512 or 1024. */
  maxSize?: number;
};

/** The still's state, and the live widget's first. */
export type Initial = { question: Question; maxSize: number };

/** An entry's props as the widget's first state. */
export function normalize({ question, maxSize }: Props): Initial {
  return {
    question: question === "inference" ? "inference" : "gpu",
    maxSize: maxSize !== undefined && (MAX_SIZES as readonly number[]).includes(maxSize) ? maxSize : 1024,
  };
}
