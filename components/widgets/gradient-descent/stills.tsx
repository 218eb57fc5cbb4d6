// Before the live widget arrives, drawn on the server: the map's box with a few plain rings, and an empty plot.
import { Frame } from "./Frame";
import type { Initial } from "./model/props";

export function StillMap() {
  return (
    <div className="gd-map gd-map--still">
      <svg viewBox="0 0 300 300" role="img" aria-label="A contour map of a loss surface; the live map loads when you scroll to it">
        {[130, 104, 80, 58, 38, 20].map((r) => (
          <ellipse key={r} cx="150" cy="150" rx={r} ry={r * 0.72} />
        ))}
      </svg>
    </div>
  );
}

export function StillPlot() {
  return <svg className="gd-plot__svg" aria-hidden="true" />;
}

/** The whole still: the Frame with its controls disabled, the plain map and the empty plot. */
export function Still({ initial }: { initial: Initial }) {
  return (
    <Frame
      surfaceId={initial.surface}
      rate={initial.rate}
      playing={false}
      step={0}
      backend="not loaded yet"
      summary="The live map loads when you scroll to it. It needs JavaScript."
      readouts={{ sgd: "—", momentum: "—", adam: "—" }}
      map={<StillMap />}
      plot={<StillPlot />}
    />
  );
}
