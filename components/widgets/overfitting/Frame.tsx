import type { ReactNode } from "react";
import { PlaybackBar, type PlaybackHandlers } from "../shared/PlaybackBar";
import { LiveSummary, WidgetFigure, type ProbeAttributes } from "../shared/WidgetFigure";
import { Regularizers } from "./controls/Regularizers";
import { BOX } from "./draw/geometry";
import type { Highlight } from "./model/props";

export type Handlers = PlaybackHandlers & {
  onNewNoise: () => void;
  onL2: (value: number) => void;
  onDropout: (value: number) => void;
};

export type FrameProps = {
  playing: boolean;
  epoch: number;
  backend: string;
  summary: string;
  l2: number;
  dropout: number;
  highlight: Highlight;
  /** The fit picture's layers (the still draws plain SVG, the live widget D3 groups). */
  fit: ReactNode;
  loss: ReactNode;
  probe?: ProbeAttributes;
  /** Absent in the still: its controls are disabled and it ships no code of its own. */
  on?: Handlers;
};

const VIEW_BOX = `0 0 ${BOX.width} ${BOX.height}`;

/**
 * The widget's chrome, shared by the server-rendered still and the live widget so both take
 * exactly the same space: title line, controls, the fit and the loss plot, summary, caption.
 */
export function Frame(props: FrameProps) {
  const { on } = props;
  return (
    <WidgetFigure
      name="overfitting"
      live={on !== undefined}
      className="of"
      title="Overfitting"
      subtitle="a big network meets 14 noisy points"
      badge={props.backend}
      badgeTitle="The TensorFlow.js backend doing the arithmetic"
      probe={{ "data-playing": props.playing ? "true" : "false", "data-l2": props.l2, "data-dropout": props.dropout, ...props.probe }}
      caption={
        <>
          Press Play and watch the two lines in the loss plot. With no penalty and no dropout the curve bends through every filled point while the test
          loss, measured on the hollow points it never trains on, turns and climbs. Then raise the L2 penalty or dropout, during a run or before
          Reset, and watch the gap close. Step trains 50 epochs; New noise draws fresh points from the same curve.
        </>
      }
    >
      <PlaybackBar playing={props.playing} counter={`Epoch ${props.epoch.toLocaleString("en-GB")}`} counterTestId="epoch" on={on}>
        <button type="button" className="widget-button" disabled={!on} onClick={on?.onNewNoise}>
          New noise
        </button>
      </PlaybackBar>
      <Regularizers l2={props.l2} dropout={props.dropout} highlight={props.highlight} onL2={on?.onL2} onDropout={on?.onDropout} />
      <div className="of-stage">
        <div className="of-panel">
          <p className="of-panel__label">The fit</p>
          <svg className="of-svg" viewBox={VIEW_BOX} role="img" aria-label="Noisy training points, hollow test points, the true curve and the network's fitted curve">
            {props.fit}
          </svg>
          <ul className="of-legend" aria-label="Key to the fit">
            <li>
              <svg viewBox="0 0 12 12" aria-hidden="true">
                <circle className="of-train" cx="6" cy="6" r="4.5" />
              </svg>
              training point
            </li>
            <li>
              <svg viewBox="0 0 12 12" aria-hidden="true">
                <circle className="of-test" cx="6" cy="6" r="3.8" />
              </svg>
              test point
            </li>
            <li>
              <svg viewBox="0 0 24 12" aria-hidden="true">
                <path className="of-true" d="M1,6H23" />
              </svg>
              true curve
            </li>
            <li>
              <svg viewBox="0 0 24 12" aria-hidden="true">
                <path className="of-fit" d="M1,6H23" />
              </svg>
              network
            </li>
          </ul>
        </div>
        <div className="of-panel">
          <p className="of-panel__label">
            Loss at each epoch <span>(log scale)</span>
          </p>
          <svg className="of-svg" viewBox={VIEW_BOX} role="img" aria-label="Train loss and test loss over the epochs, on a log scale">
            {props.loss}
          </svg>
          <ul className="of-legend" aria-label="Key to the loss plot">
            <li>
              <svg viewBox="0 0 24 12" aria-hidden="true">
                <path className="of-loss of-loss--train" d="M1,6H23" />
              </svg>
              train loss
            </li>
            <li>
              <svg viewBox="0 0 24 12" aria-hidden="true">
                <path className="of-loss of-loss--test" d="M1,6H23" />
              </svg>
              test loss
            </li>
            <li>
              <svg viewBox="0 0 12 12" aria-hidden="true">
                <circle className="of-best" cx="6" cy="6" r="4" />
              </svg>
              lowest test loss
            </li>
          </ul>
        </div>
      </div>
      <LiveSummary className="of-summary">{props.summary}</LiveSummary>
    </WidgetFigure>
  );
}
