import type { ChangeEvent, ReactNode } from "react";
import { WEIGHT_MAX, WEIGHT_MIN, WEIGHT_STEP, type Kernel } from "../model/kernels";

const ROWS = ["top", "middle", "bottom"];
const COLUMNS = ["left", "centre", "right"];

type WeightProps = {
  index: number;
  value: number;
  disabled: boolean;
  /** What the reader is typing, when it is not a number yet. */
  draft?: string | null;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur?: () => void;
};

/** One weight: a number field (arrow keys step it by a quarter), its sign shown by a coloured rule. */
export function Weight({ index, value, disabled, draft, onChange, onBlur }: WeightProps) {
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
      onChange={onChange}
      onBlur={onBlur}
    />
  );
}

/** The 3 × 3 filter's box: nine weights in the filter's own shape. */
export function KernelBox({ children }: { children: ReactNode }) {
  return (
    <fieldset className="cv-kernel">
      <legend>Filter weights</legend>
      <div className="cv-kernel__grid">{children}</div>
    </fieldset>
  );
}

/** The filter in the still: its weights, disabled (the editable one is ./EditableKernel). */
export function StillKernel({ kernel }: { kernel: Kernel }) {
  return (
    <KernelBox>
      {kernel.map((w, i) => (
        <Weight key={i} index={i} value={w} disabled />
      ))}
    </KernelBox>
  );
}

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
