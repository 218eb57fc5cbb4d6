import { isSurfaceId, nearestRate, type SurfaceId } from "./surfaces";

/** What an entry may set from MDX; anything missing or unknown falls back. */
export type Props = {
  /** Which landscape to start on: "bowl", "ravine", "saddle" or "minima". */
  surface?: SurfaceId;
  /** The learning rate to start with (snapped to the nearest one offered). */
  rate?: number;
};

/** The still's state, and the live widget's first. */
export type Initial = { surface: SurfaceId; rate: number };

/** An entry's props as the widget's first state. */
export function normalize({ surface, rate }: Props): Initial {
  return { surface: isSurfaceId(surface) ? surface : "bowl", rate: nearestRate(rate) };
}
