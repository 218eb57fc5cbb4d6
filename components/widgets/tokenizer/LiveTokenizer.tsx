"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { drawChips, markSelection } from "./draw/chips";
import { drawGauge } from "./draw/gauge";
import type { FromWorker, Result } from "./engine/protocol";
import { useTokenizerWorker } from "./engine/useTokenizerWorker";
import { Frame } from "./Frame";
import { MAX_CHIPS, PRESETS, presetById, type PresetId } from "./model/presets";
import { formatNumber, formatPercent, summarize, windowFill } from "./model/stats";
import { GaugeSvg, TokensArea } from "./stages";

/** Typing waits this long for a pause before the text is tokenized again. */
export const DEBOUNCE_MS = 120;

const HINT = "Point at a token, or focus one and use the arrow keys, to see its details.";

export default function LiveTokenizer({ preset, windowTokens: initialWindow }: { preset: PresetId; windowTokens: number }) {
  const [text, setText] = useState(() => presetById(preset).text);
  const [windowTokens, setWindowTokens] = useState(initialWindow);
  const [showIds, setShowIds] = useState(true);
  const [result, setResult] = useState<Result | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pendingSeq, setPendingSeq] = useState(1);

  const chips = useRef<HTMLDivElement>(null);
  const gauge = useRef<SVGSVGElement>(null);
  const seq = useRef(0);
  /** The next text goes to the worker at once (an example was picked), not after the typing pause. */
  const immediate = useRef(true);

  const send = useTokenizerWorker((message: FromWorker) => {
    switch (message.type) {
      case "ready":
        setReady(true);
        return;
      case "result":
        // Results come back in order; one for text since replaced is still worth showing meanwhile.
        setResult(message);
        setError(null);
        return;
      case "error":
        setError(message.message);
        return;
    }
  });

  useEffect(() => {
    const id = ++seq.current;
    setPendingSeq(id);
    const delay = immediate.current ? 0 : DEBOUNCE_MS;
    immediate.current = false;
    const timer = setTimeout(() => send({ type: "encode", seq: id, text, limit: MAX_CHIPS }), delay);
    return () => clearTimeout(timer);
  }, [text, send]);

  const tokens = useMemo(() => result?.tokens ?? [], [result]);
  const total = result?.counts.tokens ?? 0;
  const busy = result === null || result.seq !== pendingSeq;
  const fill = result ? windowFill(result.counts.tokens, windowTokens) : null;

  // A selection or tab stop past the end of a shorter text falls back to the start.
  const selectedNow = selected !== null && selected < tokens.length ? selected : null;
  const focusNow = focusIndex < tokens.length ? focusIndex : 0;

  useEffect(() => {
    if (chips.current) drawChips(chips.current, tokens, focusNow);
    // A moved tab stop alone is applied by markSelection below, without redrawing every chip.
  }, [tokens]);

  useEffect(() => {
    if (chips.current) markSelection(chips.current, tokens, selectedNow, focusNow);
  }, [tokens, selectedNow, focusNow]);

  useEffect(() => {
    if (gauge.current) drawGauge(gauge.current, fill);
  }, [fill?.ratio, fill?.fits]);

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
        ? "Tokenizing…"
        : "Loading the vocabulary (about 450 KB)…";

  const gaugeReading = fill
    ? `${formatNumber(result!.counts.tokens)} of ${formatNumber(windowTokens)} tokens · ${formatPercent(fill.ratio)}${fill.fits ? ` · ${formatNumber(fill.left)} left` : ` · ${formatNumber(fill.over)} too many: the start would be cut`}`
    : "—";

  const more = result && total > tokens.length ? `Showing the first ${formatNumber(tokens.length)} of ${formatNumber(total)} tokens; the counts cover them all.` : null;
  const current = PRESETS.find((p) => p.text === text)?.id ?? null;

  return (
    <Frame
      live
      ready={ready && result !== null}
      text={text}
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
      onText={setText}
      onPreset={(id) => {
        const next = presetById(id).text;
        if (next === text) return;
        immediate.current = true;
        setText(next);
      }}
      onWindow={setWindowTokens}
      onShowIds={setShowIds}
    />
  );
}
