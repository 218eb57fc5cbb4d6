import { MAX_SIZES } from "../model/flops";

export type Handlers = {
  onStart: () => void;
  onStop: () => void;
  onMaxSize: (n: number) => void;
  onShowTable: (show: boolean) => void;
};

type Props = {
  running: boolean;
  /** The backends are known and at least one can run. */
  ready: boolean;
  maxSize: number;
  showTable: boolean;
  /** What runs now, e.g. "WebGL · 512×512", or "idle". */
  status: string;
  /** Absent in the still: the controls are disabled. */
  on?: Handlers;
};

/** Start / Stop (one button, so keyboard focus stays put), the largest size, the table toggle, and what runs now. */
export function Controls({ running, ready, maxSize, showTable, status, on }: Props) {
  return (
    <div className="widget-playback rc-controls">
      <button type="button" className="widget-button widget-button--primary rc-start" disabled={!on || (!running && !ready)} onClick={on && (running ? on.onStop : on.onStart)}>
        <span aria-hidden="true" className="widget-glyph">
          {running ? "■" : "▶"}
        </span>
        {running ? "Stop" : "Start the race"}
      </button>
      <label className="widget-select">
        <span>Largest size</span>
        <select value={String(maxSize)} disabled={!on || running} onChange={on && ((e) => on.onMaxSize(Number(e.target.value)))}>
          {MAX_SIZES.map((n) => (
            <option key={n} value={String(n)}>
              {n}×{n}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="widget-button widget-button--quiet" aria-pressed={showTable} disabled={!on} onClick={on && (() => on.onShowTable(!showTable))}>
        Show as table
      </button>
      <p className="widget-counter rc-status" data-testid="status">
        {status}
      </p>
    </div>
  );
}
