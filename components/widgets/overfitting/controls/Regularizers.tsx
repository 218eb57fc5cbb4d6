import { useId } from "react";

/** The strengths offered: a slider moves between these, so every stop means something. */
export const L2_STOPS = [0, 0.001, 0.003, 0.01, 0.03];
export const DROPOUT_STOPS = [0, 0.1, 0.2, 0.3, 0.4, 0.5];

export type Highlight = "l2" | "dropout" | "none";

/** The stop nearest to `value` (props from an entry may be any number). */
export function nearestStop(stops: number[], value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return stops[0];
  return stops.reduce((best, stop) => (Math.abs(stop - value) < Math.abs(best - value) ? stop : best), stops[0]);
}

export const formatL2 = (v: number) => (v === 0 ? "off" : String(v));
export const formatDropout = (v: number) => (v === 0 ? "off" : `${Math.round(v * 100)}%`);

type SliderProps = {
  label: string;
  hint: string;
  stops: number[];
  value: number;
  format: (v: number) => string;
  highlighted: boolean;
  disabled: boolean;
  onChange: (value: number) => void;
};

/** A labelled slider over a few stops, its value shown beside the label and read out as that text. */
function StopSlider({ label, hint, stops, value, format, highlighted, disabled, onChange }: SliderProps) {
  const id = useId();
  const hintId = useId();
  const index = Math.max(0, stops.indexOf(value));
  const text = format(value);
  return (
    <div className={highlighted ? "of-slider of-slider--highlight" : "of-slider"}>
      <span className="of-slider__head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id}>{text}</output>
      </span>
      <input
        id={id}
        type="range"
        min={0}
        max={stops.length - 1}
        step={1}
        value={index}
        aria-valuetext={text}
        aria-describedby={hintId}
        disabled={disabled}
        onChange={(e) => onChange(stops[Number(e.target.value)])}
      />
      <span className="of-slider__hint" id={hintId}>
        {hint}
      </span>
    </div>
  );
}

type Props = {
  l2: number;
  dropout: number;
  highlight: Highlight;
  disabled: boolean;
  onL2: (value: number) => void;
  onDropout: (value: number) => void;
};

export function Regularizers({ l2, dropout, highlight, disabled, onL2, onDropout }: Props) {
  return (
    <div className="of-sliders">
      <StopSlider
        label="L2 penalty"
        hint="Charges the network for large weights"
        stops={L2_STOPS}
        value={l2}
        format={formatL2}
        highlighted={highlight === "l2"}
        disabled={disabled}
        onChange={onL2}
      />
      <StopSlider
        label="Dropout"
        hint="Switches off this share of units each step"
        stops={DROPOUT_STOPS}
        value={dropout}
        format={formatDropout}
        highlighted={highlight === "dropout"}
        disabled={disabled}
        onChange={onDropout}
      />
    </div>
  );
}
