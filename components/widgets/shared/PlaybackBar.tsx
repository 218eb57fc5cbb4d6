import type { ReactNode } from "react";

export type PlaybackHandlers = {
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
};

type Props = {
  playing: boolean;
  /** What has happened so far, e.g. "Epoch 12" or "Step 40". */
  counter: string;
  counterTestId: string;
  /** Absent in the still: the buttons are disabled. */
  on?: PlaybackHandlers;
  /** Further controls between Reset and the counter (a learning rate, a speed). */
  children?: ReactNode;
};

/** Play / pause, one step, reset, any extra controls, and the counter at the right. */
export function PlaybackBar({ playing, counter, counterTestId, on, children }: Props) {
  const disabled = !on;
  return (
    <div className="widget-playback">
      <button type="button" className="widget-button widget-button--primary" disabled={disabled} onClick={on && (playing ? on.onPause : on.onPlay)} aria-pressed={playing}>
        <span aria-hidden="true" className="widget-glyph">
          {playing ? "❚❚" : "▶"}
        </span>
        {playing ? "Pause" : "Play"}
      </button>
      <button type="button" className="widget-button" disabled={disabled} onClick={on?.onStep}>
        Step
      </button>
      <button type="button" className="widget-button" disabled={disabled} onClick={on?.onReset}>
        Reset
      </button>
      {children}
      <p className="widget-counter" data-testid={counterTestId}>
        {counter}
      </p>
    </div>
  );
}
