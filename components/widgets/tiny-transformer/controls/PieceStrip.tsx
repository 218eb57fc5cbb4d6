import { memo, type KeyboardEvent } from "react";
import { percent, showPiece } from "../model/view";

export type Chip = {
  piece: string;
  /** The picked piece's weight on this one in the shown head; null when out of view or not yet known. */
  weight: number | null;
  /** Dropped from the start: the model's window holds only the last pieces. */
  out: boolean;
};

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * The prompt's pieces as buttons, one tab stop (the picked piece) and arrow keys along them. Each
 * shows how much weight the picked piece gives it, as a number and as a bar along its foot.
 */
export const PieceStrip = memo(function PieceStrip({ chips, picked, onPick, label }: { chips: Chip[]; picked: number; onPick?: (index: number) => void; label: string }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!onPick || chips.length === 0) return;
    let next: number | null = null;
    if (event.key in STEP) next = picked + STEP[event.key];
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = chips.length - 1;
    if (next === null) return;
    event.preventDefault();
    next = Math.max(0, Math.min(chips.length - 1, next));
    onPick(next);
    event.currentTarget.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
  };
  return (
    // In the still the pieces are disabled, so the strip itself takes the focus: a long prompt
    // scrolls, and a keyboard must be able to scroll it.
    <div className="tt-pieces" role="group" aria-label={label} tabIndex={onPick ? undefined : 0} onKeyDown={onPick && onKeyDown}>
      {chips.map((chip, i) => (
        <button
          key={i}
          type="button"
          data-index={i}
          className={`tt-chip${i === picked ? " tt-chip--picked" : ""}${chip.out ? " tt-chip--out" : ""}`}
          aria-pressed={i === picked}
          tabIndex={i === picked ? 0 : -1}
          disabled={!onPick}
          onClick={onPick && (() => onPick(i))}
        >
          <span className="tt-chip__text">{showPiece(chip.piece)}</span>
          <span className="tt-chip__w">{chip.weight === null ? "—" : percent(chip.weight)}</span>
          <span className="tt-chip__bar" aria-hidden="true" style={{ transform: `scaleX(${chip.weight ?? 0})` }} />
        </button>
      ))}
    </div>
  );
});
