import { memo, useState } from "react";
import { clampWeight, WEIGHT_MAX, WEIGHT_MIN, WEIGHT_STEP, type Kernel } from "../model/kernels";

const ROWS = ["top", "middle", "bottom"];
const COLUMNS = ["left", "centre", "right"];

type CellProps = { index: number; value: number; disabled: boolean; onChange: (index: number, value: number) => void };

/** One weight: a number field (arrow keys step it by a quarter), its sign shown by a coloured rule. */
function Cell({ index, value, disabled, onChange }: CellProps) {
  // What the reader is typing ("-", "0.") may not be a number yet; it is kept until it is.
  const [draft, setDraft] = useState<string | null>(null);
  const shown = String(Math.round(value * 10000) / 10000);
  return (
    <input
      type="number"
      className={`cv-weight ${value > 0 ? "cv-weight--pos" : value < 0 ? "cv-weight--neg" : ""}`}
      inputMode="decimal"
      step={WEIGHT_STEP}
      min={WEIGHT_MIN}
      max={WEIGHT_MAX}
      value={draft ?? shown}
      disabled={disabled}
      aria-label={`Weight, ${ROWS[Math.floor(index / 3)]} row, ${COLUMNS[index % 3]}`}
      onChange={(e) => {
        setDraft(e.target.value);
        const n = Number(e.target.value);
        if (e.target.value.trim() !== "" && Number.isFinite(n)) onChange(index, clampWeight(n));
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

/** The reader's 3 × 3 filter: nine editable weights in the filter's own shape. */
export const KernelEditor = memo(function KernelEditor({ kernel, disabled, onChange }: { kernel: Kernel; disabled: boolean; onChange: (kernel: Kernel) => void }) {
  return (
    <fieldset className="cv-kernel">
      <legend>Filter weights</legend>
      <div className="cv-kernel__grid">
        {kernel.map((w, i) => (
          <Cell key={i} index={i} value={w} disabled={disabled} onChange={(at, v) => onChange(kernel.map((old, j) => (j === at ? v : old)))} />
        ))}
      </div>
    </fieldset>
  );
});

/** A small picture of a 3 × 3 slice: purple squares for positive weights, orange for negative. */
export function SliceGlyph({ slice }: { slice: Kernel }) {
  return (
    <svg className="cv-glyph" viewBox="0 0 3 3" aria-hidden="true">
      {slice.map((w, i) => (
        <rect key={i} x={(i % 3) + 0.06} y={Math.floor(i / 3) + 0.06} width={0.88} height={0.88} className={w > 0 ? "cv-glyph--pos" : w < 0 ? "cv-glyph--neg" : "cv-glyph--zero"} />
      ))}
    </svg>
  );
}
