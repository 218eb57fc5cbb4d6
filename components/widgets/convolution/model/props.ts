import { isFilterId, LAYER2, type FilterId } from "./kernels";

/** What an entry may set from MDX; anything missing or unknown falls back. */
export type Props = {
  /** Which digit to show first, 0–9 (a real handwritten one from the UCI set). */
  digit?: number;
  /** The filter to start with: "vertical", "horizontal", "blur", "sharpen" or "outline". */
  filter?: FilterId;
  /** The layer-2 shape taken apart first: "upright", "flat", "top-left", "top-right", "bottom-left" or "bottom-right". */
  shape?: string;
};

/** The still's state, and the live widget's first (`shape` is an index into LAYER2). */
export type Initial = { digit: number; filter: Exclude<FilterId, "custom">; shape: number };

/** An entry's props as the widget's first state. */
export function normalize({ digit, filter, shape }: Props): Initial {
  return {
    digit: digit !== undefined && Number.isInteger(digit) && digit >= 0 && digit <= 9 ? digit : 3,
    filter: isFilterId(filter) && filter !== "custom" ? filter : "vertical",
    shape: Math.max(0, LAYER2.findIndex((x) => x.id === shape)),
  };
}
