import { memo, useId } from "react";
import { MAX_TEMPERATURE, MAX_TOP_K } from "../model/props";

/** A labelled slider with its value beside it; disabled without `onChange`. */
function Slider(props: { label: string; value: number; shown: string; min: number; max: number; step: number; onChange?: (value: number) => void }) {
  const id = useId();
  const { onChange } = props;
  return (
    <p className="tt-slider">
      <label htmlFor={id}>{props.label}</label>
      <output htmlFor={id}>{props.shown}</output>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        aria-valuetext={props.shown}
        disabled={!onChange}
        onChange={onChange && ((e) => onChange(Number(e.target.value)))}
      />
    </p>
  );
}

// Memoised, as is HeadPicker: the widget renders on every keystroke, and React re-sets an input's
// attributes on every render of it.
export const Settings = memo(function Settings({ temperature, topK, onTemperature, onTopK }: { temperature: number; topK: number; onTemperature?: (t: number) => void; onTopK?: (k: number) => void }) {
  return (
    <div className="tt-settings">
      <Slider label="Temperature" value={temperature} shown={temperature.toFixed(2)} min={0} max={MAX_TEMPERATURE} step={0.05} onChange={onTemperature} />
      <Slider label="Top-k" value={topK} shown={topK === 0 ? "all" : String(topK)} min={0} max={MAX_TOP_K} step={1} onChange={onTopK} />
    </div>
  );
});

/** The head shown large: a layer and a head, as two selects (every width; the small maps are a second way on wide screens). */
export const HeadPicker = memo(function HeadPicker({ layer, head, layers, heads, onPick }: { layer: number; head: number; layers: number; heads: number; onPick?: (layer: number, head: number) => void }) {
  const layerId = useId();
  const headId = useId();
  return (
    <div className="tt-picker">
      <span className="widget-select">
        <label htmlFor={layerId}>Layer</label>
        <select id={layerId} value={layer} disabled={!onPick} onChange={onPick && ((e) => onPick(Number(e.target.value), head))}>
          {Array.from({ length: layers }, (_, l) => (
            <option key={l} value={l}>
              {l + 1}
            </option>
          ))}
        </select>
      </span>
      <span className="widget-select">
        <label htmlFor={headId}>Head</label>
        <select id={headId} value={head} disabled={!onPick} onChange={onPick && ((e) => onPick(layer, Number(e.target.value)))}>
          {Array.from({ length: heads }, (_, h) => (
            <option key={h} value={h}>
              {h + 1}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
});

export type GenerateHandlers = { onGenerate: () => void; onPlay: () => void; onPause: () => void; onReset: () => void };

/** Generate one piece, play (a piece after each answer) or pause, and go back to the entry's prompt. */
export function GenerateBar({ playing, counter, on }: { playing: boolean; counter: string; on?: GenerateHandlers }) {
  return (
    <div className="widget-playback tt-generate">
      <button type="button" className="widget-button widget-button--primary" disabled={!on || playing} onClick={on?.onGenerate}>
        Generate
      </button>
      <button type="button" className="widget-button" disabled={!on} onClick={on && (playing ? on.onPause : on.onPlay)} aria-pressed={playing}>
        <span aria-hidden="true" className="widget-glyph">
          {playing ? "❚❚" : "▶"}
        </span>
        {playing ? "Pause" : "Play"}
      </button>
      <button type="button" className="widget-button" disabled={!on} onClick={on?.onReset}>
        Reset
      </button>
      <p className="widget-counter" data-testid="tt-generated">
        {counter}
      </p>
    </div>
  );
}
