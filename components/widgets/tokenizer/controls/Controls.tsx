import { PRESETS, WINDOW_SIZES, type PresetId } from "../model/presets";

/** Buttons that fill the text box with an example; the one shown is pressed. */
export function Examples({ current, disabled, onPick }: { current: PresetId | null; disabled: boolean; onPick: (id: PresetId) => void }) {
  return (
    <div className="tk-examples" role="group" aria-label="Example texts">
      <span className="tk-examples__label" aria-hidden="true">
        Try
      </span>
      {PRESETS.map((p) => (
        <button key={p.id} type="button" className="tk-button" aria-pressed={current === p.id} disabled={disabled} onClick={() => onPick(p.id)}>
          {p.label}
        </button>
      ))}
    </div>
  );
}

/** The context window to measure the text against. */
export function WindowSelect({ value, disabled, onChange }: { value: number; disabled: boolean; onChange: (tokens: number) => void }) {
  return (
    <label className="tk-select">
      <span>Context window</span>
      <select value={value} disabled={disabled} onChange={(e) => onChange(Number(e.target.value))}>
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
export function IdsToggle({ checked, disabled, onChange }: { checked: boolean; disabled: boolean; onChange: (show: boolean) => void }) {
  return (
    <label className="tk-toggle">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} /> Show token IDs
    </label>
  );
}
