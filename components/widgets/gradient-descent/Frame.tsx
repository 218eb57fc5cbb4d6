import type { ReactNode } from "react";
import { PlaybackBar, type PlaybackHandlers } from "../shared/PlaybackBar";
import { LiveSummary, WidgetFigure } from "../shared/WidgetFigure";
import { RateSelect, SurfacePicker } from "./controls/Controls";
import { OPTIMIZERS, type OptimizerId } from "./model/race";
import { SURFACES, type SurfaceId } from "./model/surfaces";
import { markerPath, plotSteps, RUN_STYLE } from "./draw/style";

export type Handlers = PlaybackHandlers & {
  onSurface: (id: SurfaceId) => void;
  onRate: (rate: number) => void;
};

export type FrameProps = {
  surfaceId: SurfaceId;
  rate: number;
  playing: boolean;
  step: number;
  backend: string;
  summary: string;
  /** Each optimizer's loss as shown in the legend ("0.31", "diverged"). */
  readouts: Record<OptimizerId, string>;
  map: ReactNode;
  plot: ReactNode;
  /** Absent in the still: its controls are disabled and it ships no code of its own. */
  on?: Handlers;
  /** Machine-readable state for tests and benchmarks (data-* attributes on the root). */
  probe?: { step: number; numTensors: number; losses: Record<OptimizerId, number>; start: { x: number; y: number } };
};

/** One optimizer's line pattern and marker, as in the picture. */
function Key({ id }: { id: OptimizerId }) {
  return (
    <svg className="gd-key" viewBox="0 0 44 16" aria-hidden="true">
      <line className={`gd-run gd-run--${id}`} x1="2" y1="8" x2="34" y2="8" strokeDasharray={RUN_STYLE[id].dash ?? undefined} />
      <path className={`gd-head gd-head--${id}`} d={markerPath(id, 5)} transform="translate(36 8)" />
    </svg>
  );
}

/**
 * The widget's chrome, shared by the server-rendered still and the live widget so both take
 * exactly the same space: title line, question, controls, map and loss plot, summary, caption.
 */
export function Frame(props: FrameProps) {
  const { on, surfaceId } = props;
  const surface = SURFACES[surfaceId];
  return (
    <WidgetFigure
      name="gradient-descent"
      live={on !== undefined}
      className="gd"
      title="Gradient descent"
      subtitle="three optimizers race downhill"
      badge={props.backend}
      badgeTitle="The TensorFlow.js backend doing the arithmetic"
      probe={{
        "data-surface": surfaceId,
        "data-rate": props.rate,
        "data-playing": props.playing ? "true" : "false",
        "data-step": props.probe?.step,
        "data-num-tensors": props.probe?.numTensors,
        "data-loss-sgd": props.probe?.losses.sgd,
        "data-loss-momentum": props.probe?.losses.momentum,
        "data-loss-adam": props.probe?.losses.adam,
        "data-start": props.probe ? `${props.probe.start.x.toFixed(2)},${props.probe.start.y.toFixed(2)}` : undefined,
      }}
      caption={
        <>
          Click or tap the map to drop a new start, or focus the map and move the cross-hair with the arrow keys, then press Enter. Each optimizer
          uses the same learning rate; try the largest to watch plain gradient descent overshoot and fly off the map. Darker ground is lower loss.
        </>
      }
    >
      <p className="gd-question">
        <strong>Predict first:</strong> {surface.question}
      </p>
      <SurfacePicker value={surfaceId} onChange={on?.onSurface} />
      <PlaybackBar playing={props.playing} counter={`Step ${props.step}`} counterTestId="step" on={on}>
        <RateSelect rate={props.rate} onRate={on?.onRate} />
      </PlaybackBar>
      <div className="gd-stage">
        {props.map}
        <div className="gd-side">
          <ul className="gd-legend" aria-label="The three optimizers and their loss now">
            {OPTIMIZERS.map(({ id, label }) => (
              <li key={id} className={`gd-legend__item gd-legend__item--${id}`}>
                <Key id={id} />
                <span className="gd-legend__name">
                  <strong>{label}</strong> <span>{RUN_STYLE[id].blurb}</span>
                </span>
                <span className="gd-legend__loss" data-testid={`loss-${id}`}>
                  {props.readouts[id]}
                </span>
              </li>
            ))}
            <li className="gd-legend__marks">
              <span>
                <svg viewBox="0 0 12 12" aria-hidden="true">
                  <path className="gd-minimum" d="M1,6h10M6,1v10" />
                </svg>
                a low point
              </span>
              <span>
                <svg viewBox="0 0 14 14" aria-hidden="true">
                  <circle className="gd-start" cx="7" cy="7" r="5" />
                </svg>
                the start
              </span>
            </li>
          </ul>
          <div className="gd-plot">
            <p className="gd-plot__label">
              Loss at each step <span>(log scale)</span>
            </p>
            {props.plot}
            <p className="gd-plot__axis" aria-hidden="true">
              <span>0</span>
              <span>{plotSteps(props.step)} steps</span>
            </p>
          </div>
        </div>
      </div>
      <LiveSummary className="gd-summary">{props.summary}</LiveSummary>
    </WidgetFigure>
  );
}
