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

type RateSelectProps = { rate: number; disabled: boolean; onRate: (rate: number) => void };

/** The learning rate every optimizer uses. */
export function RateSelect({ rate, disabled, onRate }: RateSelectProps) {
  return (
    <label className="widget-select">
      <span>Learning rate</span>
      <select value={String(rate)} disabled={disabled} onChange={(e) => onRate(Number(e.target.value))}>
        {LEARNING_RATES.map((r) => (
          <option key={r} value={String(r)}>
            {r}
          </option>
        ))}
      </select>
    </label>
  );
}
