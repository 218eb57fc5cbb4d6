import { memo, useState } from "react";
import { clampWeight, type Kernel } from "../model/kernels";
import { KernelBox, Weight } from "./KernelEditor";

type CellProps = { index: number; value: number; disabled: boolean; onChange: (index: number, value: number) => void };

/** A weight the reader edits. What they are typing ("-", "0.") may not be a number yet; it is kept until it is. */
function Cell({ index, value, disabled, onChange }: CellProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <Weight
      index={index}
      value={value}
      disabled={disabled}
      draft={draft}
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
export const EditableKernel = memo(function EditableKernel({ kernel, disabled, onChange }: { kernel: Kernel; disabled: boolean; onChange: (kernel: Kernel) => void }) {
  return (
    <KernelBox>
      {kernel.map((w, i) => (
        <Cell key={i} index={i} value={w} disabled={disabled} onChange={(at, v) => onChange(kernel.map((old, j) => (j === at ? v : old)))} />
      ))}
    </KernelBox>
  );
});
