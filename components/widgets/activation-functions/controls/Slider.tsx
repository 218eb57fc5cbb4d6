import { useId } from "react";

type Props = {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  format: (v: number) => string;
  /** Absent in the still: the slider is disabled. */
  onChange?: (value: number) => void;
  className?: string;
  /** Extra room for the track, e.g. to line it up with a plot's axis. */
  style?: React.CSSProperties;
};

/** A labelled range input with its value shown beside the label (and read out as that text). */
export function Slider({ label, value, min, max, step, format, onChange, className, style }: Props) {
  const id = useId();
  const text = format(value);
  return (
    <div className={className ? `af-slider ${className}` : "af-slider"}>
      <span className="af-slider__head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id}>{text}</output>
      </span>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={text}
        disabled={!onChange}
        style={style}
        onChange={onChange && ((e) => onChange(Number(e.target.value)))}
      />
    </div>
  );
}
