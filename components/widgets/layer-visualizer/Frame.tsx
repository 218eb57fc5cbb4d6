import type { ReactNode } from "react";
import { PlaybackBar, type PlaybackHandlers } from "../shared/PlaybackBar";
import { Toggle } from "../shared/Toggle";
import { LiveSummary, WidgetFigure } from "../shared/WidgetFigure";
import { Settings } from "./controls/Settings";
import type { VisualizerConfig } from "./state/config";

export type Handlers = PlaybackHandlers & {
  onConfig: (next: VisualizerConfig) => void;
  onShowTable: (show: boolean) => void;
};

export type FrameProps = {
  config: VisualizerConfig;
  question: string;
  playing: boolean;
  epoch: number;
  backend: string;
  summary: string;
  stage: ReactNode;
  table?: ReactNode;
  showTable: boolean;
  /** Absent in the still: its controls are disabled and it ships no code of its own. */
  on?: Handlers;
  /** Machine-readable state for tests and benchmarks (data-* attributes on the root). */
  probe?: { epoch: number; testLoss: number; testAccuracy: number; numTensors: number };
};

/**
 * The widget's chrome, shared by the server-rendered still and the live widget so the two take
 * exactly the same space: title line, question, controls, picture, live summary, caption.
 */
export function Frame(props: FrameProps) {
  const { config, on } = props;
  const digits = config.mode === "digits";
  return (
    <WidgetFigure
      name="layer-visualizer"
      live={on !== undefined}
      className="lv"
      title="Layer visualizer"
      subtitle={digits ? "handwritten digits" : "a network you can train"}
      badge={props.backend}
      badgeTitle="The TensorFlow.js backend doing the arithmetic"
      probe={{
        "data-epoch": props.probe?.epoch,
        "data-test-loss": props.probe?.testLoss,
        "data-test-accuracy": props.probe?.testAccuracy,
        "data-num-tensors": props.probe?.numTensors,
      }}
      caption={
        digits ? (
          <>
            Draw a digit in the box, or step through test digits; each layer&rsquo;s activations and the ten probabilities update as you go. Digits:
            1,797 real handwritten digits from the UCI &ldquo;Optical Recognition of Handwritten Digits&rdquo; data set (E. Alpaydin and C.
            Kaynak, 1998; licence CC BY 4.0).
          </>
        ) : (
          <>
            Press Play and watch the first layer draw straight edges while deeper neurons combine them into curves. Hover or focus a neuron to
            enlarge it; move over the output plane to trace one point through every layer. Orange is negative, purple positive; filled points
            train the network, and &ldquo;Show test data&rdquo; adds the hollow ones that test it. The pictures, weights, losses and accuracy
            show a running average of the last few dozen epochs&rsquo; weights, which holds them steady; training itself moves the current ones.
          </>
        )
      }
    >
      <p className="lv-question">
        <strong>Predict first:</strong> {props.question}
      </p>
      <div className="lv-modes" role="group" aria-label="What to train on">
        <button type="button" className="widget-button" aria-pressed={!digits} disabled={!on} onClick={on && (() => on.onConfig({ ...config, mode: "playground" }))}>
          Points on a plane
        </button>
        <button type="button" className="widget-button" aria-pressed={digits} disabled={!on} onClick={on && (() => on.onConfig({ ...config, mode: "digits" }))}>
          Handwritten digits
        </button>
      </div>
      <PlaybackBar playing={props.playing} counter={`Epoch ${props.epoch}`} counterTestId="epoch" on={on} />
      <div className={digits ? "lv-stage lv-stage--digits" : "lv-stage"}>{props.stage}</div>
      <LiveSummary className="lv-summary">{props.summary}</LiveSummary>
      {digits ? (
        <p className="lv-digits-note">
          The network here is fixed: 64 inputs (one per cell of the 8×8 image), two hidden layers of 32 and 16 ReLU neurons, and ten outputs,
          one per digit. It trains on three quarters of the digits and is tested on the rest.
        </p>
      ) : (
        <Settings config={config} onChange={on?.onConfig} />
      )}
      <Toggle className="lv-toggle" label="Show as table" checked={props.showTable} onChange={on?.onShowTable} />
      {props.showTable && props.table}
    </WidgetFigure>
  );
}
