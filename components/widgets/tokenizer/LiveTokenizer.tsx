"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { drawChips, markSelection } from "./draw/chips";
import { drawGauge } from "./draw/gauge";
import { useWorker } from "../shared/useWorker";
import type { FromWorker, Result, ToWorker } from "./engine/protocol";
import { Frame, GaugeSvg, TokensArea } from "./Frame";
import { MAX_CHIPS, PRESETS, presetById } from "./model/presets";
import type { Initial } from "./model/props";
import { formatNumber, formatPercent, summarize, windowFill } from "./model/stats";

/** Typing waits this long for a pause before the text is tokenized again. */
export const DEBOUNCE_MS = 120;
/** How many new chips one frame draws when a whole new text arrives. */
const CHIPS_PER_FRAME = 60;

const createWorker = () => new Worker(new URL("./engine/tokenizer.worker.ts", import.meta.url));

const HINT = "Point at a token, or focus one and use the arrow keys, to see its details.";

export default function LiveTokenizer({ initial: { preset, windowTokens: initialWindow } }: { initial: Initial }) {
  /** The text last handed to the tokenizer (the box itself is uncontrolled; see Frame). */
  const [text, setText] = useState(() => presetById(preset).text);
  /** Keys have been pressed and the pause that sends the text has not come yet. */
  const [typing, setTyping] = useState(false);
  const [windowTokens, setWindowTokens] = useState(initialWindow);
  const [showIds, setShowIds] = useState(true);
  const [result, setResult] = useState<Result | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pendingSeq, setPendingSeq] = useState(1);

  const [initialText] = useState(text);
  const box = useRef<HTMLTextAreaElement>(null);
  const chips = useRef<HTMLDivElement>(null);
  const gauge = useRef<SVGSVGElement>(null);
  const seq = useRef(0);
  const pause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typingNow = useRef(false);

  const { send } = useWorker<ToWorker, FromWorker>(
    createWorker,
    (message) => {
      if (message.type === "ready") setReady(true);
      else if (message.type === "error") setError(message.message);
      else {
        // Results come back in order; one for text since replaced is still worth showing meanwhile.
        setResult(message);
        setError(null);
      }
    },
    { failure: "The tokeniser failed to start" },
  );

  useEffect(() => {
    const id = ++seq.current;
    setPendingSeq(id);
    send({ type: "encode", seq: id, text, limit: MAX_CHIPS });
  }, [text, send]);

  useEffect(() => () => clearTimeout(pause.current), []);

  /**
   * Every keystroke only restarts the pause timer: the page renders once when typing starts and once
   * when it pauses, then the worker takes the text. A long text never costs a render per key.
   */
  const onInput = useCallback(() => {
    clearTimeout(pause.current);
    if (!typingNow.current) {
      typingNow.current = true;
      setTyping(true);
    }
    pause.current = setTimeout(() => {
      typingNow.current = false;
      setTyping(false);
      setText(box.current?.value ?? "");
    }, DEBOUNCE_MS);
  }, []);

  const tokens = useMemo(() => result?.tokens ?? [], [result]);
  const total = result?.counts.tokens ?? 0;
  const busy = typing || result === null || result.seq !== pendingSeq;
  const tokenCount = result?.counts.tokens;
  const fill = useMemo(() => (tokenCount === undefined ? null : windowFill(tokenCount, windowTokens)), [tokenCount, windowTokens]);

  // A selection or tab stop past the end of a shorter text falls back to the start.
  const selectedNow = selected !== null && selected < tokens.length ? selected : null;
  const focusNow = focusIndex < tokens.length ? focusIndex : 0;

  // The marks the chip drawing below reads in later frames; set before that effect runs.
  const marks = useRef({ selected: selectedNow, focus: focusNow });
  useEffect(() => {
    marks.current = { selected: selectedNow, focus: focusNow };
  });

  // An edit changes a chip or two and is drawn at once. A new text (an example, a paste) needs
  // hundreds of new chips: those are drawn a slice per frame, so no frame waits for all of them.
  useEffect(() => {
    const root = chips.current;
    if (!root) return;
    const fresh = tokens.length - root.querySelectorAll(":scope > .tk-chip").length;
    let shown = fresh > CHIPS_PER_FRAME ? CHIPS_PER_FRAME : tokens.length;
    let frame = 0;
    const draw = () => {
      drawChips(root, shown < tokens.length ? tokens.slice(0, shown) : tokens);
      markSelection(root, tokens, marks.current.selected, marks.current.focus);
      if (shown >= tokens.length) return;
      shown += CHIPS_PER_FRAME;
      frame = requestAnimationFrame(draw);
    };
    draw();
    return () => cancelAnimationFrame(frame);
  }, [tokens]);

  useEffect(() => {
    if (chips.current) markSelection(chips.current, tokens, selectedNow, focusNow);
  }, [tokens, selectedNow, focusNow]);

  useEffect(() => {
    if (gauge.current) drawGauge(gauge.current, fill);
  }, [fill]);

  const indexOf = (target: EventTarget | null) => {
    const chip = target instanceof Element ? target.closest<HTMLElement>(".tk-chip") : null;
    return chip ? Number(chip.dataset.index) : null;
  };

  const select = useCallback((index: number | null) => {
    if (index === null) return;
    setSelected(index);
    setFocusIndex(index);
  }, []);

  const moveFocus = (index: number) => {
    const next = Math.max(0, Math.min(tokens.length - 1, index));
    select(next);
    chips.current?.querySelector<HTMLElement>(`.tk-chip[data-index="${next}"]`)?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const at = indexOf(event.target);
    if (at === null) return;
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, PageDown: 20, PageUp: -20 };
    if (event.key in step) moveFocus(at + step[event.key]);
    else if (event.key === "Home") moveFocus(0);
    else if (event.key === "End") moveFocus(tokens.length - 1);
    else return;
    event.preventDefault();
  };

  const token = selectedNow === null ? null : tokens[selectedNow];
  const uses = token ? tokens.reduce((n, t) => n + (t.id === token.id ? 1 : 0), 0) : 0;
  const detail = token
    ? [
        `Token ${formatNumber(selectedNow! + 1)} of ${formatNumber(total)}`,
        `ID ${token.id}`,
        `${token.bytes} ${token.bytes === 1 ? "byte" : "bytes"}`,
        token.partial ? "part of a split character" : null,
        uses > 1 ? `used ${uses} times` : null,
      ]
        .filter(Boolean)
        .join(" · ")
    : HINT;

  const summary = error
    ? `Something went wrong: ${error}`
    : result
      ? summarize(result.counts, windowTokens)
      : ready
        ? "Tokenising…"
        : "Loading the vocabulary (about 450 KB)…";

  const gaugeReading = fill
    ? `${formatNumber(result!.counts.tokens)} of ${formatNumber(windowTokens)} tokens · ${formatPercent(fill.ratio)}${fill.fits ? ` · ${formatNumber(fill.left)} left` : ` · ${formatNumber(fill.over)} too many: the start would be cut`}`
    : "—";

  const more = result && total > tokens.length ? `Showing the first ${formatNumber(tokens.length)} of ${formatNumber(total)} tokens; the counts cover them all.` : null;
  const current = PRESETS.find((p) => p.text === text)?.id ?? null;

  return (
    <Frame
      ready={ready && result !== null}
      initialText={initialText}
      textRef={box}
      preset={current}
      windowTokens={windowTokens}
      showIds={showIds}
      counts={result?.counts ?? null}
      tokens={
        <TokensArea
          chips={chips}
          waiting={result ? null : "Loading GPT-4’s vocabulary…"}
          more={more}
          onPointerOver={(e) => e.pointerType === "mouse" && select(indexOf(e.target))}
          onPointerDown={(e) => select(indexOf(e.target))}
          onFocus={(e) => select(indexOf(e.target))}
          onKeyDown={onKeyDown}
        />
      }
      detail={detail}
      gauge={<GaugeSvg svg={gauge} />}
      gaugeReading={gaugeReading}
      summary={summary}
      probe={{ tokens: total, characters: result?.counts.characters ?? 0, busy, encodeMs: result ? Math.round(result.ms * 10) / 10 : null }}
      on={{
        onText: onInput,
        onPreset: (id) => {
          const next = presetById(id).text;
          clearTimeout(pause.current);
          typingNow.current = false;
          setTyping(false);
          if (box.current) box.current.value = next;
          setText(next);
        },
        onWindow: setWindowTokens,
        onShowIds: setShowIds,
      }}
    />
  );
}
