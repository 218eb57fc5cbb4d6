import { useId } from "react";
import { DROPOUT_STOPS, L2_STOPS, type Highlight } from "../model/props";

export const formatL2 = (v: number) => (v === 0 ? "off" : String(v));
export const formatDropout = (v: number) => (v === 0 ? "off" : `${Math.round(v * 100)}%`);

type SliderProps = {
  label: string;
  hint: string;
  stops: number[];
  value: number;
  format: (v: number) => string;
  highlighted: boolean;
  /** Absent in the still: the slider is disabled. */
  onChange?: (value: number) => void;
};

/** A labelled slider over a few stops, its value shown beside the label and read out as that text. */
function StopSlider({ label, hint, stops, value, format, highlighted, onChange }: SliderProps) {
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
        disabled={!onChange}
        onChange={onChange && ((e) => onChange(stops[Number(e.target.value)]))}
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
  onL2?: (value: number) => void;
  onDropout?: (value: number) => void;
};

export function Regularizers({ l2, dropout, highlight, onL2, onDropout }: Props) {
  return (
    <div className="of-sliders">
      <StopSlider
        label="L2 penalty"
        hint="Charges the network for large weights"
        stops={L2_STOPS}
        value={l2}
        format={formatL2}
        highlighted={highlight === "l2"}
        onChange={onL2}
      />
      <StopSlider
        label="Dropout"
        hint="Switches off this share of units each step"
        stops={DROPOUT_STOPS}
        value={dropout}
        format={formatDropout}
        highlighted={highlight === "dropout"}
        onChange={onDropout}
      />
    </div>
  );
}
