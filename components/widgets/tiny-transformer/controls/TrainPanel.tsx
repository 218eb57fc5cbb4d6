import type { ReactNode } from "react";

/**
 * "Train it yourself", closed until the reader opens it: only then does the training worker start
 * (the live widget passes the running panel as `children`). Closed, it takes the same room in the
 * still and the live widget.
 */
export function TrainPanel({ open, onToggle, children }: { open: boolean; onToggle?: (open: boolean) => void; children?: ReactNode }) {
  return (
    <details className="tt-steps tt-train" open={open} onToggle={onToggle && ((e) => onToggle(e.currentTarget.open))}>
      <summary>
        <span className="tt-h">Train it yourself</span> <span className="tt-steps__sub">· from random numbers, on the glossary, this entry or your own text</span>
      </summary>
      {open && children ? children : <p className="tt-table__wait">Training runs in your browser once the widget has loaded.</p>}
    </details>
  );
}
