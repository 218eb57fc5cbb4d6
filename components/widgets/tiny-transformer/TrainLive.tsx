"use client";
// The running "Train it yourself" panel: its own worker, started when the reader opens the panel,
// on the glossary's prose; this entry's prose and the reader's own text are the other choices.
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { appendBounded } from "../shared/lossHistory";
import { PlaybackBar } from "../shared/PlaybackBar";
import { useWorker } from "../shared/useWorker";
import { drawLoss, LOSS_BOX, type LossPoint } from "./draw/loss";
import type { Evaluation, FromTrainer, ToTrainer } from "./engine/trainingProtocol";

const createTrainer = () => new Worker(new URL("./engine/training.worker.ts", import.meta.url));
const SEED = 16;
const HISTORY = 2000;

type Ready = Extract<FromTrainer, { type: "ready" }>;
type Source = "glossary" | "entry" | "own";

const SOURCES: { value: Source; label: string }[] = [
  { value: "glossary", label: "The glossary (about 300 KB to load)" },
  { value: "entry", label: "This entry" },
  { value: "own", label: "Your own text" },
];

/** The entry's own prose from the page: its body's paragraphs, lists and headings, without widgets, maths, tables or sources. */
function entryText(from: Element | null): string {
  const prose = from?.closest("article")?.querySelector(".prose") ?? document.querySelector(".prose");
  if (!prose) return "";
  const copy = prose.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll(".widget-holder, .math-display, .katex, .table-wrap, figure, sup, script, style")) el.remove();
  return [...copy.querySelectorAll("p, h2, li:not(:has(p))")]
    .map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

export function TrainLive() {
  const [source, setSource] = useState<Source>("glossary");
  /** The source the running model learns from (the radio buttons choose the next one). */
  const [learning, setLearning] = useState<Source>("glossary");
  const [ready, setReady] = useState<Ready | null>(null);
  const [playing, setPlaying] = useState(false);
  const [step, setStep] = useState(0);
  const [batch, setBatch] = useState<LossPoint[]>([]);
  const [held, setHeld] = useState<LossPoint[]>([]);
  const [latest, setLatest] = useState<Evaluation | null>(null);
  const [msPerStep, setMsPerStep] = useState<number | null>(null);
  const [numTensors, setNumTensors] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const own = useRef<HTMLTextAreaElement>(null);
  const chart = useRef<SVGSVGElement>(null);
  const ownId = useId();

  const { send } = useWorker<ToTrainer, FromTrainer>(
    createTrainer,
    (m) => {
      if (m.type === "error") {
        setError(m.message);
        setPlaying(false);
      } else if (m.type === "ready") {
        setError(null);
        setReady(m);
        setStep(0);
        setBatch([]);
        setHeld([{ step: 0, loss: m.start.loss }]);
        setLatest(m.start);
      } else if (m.type === "step") {
        setStep(m.step);
        setBatch((b) => appendBounded(b, { step: m.step, loss: m.loss }, HISTORY));
        setMsPerStep(m.ms);
        setNumTensors(m.numTensors);
      } else if (m.type === "evaluation") {
        setLatest(m.evaluation);
        setHeld((h) => appendBounded(m.evaluation.step === 0 ? [] : h, { step: m.evaluation.step, loss: m.evaluation.loss }, HISTORY));
        setNumTensors(m.numTensors);
      } else if (m.type === "paused") setStep(m.step);
    },
    { failure: "Training failed to start" },
  );

  const start = useCallback(() => {
    setPlaying(false);
    setReady(null);
    setError(null);
    setLearning(source);
    send({ type: "pause" });
    if (source === "glossary") send({ type: "start", source, seed: SEED });
    else send({ type: "start", source: "text", text: source === "own" ? (own.current?.value ?? "") : entryText(root.current), seed: SEED });
  }, [source, send]);

  // Start on the glossary when the panel opens.
  useEffect(() => {
    send({ type: "start", source: "glossary", seed: SEED });
  }, [send]);

  useEffect(() => {
    if (chart.current) drawLoss(chart.current, { batch, held, unigram: ready?.unigramLoss ?? null, shipped: ready?.shippedLoss ?? null });
  }, [batch, held, ready]);

  const status = error
    ? `Something went wrong: ${error}`
    : !ready
      ? "Loading TF.js and reading the text…"
      : `Step ${step}: loss ${latest ? latest.loss.toFixed(2) : "—"} on ${learning === "glossary" ? "entries neither model has read" : "the held-back tenth"} (${ready.heldPieces} pieces), lowest ${Math.min(...held.map((h) => h.loss)).toFixed(2)}. Counts only: ${ready.unigramLoss.toFixed(2)}. Shipped model: ${ready.shippedLoss.toFixed(2)}.`;

  return (
    <div className="tt-train__body" ref={root} data-train-step={step} data-train-loss={latest ? latest.loss.toFixed(4) : undefined} data-train-num-tensors={numTensors}>
      <p>
        A model of the same shape starts from random numbers and learns from {learning === "own" ? "your text" : learning === "entry" ? "this entry's text" : "the glossary's entries"}, right here,
        in your browser. Lower loss means better guesses of the next piece.
      </p>
      {learning === "glossary" ? (
        <p>
          Every number starts random except one set: the model already knows how often each piece occurs, so it begins about as good as
          counting. It is measured on eight entries that neither it nor the shipped model has read. Predict first: the shipped model trained for
          18 minutes; how close will two minutes get?
        </p>
      ) : (
        <p>
          One {learning === "own" ? "page" : "entry"} is very little text, and its last tenth is held back to measure on. Watch the held-back loss
          fall, then stop and rise again: the model starts to learn the text by heart, which is called overfitting. {learning === "own" ? "Your text never leaves this device." : ""}
        </p>
      )}
      <fieldset className="tt-train__source">
        <legend>Text to learn from</legend>
        {SOURCES.map(({ value, label }) => (
          <label key={value}>
            <input type="radio" name={`${ownId}-source`} checked={source === value} onChange={() => setSource(value)} /> {label}
          </label>
        ))}
        {source === "own" && (
          <>
            <label htmlFor={ownId} className="tt-visually-hidden">
              Your text to learn from
            </label>
            <textarea id={ownId} ref={own} rows={3} placeholder="Paste a page or two of text." spellCheck={false} />
          </>
        )}
        <button type="button" className="widget-button" onClick={start}>
          Use this text
        </button>
      </fieldset>
      <PlaybackBar
        playing={playing}
        counter={`Step ${step}`}
        counterTestId="tt-train-step"
        on={
          ready && !error
            ? {
                onPlay: () => {
                  setPlaying(true);
                  send({ type: "play" });
                },
                onPause: () => {
                  setPlaying(false);
                  send({ type: "pause" });
                },
                onStep: () => send({ type: "step" }),
                onReset: () => {
                  setPlaying(false);
                  setBatch([]);
                  send({ type: "reset", seed: SEED });
                },
              }
            : undefined
        }
      />
      <svg ref={chart} className="tt-loss" viewBox={`0 0 ${LOSS_BOX.width} ${LOSS_BOX.height}`} role="img" aria-label={`Loss over training steps. ${status}`} />
      <p className="tt-train__status" aria-live="polite">
        {status}
        {msPerStep !== null && ready ? ` ${msPerStep < 1000 ? `${Math.round(msPerStep)} ms` : `${(msPerStep / 1000).toFixed(1)} s`} a step on ${ready.backend}.` : ""}
      </p>
      <p className="tt-train__sample">
        <span>What it writes now, after &ldquo;the&rdquo;:</span> {latest ? latest.sample : "…"}
      </p>
    </div>
  );
}
