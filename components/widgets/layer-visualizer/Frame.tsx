import type { ReactNode } from "react";
import { PlaybackBar } from "./controls/PlaybackBar";
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
    <figure
      className="widget lv"
      data-widget="layer-visualizer"
      data-live={live ? "true" : "false"}
      data-epoch={props.probe?.epoch}
      data-test-loss={props.probe?.testLoss}
      data-test-accuracy={props.probe?.testAccuracy}
      data-num-tensors={props.probe?.numTensors}
      aria-labelledby="lv-title"
    >
      <div className="widget__head">
        <p className="widget__title" id="lv-title">
          Layer visualizer <span>· {digits ? "handwritten digits" : "a network you can train"}</span>
        </p>
        <p className="widget__badge" title="The TensorFlow.js backend doing the arithmetic">
          {props.backend}
        </p>
      </div>
      <p className="lv-question">
        <strong>Predict first:</strong> {props.question}
      </p>
      <div className="lv-modes" role="group" aria-label="What to train on">
        <button type="button" aria-pressed={!digits} disabled={!live} onClick={() => props.onConfig({ ...config, mode: "playground" })}>
          Points on a plane
        </button>
        <button type="button" aria-pressed={digits} disabled={!live} onClick={() => props.onConfig({ ...config, mode: "digits" })}>
          Handwritten digits
        </button>
      </div>
      <PlaybackBar playing={props.playing} disabled={!live} epoch={props.epoch} onPlay={props.onPlay} onPause={props.onPause} onStep={props.onStep} onReset={props.onReset} />
      <div className={digits ? "lv-stage lv-stage--digits" : "lv-stage"}>{props.stage}</div>
      <p className="lv-summary" aria-live="polite" aria-atomic="true" data-testid="summary">
        {props.summary}
      </p>
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
      <figcaption className="widget__caption">
        {digits ? (
          <>
            Draw a digit in the box, or step through test digits; each layer&rsquo;s activations and the ten probabilities update as you go. Digits:
            1,797 real handwritten digits from the UCI &ldquo;Optical Recognition of Handwritten Digits&rdquo; data set (E. Alpaydin and C.
            Kaynak, 1998; licence CC BY 4.0).
          </>
        ) : (
          <>
            Press Play and watch the first layer draw straight edges while deeper neurons combine them into curves. Hover or focus a neuron to
            enlarge it; move over the output plane to trace one point through every layer. Orange is negative, purple positive; filled points
            train the network, hollow ones test it.
          </>
        )}
      </figcaption>
    </figure>
  );
}
