import { memo, type ReactNode, type Ref } from "react";
import { LiveSummary, WidgetFigure } from "../shared/WidgetFigure";
import { Examples, IdsToggle, WindowSelect } from "./controls/Controls";
import { MAX_CHARACTERS, type PresetId } from "./model/presets";
import { formatNumber, tokensPerWord, type Counts } from "./model/stats";

export type Handlers = {
  /** A keystroke in the text box (read the box through textRef). */
  onText: () => void;
  onPreset: (id: PresetId) => void;
  onWindow: (tokens: number) => void;
  onShowIds: (show: boolean) => void;
};

export type FrameProps = {
  /** The vocabulary has loaded in the worker and the first text has been tokenized. */
  ready: boolean;
  /**
   * The text the box starts with. The box is uncontrolled: React writing a long text back into a
   * controlled textarea on every keystroke costs tens of milliseconds once the text is long.
   */
  initialText: string;
  textRef?: Ref<HTMLTextAreaElement>;
  preset: PresetId | null;
  windowTokens: number;
  showIds: boolean;
  counts: Counts | null;
  /** The chips (drawn by D3 into the element this node holds). */
  tokens: ReactNode;
  /** What the selected chip is, or how to select one. */
  detail: string;
  /** The context-window gauge and its reading. */
  gauge: ReactNode;
  gaugeReading: string;
  summary: string;
  /** Absent in the still: its controls are disabled and it ships no code of its own. */
  on?: Handlers;
  /** Machine-readable state for tests and benchmarks (data-* attributes on the root). */
  probe?: { tokens: number; characters: number; busy: boolean; encodeMs: number | null };
};

/**
 * The text box, uncontrolled and memoised: React re-renders it never after it mounts, because every
 * re-render of a textarea writes its defaultValue back into the DOM — a 47,000-character text node
 * replaced, and laid out, on each update.
 */
const TextBox = memo(function TextBox({ initialText, textRef, onText }: { initialText: string; textRef?: Ref<HTMLTextAreaElement>; onText?: () => void }) {
  return (
    <label className="tk-input">
      <span className="tk-input__label">Your text</span>
      <textarea
        ref={textRef}
        defaultValue={initialText}
        onChange={onText}
        disabled={!onText}
        readOnly={!onText}
        maxLength={MAX_CHARACTERS}
        rows={4}
        spellCheck={false}
        autoComplete="off"
      />
    </label>
  );
});

function Count({ label, value }: { label: string; value: string }) {
  return (
    <div className="tk-count">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * The widget's chrome, shared by the server-rendered still and the live widget so the two take
 * exactly the same space: title line, examples, text box, counts, chips, gauge, summary, caption.
 */
export function Frame(props: FrameProps) {
  const { on, counts } = props;
  const perWord = counts ? tokensPerWord(counts) : null;
  const dash = "—";
  return (
    <WidgetFigure
      name="tokenizer"
      live={on !== undefined}
      className={`tk${props.showIds ? "" : " tk--no-ids"}`}
      title="Tokeniser"
      subtitle="your text as GPT-4 reads it"
      badge="cl100k_base"
      badgeTitle="The vocabulary doing the splitting: cl100k_base, used by GPT-3.5 and GPT-4"
      probe={{
        "data-ready": props.ready ? "true" : "false",
        "data-tokens": props.probe?.tokens,
        "data-characters": props.probe?.characters,
        "data-busy": props.probe ? String(props.probe.busy) : undefined,
        "data-encode-ms": props.probe?.encodeMs ?? undefined,
      }}
      caption={
        <>
          Type or paste anything, or try an example. Each chip is one token of GPT-4&rsquo;s vocabulary (cl100k_base, about 100,000 pieces of
          text), tinted in turn so you can see where one ends and the next begins; the number under it is the ID the model receives. A dot marks
          a space and ↵ a new line; a dashed chip holds part of a character split over several tokens. Point at or focus a chip to see every
          other use of the same token.
        </>
      }
    >
      <Examples current={props.preset} onPick={on?.onPreset} />
      <TextBox initialText={props.initialText} textRef={props.textRef} onText={on?.onText} />
      <dl className="tk-counts">
        <Count label="Characters" value={counts ? formatNumber(counts.characters) : dash} />
        <Count label="Words" value={counts ? formatNumber(counts.words) : dash} />
        <Count label="Tokens" value={counts ? formatNumber(counts.tokens) : dash} />
        <Count label="Tokens per word" value={perWord === null ? dash : perWord.toFixed(2)} />
      </dl>
      <div className="tk-tokens-head">
        <p className="tk-tokens-head__title">Tokens</p>
        <IdsToggle checked={props.showIds} onChange={on?.onShowIds} />
      </div>
      {props.tokens}
      <p className="tk-detail">{props.detail}</p>
      <div className="tk-gauge">
        <WindowSelect value={props.windowTokens} onChange={on?.onWindow} />
        {props.gauge}
        <p className="tk-gauge__reading">{props.gaugeReading}</p>
      </div>
      <LiveSummary className="tk-summary">{props.summary}</LiveSummary>
    </WidgetFigure>
  );
}

type TokensAreaProps = {
  still?: boolean;
  /** Shown in place of the chips until the first text has been tokenized. */
  waiting?: string | null;
  chips?: Ref<HTMLDivElement>;
  /** Shown under the chips when only the first ones are drawn. */
  more?: string | null;
  onPointerOver?: (event: React.PointerEvent<HTMLDivElement>) => void;
  onPointerDown?: (event: React.PointerEvent<HTMLDivElement>) => void;
  onFocus?: (event: React.FocusEvent<HTMLDivElement>) => void;
  onKeyDown?: (event: React.KeyboardEvent<HTMLDivElement>) => void;
};

/** The scrolling box of chips: fixed height, so the still and the live widget take the same room. */
export function TokensArea({ still, waiting, chips, more, ...handlers }: TokensAreaProps) {
  return (
    <div className="tk-chips">
      {still ? (
        <p className="tk-chips__waiting">The chips appear here when the widget has loaded.</p>
      ) : (
        <>
          {waiting && <p className="tk-chips__waiting">{waiting}</p>}
          <div className="tk-chips__list" role="group" aria-label="Tokens: use the arrow keys to move between them" ref={chips} {...handlers} />
          {more && <p className="tk-chips__more">{more}</p>}
        </>
      )}
    </div>
  );
}

/** The context-window gauge's SVG (drawn by D3 in the live widget; an empty track in the still). */
export function GaugeSvg({ svg }: { svg?: Ref<SVGSVGElement> }) {
  return (
    <svg ref={svg} className="tk-gauge__bar" viewBox="0 0 1000 16" preserveAspectRatio="none" aria-hidden="true">
      <rect className="tk-gauge__track" width="1000" height="16" />
      {[250, 500, 750].map((x) => (
        <line key={x} className="tk-gauge__tick" x1={x} x2={x} y1={0} y2={16} />
      ))}
    </svg>
  );
}
