import { MAX_SIZES } from "../model/flops";

type Props = {
  live: boolean;
  running: boolean;
  /** The backends are known and at least one can run. */
  ready: boolean;
  maxSize: number;
  showTable: boolean;
  /** What runs now, e.g. "WebGL · 512×512", or "idle". */
  status: string;
  onStart: () => void;
  onStop: () => void;
  onMaxSize: (n: number) => void;
  onShowTable: (show: boolean) => void;
};

/** Start / Stop (one button, so keyboard focus stays put), the largest size, the table toggle, and what runs now. */
export function Controls({ live, running, ready, maxSize, showTable, status, onStart, onStop, onMaxSize, onShowTable }: Props) {
  return (
    <div className="widget-playback rc-controls">
      <button type="button" className="widget-button widget-button--primary rc-start" disabled={!live || (!running && !ready)} onClick={running ? onStop : onStart}>
        <span aria-hidden="true" className="widget-glyph">
          {running ? "■" : "▶"}
        </span>
        {running ? "Stop" : "Start the race"}
      </button>
      <label className="widget-select">
        <span>Largest size</span>
        <select value={String(maxSize)} disabled={!live || running} onChange={(e) => onMaxSize(Number(e.target.value))}>
          {MAX_SIZES.map((n) => (
            <option key={n} value={String(n)}>
              {n}×{n}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="widget-button widget-button--quiet" aria-pressed={showTable} disabled={!live} onClick={() => onShowTable(!showTable)}>
        Show as table
      </button>
      <p className="widget-counter rc-status" data-testid="status">
        {status}
      </p>
    </div>
  );
}
