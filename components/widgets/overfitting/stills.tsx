import { BOX, fitPath, fitX, fitY, LOSS } from "./draw/geometry";
import { Frame } from "./Frame";
import { makeDataset, trueCurve } from "./model/data";
import type { Initial } from "./model/props";

const TRUE_XS = Array.from({ length: 61 }, (_, i) => -1 + i / 30);

/** Before the live widget arrives: the real points and the true curve, drawn on the server. */
export function StillFit({ seed }: { seed: number }) {
  const data = makeDataset(seed);
  return (
    <g>
      <path className="of-true" d={fitPath(TRUE_XS, TRUE_XS.map(trueCurve))} />
      {Array.from(data.testX, (x, i) => (
        <circle key={`t${i}`} className="of-test" r="3.6" cx={fitX(x).toFixed(1)} cy={fitY(data.testY[i]).toFixed(1)} />
      ))}
      {Array.from(data.trainX, (x, i) => (
        <circle key={`p${i}`} className="of-train" r="5" cx={fitX(x).toFixed(1)} cy={fitY(data.trainY[i]).toFixed(1)} />
      ))}
    </g>
  );
}

/** An empty loss plot: just its frame. */
export function StillLoss() {
  return (
    <g>
      <line className="of-grid" x1={LOSS.left} x2={BOX.width - LOSS.right} y1={LOSS.top} y2={LOSS.top} />
      <line className="of-grid" x1={LOSS.left} x2={BOX.width - LOSS.right} y1={BOX.height - LOSS.bottom} y2={BOX.height - LOSS.bottom} />
    </g>
  );
}

/** The whole still: the Frame with its controls disabled, the real points, an empty loss plot. */
export function Still({ initial }: { initial: Initial }) {
  return (
    <Frame
      playing={false}
      epoch={0}
      backend="TF.js · —"
      summary="The live network loads when you scroll to it. It needs JavaScript."
      l2={initial.l2}
      dropout={initial.dropout}
      highlight={initial.highlight}
      fit={<StillFit seed={initial.seed} />}
      loss={<StillLoss />}
    />
  );
}
