"use client";
// What an entry page with this widget loads up front: a server-rendered still that holds the
// widget's exact place, and an observer that fetches the live widget (D3, d3-contour, and then
// TF.js) once the reader scrolls near it.
import { LazyMount } from "../shared/LazyMount";
import { Frame } from "./Frame";
import { isSurfaceId, nearestRate, type SurfaceId } from "./model/surfaces";
import { StillMap, StillPlot } from "./StillMap";

export type Props = {
  /** Which landscape to start on: "bowl", "ravine", "saddle" or "minima". */
  surface?: SurfaceId;
  /** The learning rate to start with (snapped to the nearest one offered). */
  rate?: number;
};

export type Initial = { surface: SurfaceId; rate: number };

const noop = () => {};
const loadLive = () => import("./LiveGradientDescent");

export default function LazyGradientDescent({ surface, rate }: Props) {
  const initial: Initial = { surface: isSurfaceId(surface) ? surface : "bowl", rate: nearestRate(rate) };
  const still = (
    <Frame
      surfaceId={initial.surface}
      rate={initial.rate}
      live={false}
      playing={false}
      step={0}
      backend="not loaded yet"
      summary="The live map loads when you scroll to it. It needs JavaScript."
      readouts={{ sgd: "—", momentum: "—", adam: "—" }}
      map={<StillMap />}
      plot={<StillPlot />}
      onSurface={noop}
      onRate={noop}
      onPlay={noop}
      onPause={noop}
      onStep={noop}
      onReset={noop}
    />
  );
  return <LazyMount name="gradient-descent" still={still} load={loadLive} props={{ initial }} />;
}
