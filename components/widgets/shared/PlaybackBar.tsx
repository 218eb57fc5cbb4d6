import type { ReactNode } from "react";

type Props = {
  playing: boolean;
  disabled: boolean;
  /** What has happened so far, e.g. "Epoch 12" or "Step 40". */
  counter: string;
  counterTestId: string;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  /** Further controls between Reset and the counter (a learning rate, a speed). */
  children?: ReactNode;
};

/** Play / pause, one step, reset, any extra controls, and the counter at the right. */
export function PlaybackBar({ playing, disabled, counter, counterTestId, onPlay, onPause, onStep, onReset, children }: Props) {
  return (
    <div className="widget-playback">
      <button type="button" className="widget-button widget-button--primary" disabled={disabled} onClick={playing ? onPause : onPlay} aria-pressed={playing}>
        <span aria-hidden="true" className="widget-glyph">
          {playing ? "❚❚" : "▶"}
        </span>
        {playing ? "Pause" : "Play"}
      </button>
      <button type="button" className="widget-button" disabled={disabled} onClick={onStep}>
        Step
      </button>
      <button type="button" className="widget-button" disabled={disabled} onClick={onReset}>
        Reset
      </button>
      {children}
      <p className="widget-counter" data-testid={counterTestId}>
        {counter}
      </p>
    </div>
  );
}
