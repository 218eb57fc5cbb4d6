import { LEARNING_RATES, SURFACE_IDS, SURFACES, type SurfaceId } from "../model/surfaces";

type SurfacePickerProps = { value: SurfaceId; onChange?: (id: SurfaceId) => void };

/** The four landscapes, as radio buttons (arrow keys move between them); disabled without `onChange`. */
export function SurfacePicker({ value, onChange }: SurfacePickerProps) {
  return (
    <div className="gd-surfaces" role="radiogroup" aria-label="Loss surface">
      {SURFACE_IDS.map((id) => (
        <label key={id}>
          <input type="radio" name="gd-surface" value={id} checked={value === id} disabled={!onChange} onChange={onChange && (() => onChange(id))} />
          <span>{SURFACES[id].label}</span>
        </label>
      ))}
    </div>
  );
}

type RateSelectProps = { rate: number; onRate?: (rate: number) => void };

/** The learning rate every optimizer uses; disabled without `onRate`. */
export function RateSelect({ rate, onRate }: RateSelectProps) {
  return (
    <label className="widget-select">
      <span>Learning rate</span>
      <select value={String(rate)} disabled={!onRate} onChange={onRate && ((e) => onRate(Number(e.target.value)))}>
        {LEARNING_RATES.map((r) => (
          <option key={r} value={String(r)}>
            {r}
          </option>
        ))}
      </select>
    </label>
  );
}
