type Props = {
  playing: boolean;
  disabled: boolean;
  epoch: number;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
};

/** Play / pause, one step, reset, and the epoch counter. */
export function PlaybackBar({ playing, disabled, epoch, onPlay, onPause, onStep, onReset }: Props) {
  return (
    <div className="lv-playback">
      <button type="button" className="lv-button lv-button--primary" disabled={disabled} onClick={playing ? onPause : onPlay} aria-pressed={playing}>
        <span aria-hidden="true" className="lv-glyph">
          {playing ? "❚❚" : "▶"}
        </span>
        {playing ? "Pause" : "Play"}
      </button>
      <button type="button" className="lv-button" disabled={disabled} onClick={onStep}>
        Step
      </button>
      <button type="button" className="lv-button" disabled={disabled} onClick={onReset}>
        Reset
      </button>
      <p className="lv-epoch" data-testid="epoch">
        Epoch {epoch}
      </p>
    </div>
  );
}
