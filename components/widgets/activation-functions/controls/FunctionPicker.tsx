import { useId } from "react";
import { ACTIVATIONS, type ActivationId } from "../model/activations";

/** The six functions as a segmented row of radio buttons (arrow keys move between them); disabled without `onChange`. */
export function FunctionPicker({ value, onChange }: { value: ActivationId; onChange?: (id: ActivationId) => void }) {
  const name = useId();
  return (
    <fieldset className="af-picker">
      <legend>Function</legend>
      <div className="af-segmented">
        {ACTIVATIONS.map((a) => (
          <label key={a.id}>
            <input type="radio" name={name} value={a.id} checked={value === a.id} disabled={!onChange} onChange={onChange && (() => onChange(a.id))} />
            <span>{a.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
