"use client";
import vocabJson from "@/public/widgets/tiny-transformer/vocab.json";
import { startTransition, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { colourTable, type Theme } from "../shared/palette";
import { createRng } from "../shared/rng";
import { useTheme } from "../shared/useTheme";
import { useWorker } from "../shared/useWorker";
import { MapTable } from "./controls/MapTable";
import { StepThrough, type StepView } from "./controls/StepThrough";
import { TrainPanel } from "./controls/TrainPanel";
import { TrainLive } from "./TrainLive";
import { barRows, paintBars } from "./draw/bars";
import { canvasStyle, noteCanvasSize, type CanvasStyle } from "./draw/canvas";
import { paintAttention } from "./draw/cells";
import { drawMapOverlay, MAP_BOX, mapLabels, paintMap, rowAt } from "./draw/map";
import { measureSquares, paintThumbs, type Square } from "./draw/thumbs";
import type { FromWorker, Inspection, ToWorker } from "./engine/protocol";
import { BarsCanvas, Frame, MapBox, Thumbs } from "./Frame";
import { clampTemperature, HEADS, LAYERS, type Initial } from "./model/props";
import { samplePiece } from "./model/sampling";
import { stepThrough, strongestIndex } from "./model/steps";
import { Tokenizer, type VocabJson } from "./model/tokenizer";
import { stateFromQuery, withState } from "./model/url";
import { attentionRow, lookSentence, nextBars, percent, settingsText, showPiece, summaryText } from "./model/view";

const createWorker = () => new Worker(new URL("./engine/inspect.worker.ts", import.meta.url));

/** The shipped model reads at most this many pieces (its manifest's context). */
const CONTEXT = 64;
/** Generate stops adding pieces here: the box would hold more than a reader can follow. */
const MAX_PIECES = 160;
/** Play waits at least this long between pieces, so a reader can watch each one arrive. */
const PLAY_GAP_MS = 180;
/** The address follows the widget's state after this pause. */
const URL_DELAY_MS = 400;
const SEED = 1;

const tokenizer = new Tokenizer(vocabJson as VocabJson);

type Ready = { backend: string; parameters: number };
/** What one look asks of the worker, and the piece the reader sees picked (index into all pieces). */
type Request = { ids: number[]; position: number | null; layer: number; head: number; pickedIndex: number };
/** How many of `count` pieces fall off the start of the model's window. */
const droppedOf = (count: number) => Math.max(0, count - CONTEXT);

export default function LiveTinyTransformer({ initial }: { initial: Initial }) {
  const [start] = useState(() => stateFromQuery(new URLSearchParams(location.search), initial));
  const [ids, setIds] = useState(() => tokenizer.encode(start.prompt));
  /** The picked piece (index into all pieces), or null to follow the last piece. */
  const [picked, setPicked] = useState<number | null>(start.piece);
  const [layer, setLayer] = useState(start.layer);
  const [head, setHead] = useState(start.head);
  const [temperature, setTemperature] = useState(start.temperature);
  const [topK, setTopK] = useState(start.topK);
  const [result, setResult] = useState<Inspection | null>(null);
  /** The request `result` answers: the answer is fresh when it is the request of this render. */
  const [answered, setAnswered] = useState<Request | null>(null);
  const [ready, setReady] = useState<Ready | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [generated, setGenerated] = useState(0);
  const [tableOpen, setTableOpen] = useState(false);
  const [stepsOpen, setStepsOpen] = useState(false);
  const [trainOpen, setTrainOpen] = useState(false);
  /** The piece whose key and value the step-through writes out; null: the one weighted most. */
  const [keyPiece, setKeyPiece] = useState<number | null>(null);

  const box = useRef<HTMLTextAreaElement>(null);
  const mapCanvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<SVGSVGElement>(null);
  const barsCanvas = useRef<HTMLCanvasElement>(null);
  const thumbsCanvas = useRef<HTMLCanvasElement>(null);
  const thumbSquares = useRef<Square[]>([]);
  /** Detached canvases the maps' cells are painted into at one pixel per cell, then scaled up. */
  const [cells] = useState(() => ({ map: document.createElement("canvas"), thumb: document.createElement("canvas") }));
  const seq = useRef(0);
  /** Requests sent and not yet answered, by sequence number. */
  const sent = useRef(new Map<number, Request>());
  const rng = useRef(createRng(SEED));
  const patternId = `tt-mask-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const theme = useTheme();
  const colours = useMemo(() => colourTable(theme), [theme]);
  /** Bumped when a canvas must be painted again though its data has not changed: resized, or the font arrived. */
  const [repaints, setRepaints] = useState(0);
  const styleRead = useRef<{ theme: Theme; style: CanvasStyle } | null>(null);
  const styleOf = useCallback(
    (canvas: HTMLCanvasElement) => {
      if (styleRead.current?.theme !== theme) styleRead.current = { theme, style: canvasStyle(canvas) };
      return styleRead.current.style;
    },
    [theme],
  );
  const repaint = useCallback(() => setRepaints((n) => n + 1), []);
  useEffect(() => {
    // A canvas painted before the page's monospace font arrived keeps the fallback: paint again then.
    void document.fonts.ready.then(repaint);
    const observer = new ResizeObserver((entries) => {
      for (const { target, contentRect } of entries) {
        noteCanvasSize(target as HTMLCanvasElement, contentRect.width, contentRect.height);
        if (target === thumbsCanvas.current) thumbSquares.current = measureSquares(thumbsCanvas.current);
      }
      repaint();
    });
    for (const canvas of [mapCanvas.current, barsCanvas.current, thumbsCanvas.current]) if (canvas) observer.observe(canvas);
    return () => observer.disconnect();
  }, [repaint]);

  const { send } = useWorker<ToWorker, FromWorker>(
    createWorker,
    (message) => {
      if (message.type === "ready") setReady({ backend: message.backend, parameters: message.parameters });
      else if (message.type === "error") setError(message.message);
      else {
        setResult(message);
        setAnswered(sent.current.get(message.seq) ?? null);
        for (const id of sent.current.keys()) if (id <= message.seq) sent.current.delete(id);
        setError(null);
      }
    },
    { failure: "The model failed to start" },
  );

  // One object per distinct request: a keystroke renders once, then the answer renders once.
  const request = useMemo((): Request => {
    const dropped = droppedOf(ids.length);
    const pickedIndex = picked !== null && picked < ids.length ? picked : ids.length - 1;
    const position = picked === null || picked >= ids.length ? null : Math.max(0, pickedIndex - dropped);
    return { ids, position, layer, head, pickedIndex };
  }, [ids, picked, layer, head]);
  useEffect(() => {
    if (request.ids.length === 0) return;
    const id = ++seq.current;
    sent.current.set(id, request);
    const { ids, position, layer, head } = request;
    send({ type: "inspect", seq: id, ids, position, layer, head });
  }, [request, send]);

  // A keystroke changes nothing on the page until its answer comes back, so its render (which only
  // sends the request) need not run inside the input event: a transition lets the key's own frame go
  // first. The widget says it is busy at once, as that render would have.
  const onText = useCallback(() => {
    const ids = tokenizer.encode(box.current?.value ?? "");
    const figure = box.current?.closest<HTMLElement>("[data-widget]");
    if (figure) figure.dataset.busy = "true";
    startTransition(() => {
      setIds(ids);
      setPicked(null);
    });
  }, []);

  const fresh = result !== null && answered === request;
  // The pieces, the sentence and the summary show the request the maps answer, so a keystroke
  // changes nothing on the page until its answer draws everything at once (one layout, not two).
  // An empty prompt asks nothing, so it shows at once.
  const shown = request.ids.length > 0 && result !== null && answered !== null && error === null ? answered : request;
  const shownIds = shown.ids;
  const dropped = droppedOf(shownIds.length);
  const pickedIndex = shown.pickedIndex;
  const pickedOut = pickedIndex < dropped;
  // A piece the reader picks is marked at once, so quick arrow keys step from it, not from the answer.
  const stripPicked = picked === null ? pickedIndex : request.pickedIndex;
  const size = result?.ids.length ?? 0;
  const windowLabels = useMemo(() => (result ? result.ids.map((id) => tokenizer.pieceText(id)) : []), [result]);
  const headIndex = layer * HEADS + head;
  const map = useMemo(() => (result ? result.attention.subarray(headIndex * size * size, (headIndex + 1) * size * size) : null), [result, headIndex, size]);
  const row = useMemo(() => (result && map ? attentionRow(map, size, result.position) : null), [result, map, size]);
  const { bars, probs } = useMemo(() => (result ? nextBars(result.logits, tokenizer.pieces, temperature, topK) : { bars: [], probs: null }), [result, temperature, topK]);

  // The maps: every head small, the shown head large with its labels; and the bars.
  useEffect(() => {
    const canvas = thumbsCanvas.current;
    if (!result || !canvas) return;
    paintThumbs(canvas, { maps: result.attention, size: result.ids.length, squares: thumbSquares.current, colours, theme, scratch: cells.thumb });
  }, [result, colours, theme, cells, repaints]);
  useEffect(() => {
    const canvas = mapCanvas.current;
    if (!result || !map || !canvas || !overlay.current) return;
    paintAttention(cells.map, map, size, colours, theme);
    canvas.dataset.rows = String(paintMap(canvas, cells.map, mapLabels(windowLabels.map(showPiece), result.position), styleOf(canvas)));
    drawMapOverlay(overlay.current, { size, position: result.position, patternId });
  }, [result, map, size, colours, theme, patternId, cells, windowLabels, styleOf, repaints]);
  useEffect(() => {
    const canvas = barsCanvas.current;
    if (!canvas) return;
    paintBars(canvas, barRows(bars), styleOf(canvas));
    canvas.dataset.bars = String(bars.length);
  }, [bars, styleOf, repaints]);

  // The address follows the state, after a pause.
  const promptText = useMemo(() => tokenizer.decode(ids), [ids]);
  useEffect(() => {
    const timer = setTimeout(() => {
      const state = { prompt: promptText.trim(), layer, head, temperature, topK, piece: picked };
      window.history.replaceState(window.history.state, "", withState(location.href, { ...state, prompt: state.prompt || initial.prompt }, initial));
    }, URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [promptText, layer, head, temperature, topK, picked, initial]);

  const generate = useCallback(() => {
    if (!probs || !fresh || ids.length >= MAX_PIECES) return false;
    const next = [...ids, samplePiece(probs, rng.current)];
    if (box.current) box.current.value = tokenizer.decode(next);
    setIds(next);
    setPicked(null);
    setGenerated((n) => n + 1);
    return true;
  }, [probs, fresh, ids]);

  // Play: one piece after each fresh answer, no faster than PLAY_GAP_MS.
  const lastPlayed = useRef(0);
  useEffect(() => {
    if (!playing || !fresh) return;
    const wait = Math.max(0, lastPlayed.current + PLAY_GAP_MS - performance.now());
    const timer = setTimeout(() => {
      lastPlayed.current = performance.now();
      if (!generate()) setPlaying(false);
    }, wait);
    return () => clearTimeout(timer);
  }, [playing, fresh, generate]);

  const reset = () => {
    setPlaying(false);
    if (box.current) box.current.value = initial.prompt;
    setIds(tokenizer.encode(initial.prompt));
    setPicked(null);
    setGenerated(0);
    rng.current = createRng(SEED);
  };

  const pick = useCallback((index: number) => setPicked(index), []);
  const onTemperature = useCallback((t: number) => setTemperature(clampTemperature(t)), []);
  const onHead = useCallback((l: number, h: number) => {
    setLayer(l);
    setHead(h);
  }, []);

  // The step-through of the shown head, for the picked piece (worked out only while it is open).
  const stepView = useMemo((): StepView | null => {
    if (!stepsOpen || !result || result.layer !== layer || result.head !== head) return null;
    const numbers = { query: result.step.query, keys: result.step.keys, values: result.step.values };
    const steps = stepThrough(numbers, result.position);
    const key = keyPiece !== null && keyPiece <= result.position ? keyPiece : strongestIndex(steps.weights);
    return { layer, head, labels: windowLabels, steps, numbers, key };
  }, [stepsOpen, result, layer, head, keyPiece, windowLabels]);

  const onMapPointer = (event: React.PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const r = rowAt(((event.clientX - rect.left) / rect.width) * MAP_BOX, ((event.clientY - rect.top) / rect.height) * MAP_BOX, size);
    if (r !== null && result) setPicked(result.dropped + r);
  };

  const chips = useMemo(
    () =>
      shownIds.map((id, i) => ({
        piece: tokenizer.pieceText(id),
        out: i < dropped,
        weight: row && i >= dropped && i - dropped < row.length && !pickedOut ? row[i - dropped] : null,
      })),
    [shownIds, dropped, row, pickedOut],
  );

  const look = error
    ? `Something went wrong: ${error}`
    : shownIds.length === 0
      ? "Type a prompt to see its pieces."
      : pickedOut
        ? `“${showPiece(tokenizer.pieceText(shownIds[pickedIndex]))}” is out of view: the model reads only the last ${CONTEXT} pieces.`
        : result && row
          ? lookSentence(windowLabels, result.position, row)
          : "Loading the model (about 200 KB)…";

  const summary = error
    ? `Something went wrong: ${error}`
    : !result
      ? "Loading the model…"
      : shownIds.length === 0
        ? "No prompt yet."
        : summaryText({ pieces: shownIds.length, windowed: size, layer, head, look, best: bars[0] });

  const mapLabel = result
    ? `Attention map, layer ${layer + 1}, head ${head + 1}: ${size} pieces. ${look} The table below lists every weight.`
    : `Attention map, layer ${layer + 1}, head ${head + 1}: loading.`;
  const barsLabel = bars.length
    ? `Next piece at ${settingsText(temperature, topK)}: ${bars
        .filter((b) => b.p > 0)
        .slice(0, 5)
        .map((b) => `“${showPiece(b.piece)}” ${percent(b.p)}`)
        .join(", ")}.`
    : "The next-piece probabilities appear here once the model has loaded.";

  return (
    <Frame
      badge={ready ? `TF.js · ${ready.backend}` : "loading TF.js…"}
      initialText={start.prompt}
      textRef={box}
      chips={chips}
      picked={stripPicked}
      look={look}
      layer={layer}
      head={head}
      layers={LAYERS}
      heads={HEADS}
      map={<MapBox canvas={mapCanvas} overlay={overlay} patternId={patternId} onPointerDown={onMapPointer} label={mapLabel} />}
      thumbs={
        <Thumbs
          layers={LAYERS}
          heads={HEADS}
          layer={layer}
          head={head}
          canvas={thumbsCanvas}
          onHead={onHead}
        />
      }
      table={<MapTable open={tableOpen} onToggle={setTableOpen} labels={result ? windowLabels : null} map={map} caption={`Attention weights, layer ${layer + 1}, head ${head + 1}: rows look, columns are looked at`} />}
      bars={<BarsCanvas canvas={barsCanvas} label={barsLabel} />}
      temperature={temperature}
      topK={topK}
      playing={playing}
      generated={`${generated} generated`}
      summary={summary}
      probe={{
        "data-ready": result ? "true" : "false",
        "data-busy": fresh ? "false" : "true",
        "data-pieces": ids.length,
        "data-position": result?.position,
        "data-inspect-ms": result ? Math.round(result.ms * 10) / 10 : undefined,
        "data-num-tensors": result?.numTensors,
        "data-generated": generated,
        "data-top-piece": bars[0] ? bars[0].piece : undefined,
        "data-top-p": bars[0] ? bars[0].p.toFixed(4) : undefined,
      }}
      on={{
        onText,
        onPick: pick,
        onHead,
        onTemperature,
        onTopK: setTopK,
        onGenerate: () => void generate(),
        onPlay: () => {
          lastPlayed.current = 0;
          setPlaying(true);
        },
        onPause: () => setPlaying(false),
        onReset: reset,
      }}
    >
      <StepThrough view={stepView} open={stepsOpen} onToggle={setStepsOpen} onKey={setKeyPiece} />
      <TrainPanel open={trainOpen} onToggle={setTrainOpen}>
        <TrainLive />
      </TrainPanel>
    </Frame>
  );
}
