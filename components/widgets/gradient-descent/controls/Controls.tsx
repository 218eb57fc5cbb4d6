import { LEARNING_RATES, SURFACE_IDS, SURFACES, type SurfaceId } from "../model/surfaces";

type SurfacePickerProps = { value: SurfaceId; disabled: boolean; onChange: (id: SurfaceId) => void };

/** The four landscapes, as radio buttons (arrow keys move between them). */
export function SurfacePicker({ value, disabled, onChange }: SurfacePickerProps) {
  return (
    <div className="gd-surfaces" role="radiogroup" aria-label="Loss surface">
      {SURFACE_IDS.map((id) => (
        <label key={id}>
          <input type="radio" name="gd-surface" value={id} checked={value === id} disabled={disabled} onChange={() => onChange(id)} />
          <span>{SURFACES[id].label}</span>
        </label>
      ))}
    </div>
  );
}

type PlaybackProps = {
  playing: boolean;
  disabled: boolean;
  step: number;
  rate: number;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  onRate: (rate: number) => void;
};

/** Play / pause, one step, reset, the learning rate, and the step counter. */
export function Playback({ playing, disabled, step, rate, onPlay, onPause, onStep, onReset, onRate }: PlaybackProps) {
  return (
    <div className="gd-playback">
      <button type="button" className="gd-button gd-button--primary" disabled={disabled} onClick={playing ? onPause : onPlay} aria-pressed={playing}>
        <span aria-hidden="true" className="gd-glyph">
          {playing ? "❚❚" : "▶"}
        </span>
        {playing ? "Pause" : "Play"}
      </button>
      <button type="button" className="gd-button" disabled={disabled} onClick={onStep}>
        Step
      </button>
      <button type="button" className="gd-button" disabled={disabled} onClick={onReset}>
        Reset
      </button>
      <label className="gd-rate">
        <span>Learning rate</span>
        <select value={String(rate)} disabled={disabled} onChange={(e) => onRate(Number(e.target.value))}>
          {LEARNING_RATES.map((r) => (
            <option key={r} value={String(r)}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <p className="gd-step" data-testid="step">
        Step {step}
      </p>
    </div>
  );
}
