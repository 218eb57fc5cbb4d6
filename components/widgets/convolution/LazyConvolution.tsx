"use client";
// What an entry page with this widget loads up front: a server-rendered still that holds the
// widget's exact place, and an observer that fetches the live widget (D3, then TF.js and the
// digits) once the reader scrolls near it.
import { LazyMount } from "../shared/LazyMount";
import { Frame } from "./Frame";
import { isFilterId, LAYER2, PRESETS, type FilterId } from "./model/kernels";

export type Props = {
  /** Which digit to show first, 0–9 (a real handwritten one from the UCI set). */
  digit?: number;
  /** The filter to start with: "vertical", "horizontal", "blur", "sharpen" or "outline". */
  filter?: FilterId;
  /** The layer-2 shape taken apart first: "upright", "flat", "top-left", "top-right", "bottom-left" or "bottom-right". */
  shape?: string;
};

export type Initial = { digit: number; filter: Exclude<FilterId, "custom">; shape: number };

const noop = () => {};
const loadLive = () => import("./LiveConvolution");

export function initialOf({ digit, filter, shape }: Props): Initial {
  const d = Number.isInteger(digit) && digit! >= 0 && digit! <= 9 ? digit! : 3;
  const f = isFilterId(filter) && filter !== "custom" ? filter : "vertical";
  const s = Math.max(0, LAYER2.findIndex((x) => x.id === shape));
  return { digit: d, filter: f, shape: s };
}

export default function LazyConvolution(props: Props) {
  const initial = initialOf(props);
  const still = (
    <Frame
      live={false}
      ready={false}
      badge="not loaded yet"
      source={`a handwritten ${initial.digit}`}
      filter={initial.filter}
      kernel={PRESETS[initial.filter].kernel}
      shape={initial.shape}
      readout="The window's sum appears here."
      summary="The live widget loads when you scroll to it. It needs JavaScript."
      onPrevious={noop}
      onNext={noop}
      onClear={noop}
      onFilter={noop}
      onKernel={noop}
      onShape={noop}
    />
  );
  return <LazyMount name="convolution" still={still} load={loadLive} props={{ initial }} />;
}
