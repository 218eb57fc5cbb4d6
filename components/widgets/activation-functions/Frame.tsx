import { memo, type ReactNode } from "react";
import { LiveSummary, WidgetFigure } from "../shared/WidgetFigure";
import { FunctionPicker } from "./controls/FunctionPicker";
import { Slider } from "./controls/Slider";
import { MARGIN } from "./draw/geometry";
import { activation } from "./model/activations";
import { describeNeuron, describePoint, fixed1, fixed2 } from "./model/describe";
import { BIAS_LIMITS, display, WEIGHT_LIMITS } from "./model/neuron";
import { X_LIMITS, type WidgetState } from "./model/props";

export type PointerHandlers = {
  onPointerDown?: (event: React.PointerEvent<HTMLDivElement>) => void;
  onPointerMove?: (event: React.PointerEvent<HTMLDivElement>) => void;
  onPointerUp?: (event: React.PointerEvent<HTMLDivElement>) => void;
  onPointerCancel?: (event: React.PointerEvent<HTMLDivElement>) => void;
};

export type FrameProps = {
  state: WidgetState;
  /** What goes inside the plot's box and the plane's box. */
  plot: ReactNode;
  plane: ReactNode;
  plotPointer?: PointerHandlers;
  /** Absent in the still: its controls are disabled and it ships no code of its own. */
  onChange?: (patch: Partial<WidgetState>) => void;
};

/** The range input's thumb is about 16 px wide: these insets put its centre under the plot's x. */
const THUMB = 16;
const trackStyle = { marginLeft: MARGIN.left - THUMB / 2, width: `calc(100% - ${MARGIN.left + MARGIN.right - THUMB}px)` };

/**
 * The widget's chrome, shared by the server-rendered still and the live widget so the two take
 * exactly the same space. Both summaries come straight from the model, so the still already
 * reads true.
 */
export function Frame({ state, plot, plane, plotPointer, onChange }: FrameProps) {
  const a = activation(state.fn);
  return (
    <WidgetFigure
      name="activation-functions"
      live={onChange !== undefined}
      className="af"
      title="Activation functions"
      subtitle="output and slope"
      badge={a.formula}
      badgeTitle={`The rule of ${a.label}`}
      probe={{ "data-fn": state.fn, "data-x": state.x, "data-w1": state.w1, "data-w2": state.w2, "data-b": state.b }}
      caption={
        <>
          Drag across the plot, or use the Input x slider, to read the output and the slope (the tangent&rsquo;s steepness). Where the slope is 0
          the neuron passes no learning signal back. Below, move the weights and bias: the dashed line is where the weighted sum is 0, and the
          function bends the plane along it. GELU is the exact form, x·Φ(x), where Φ(x) is the share of a bell curve lying below x; leaky ReLU
          leaks with slope 0.1.
        </>
      }
    >
      <FunctionPicker value={state.fn} onChange={onChange && ((fn) => onChange({ fn }))} />

      <div
        className="af-plot"
        role="img"
        aria-label={`The ${a.label} curve for inputs from −4 to 4${state.showSlope ? ", with its slope as a dashed curve" : ""}, and the tangent line at x = ${fixed2(state.x)}. Drag across it, or use the Input x slider below, to move the point.`}
        {...plotPointer}
      >
        {plot}
      </div>
      <Slider
        className="af-input"
        label="Input x"
        value={state.x}
        {...X_LIMITS}
        format={fixed2}
        style={trackStyle}
        onChange={onChange && ((x) => onChange({ x }))}
      />
      <div className="af-key">
        <span className="af-key__item">
          <span className="af-key__swatch af-key__swatch--curve" aria-hidden="true" />
          {a.label}, f(x)
        </span>
        <label className="af-key__item af-key__item--slope">
          <input
            type="checkbox"
            checked={state.showSlope}
            disabled={!onChange}
            onChange={onChange && ((e) => onChange({ showSlope: e.target.checked }))}
          />
          <span className="af-key__swatch af-key__swatch--slope" aria-hidden="true" />
          its slope, f′(x)
        </label>
        <span className="af-key__item">
          <span className="af-key__swatch af-key__swatch--tangent" aria-hidden="true" />
          tangent at x
        </span>
      </div>
      <LiveSummary className="af-summary">{describePoint(state.fn, state.x)}</LiveSummary>

      <NeuronPanel fn={state.fn} w1={state.w1} w2={state.w2} b={state.b} plane={plane} onChange={onChange} />

    </WidgetFigure>
  );
}

type NeuronPanelProps = Pick<WidgetState, "fn" | "w1" | "w2" | "b"> & {
  plane: ReactNode;
  onChange?: (patch: Partial<WidgetState>) => void;
};

/** The one-neuron playground. Memoised: moving the plot's point does not re-render it. */
const NeuronPanel = memo(function NeuronPanel({ fn, w1, w2, b, plane, onChange }: NeuronPanelProps) {
  const a = activation(fn);
  const legend = display(fn).legend;
  return (
    <div className="af-neuron">
      <p className="af-subhead">
        <strong>One neuron, two inputs.</strong> Its output, {a.label}(w₁x₁ + w₂x₂ + b), coloured over the plane of inputs.
      </p>
      <div className="af-neuron__grid">
        <div className="af-neuron__picture">
          <div
            className="af-plane"
            role="img"
            aria-label={`The neuron's output for x₁ and x₂ from −3 to 3, orange for negative, purple for positive, with a dashed line where the weighted sum is 0 and an arrow along the weights.`}
          >
            {plane}
          </div>
          <div className="af-legend" aria-hidden="true">
            <span className="af-legend__bar" />
            <span className="af-legend__labels">
              <span>{legend[0]}</span>
              <span>output {legend[1]}</span>
              <span>{legend[2]}</span>
            </span>
          </div>
        </div>
        <div className="af-neuron__controls">
          <Slider label="Weight w₁" value={w1} {...WEIGHT_LIMITS} format={fixed1} onChange={onChange && ((v) => onChange({ w1: v }))} />
          <Slider label="Weight w₂" value={w2} {...WEIGHT_LIMITS} format={fixed1} onChange={onChange && ((v) => onChange({ w2: v }))} />
          <Slider label="Bias b" value={b} {...BIAS_LIMITS} format={fixed1} onChange={onChange && ((v) => onChange({ b: v }))} />
          <LiveSummary className="af-summary af-summary--neuron" testId="neuron-summary">
            {describeNeuron(fn, w1, w2, b)}
          </LiveSummary>
        </div>
      </div>
    </div>
  );
});
