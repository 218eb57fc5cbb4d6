import { Toggle } from "../../shared/Toggle";
import { PRESETS, WINDOW_SIZES, type PresetId } from "../model/presets";

/** Buttons that fill the text box with an example; the one shown is pressed. Without a handler, every control here is disabled. */
export function Examples({ current, onPick }: { current: PresetId | null; onPick?: (id: PresetId) => void }) {
  return (
    <div className="tk-examples" role="group" aria-label="Example texts">
      <span className="tk-examples__label" aria-hidden="true">
        Try
      </span>
      {PRESETS.map((p) => (
        <button key={p.id} type="button" className="tk-button" aria-pressed={current === p.id} disabled={!onPick} onClick={onPick && (() => onPick(p.id))}>
          {p.label}
        </button>
      ))}
    </div>
  );
}

/** The context window to measure the text against. */
export function WindowSelect({ value, onChange }: { value: number; onChange?: (tokens: number) => void }) {
  return (
    <label className="tk-select">
      <span>Context window</span>
      <select value={value} disabled={!onChange} onChange={onChange && ((e) => onChange(Number(e.target.value)))}>
        {WINDOW_SIZES.map((w) => (
          <option key={w.tokens} value={w.tokens}>
            {w.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Shows or hides the ID under each chip. */
export function IdsToggle({ checked, onChange }: { checked: boolean; onChange?: (show: boolean) => void }) {
  return <Toggle className="tk-toggle" label="Show token IDs" checked={checked} onChange={onChange} />;
}
