import type { ReactNode } from "react";
import { PlaybackBar } from "../shared/PlaybackBar";
import { LiveSummary, WidgetFigure } from "../shared/WidgetFigure";
import { Settings } from "./controls/Settings";
import type { VisualizerConfig } from "./state/config";

export type FrameProps = {
  config: VisualizerConfig;
  question: string;
  live: boolean;
  playing: boolean;
  epoch: number;
  backend: string;
  summary: string;
  stage: ReactNode;
  table?: ReactNode;
  showTable: boolean;
  onConfig: (next: VisualizerConfig) => void;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  onShowTable: (show: boolean) => void;
  /** Machine-readable state for tests and benchmarks (data-* attributes on the root). */
  probe?: { epoch: number; testLoss: number; testAccuracy: number; numTensors: number };
};

const noop = () => {};

/**
 * The widget's chrome, shared by the server-rendered still and the live widget so the two take
 * exactly the same space: title line, question, controls, picture, live summary, caption.
 */
export function Frame(props: FrameProps) {
  const { config, live } = props;
  const digits = config.mode === "digits";
  return (
    <WidgetFigure
      name="layer-visualizer"
      live={live}
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
        <button type="button" className="widget-button" aria-pressed={!digits} disabled={!live} onClick={() => props.onConfig({ ...config, mode: "playground" })}>
          Points on a plane
        </button>
        <button type="button" className="widget-button" aria-pressed={digits} disabled={!live} onClick={() => props.onConfig({ ...config, mode: "digits" })}>
          Handwritten digits
        </button>
      </div>
      <PlaybackBar
        playing={props.playing}
        disabled={!live}
        counter={`Epoch ${props.epoch}`}
        counterTestId="epoch"
        onPlay={props.onPlay}
        onPause={props.onPause}
        onStep={props.onStep}
        onReset={props.onReset}
      />
      <div className={digits ? "lv-stage lv-stage--digits" : "lv-stage"}>{props.stage}</div>
      <LiveSummary className="lv-summary">{props.summary}</LiveSummary>
      {digits ? (
        <p className="lv-digits-note">
          The network here is fixed: 64 inputs (one per cell of the 8×8 image), two hidden layers of 32 and 16 ReLU neurons, and ten outputs,
          one per digit. It trains on three quarters of the digits and is tested on the rest.
        </p>
      ) : (
        <Settings config={config} disabled={!live} onChange={live ? props.onConfig : noop} />
      )}
      <label className="lv-toggle">
        <input type="checkbox" checked={props.showTable} disabled={!live} onChange={(e) => props.onShowTable(e.target.checked)} /> Show as table
      </label>
      {props.showTable && props.table}
    </WidgetFigure>
  );
}
