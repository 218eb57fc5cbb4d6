/** A labelled checkbox; disabled without `onChange` (a still's control carries no handler). */
export function Toggle({ className, label, checked, onChange }: { className: string; label: string; checked: boolean; onChange?: (on: boolean) => void }) {
  return (
    <label className={className}>
      <input type="checkbox" checked={checked} disabled={!onChange} onChange={onChange && ((e) => onChange(e.target.checked))} /> {label}
    </label>
  );
}
