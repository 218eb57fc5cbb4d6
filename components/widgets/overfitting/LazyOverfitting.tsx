"use client";
// What an entry page with this widget loads up front: a server-rendered still that holds the
// widget's exact place (with the real points), and an observer that fetches the live widget
// (D3, then TF.js) once the reader scrolls near it.
import { LazyMount } from "../shared/LazyMount";
import { DROPOUT_STOPS, L2_STOPS, nearestStop, type Highlight } from "./controls/Regularizers";
import { Frame } from "./Frame";
import { StillFit, StillLoss } from "./stills";

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

export type Initial = { l2: number; dropout: number; highlight: Highlight; seed: number };

/** The seed whose points show the story most plainly (the unit tests use it too). */
export const DEFAULT_SEED = 2;

const noop = () => {};
const loadLive = () => import("./LiveOverfitting");

export default function LazyOverfitting({ l2, dropout, highlight, seed }: Props) {
  const initial: Initial = {
    l2: nearestStop(L2_STOPS, l2),
    dropout: nearestStop(DROPOUT_STOPS, dropout),
    highlight: highlight === "l2" || highlight === "dropout" ? highlight : "none",
    seed: Number.isInteger(seed) && seed! > 0 ? seed! : DEFAULT_SEED,
  };
  const still = (
    <Frame
      live={false}
      playing={false}
      epoch={0}
      backend="TF.js · —"
      summary="The live network loads when you scroll to it. It needs JavaScript."
      l2={initial.l2}
      dropout={initial.dropout}
      highlight={initial.highlight}
      fit={<StillFit seed={initial.seed} />}
      loss={<StillLoss />}
      onPlay={noop}
      onPause={noop}
      onStep={noop}
      onReset={noop}
      onNewNoise={noop}
      onL2={noop}
      onDropout={noop}
    />
  );
  return <LazyMount name="overfitting" still={still} load={loadLive} props={{ initial }} />;
}
