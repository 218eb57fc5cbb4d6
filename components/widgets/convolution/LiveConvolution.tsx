"use client";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { decodeDigits, DIGIT_PIXELS, DIGITS_URL, type DigitsData } from "../shared/digits";
import { colourTable } from "../shared/palette";
import { useTensorFlow, type Engine } from "../shared/useTensorFlow";
import { useTheme } from "../shared/useTheme";
import { EditableKernel } from "./controls/EditableKernel";
import { drawWindow, paintInk, paintSigned, peakOf } from "./draw/paint";
import { Frame, type Slot } from "./Frame";
import { describeSource, fmt, summarize, type Source } from "./model/describe";
import { blankImage, SIZE, stamp, strokeLine, upsampleDigit, type Image } from "./model/image";
import { LAYER2, presetOf, PRESETS, type FilterId, type Kernel } from "./model/kernels";
import { EdgesToShapes, POOLED, type Result } from "./model/network";
import type { Initial } from "./model/props";

type Cell = { r: number; c: number };

/** The picture's label: "a handwritten 7", "your drawing", "an empty pad". */
const shortSource = (s: Source) => (s.kind === "digit" ? `a handwritten ${s.label}` : describeSource(s).replace(/^An /, "an ").replace(/^Your/, "your"));
const clampCell = (v: number) => Math.max(0, Math.min(SIZE - 1, v));
const ARROWS: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

type Loaded = { net: EdgesToShapes; digits: DigitsData };

/** Once TF.js has loaded: the digits and the two fixed layers. */
async function prepare(tf: Engine<Loaded>["tf"]): Promise<Loaded> {
  const response = await fetch(DIGITS_URL);
  if (!response.ok) throw new Error(`Could not load the digits (${response.status})`);
  const digits = decodeDigits(await response.arrayBuffer());
  return { net: new EdgesToShapes(tf), digits };
}
const dispose = ({ net }: Loaded) => net.dispose();

export default function LiveConvolution({ initial }: { initial: Initial }) {
  const theme = useTheme();
  const colours = useMemo(() => colourTable(theme), [theme]);
  // TF.js on the CPU backend (for 24 × 24 pictures nothing is faster), then the digits.
  const { engine, error } = useTensorFlow(prepare, dispose);
  const digits = engine?.extra.digits ?? null;
  // The picture: a real digit (the entry's first, then Previous and Next), or the reader's drawing.
  const first = useMemo(() => (digits ? Math.max(0, Array.from(digits.labels).indexOf(initial.digit)) : null), [digits, initial.digit]);
  const [picked, setPicked] = useState<number | null>(null);
  const [drawing, setDrawing] = useState<{ empty: boolean } | null>(null);
  const sample = picked ?? first;
  const source = useMemo<Source>(
    () =>
      drawing || sample === null || !digits
        ? { kind: "drawing", empty: drawing?.empty ?? true }
        : { kind: "digit", label: digits.labels[sample], sample, count: digits.count },
    [drawing, sample, digits],
  );
  const [kernel, setKernel] = useState<Kernel>(PRESETS[initial.filter].kernel);
  const [filter, setFilter] = useState<FilterId>(initial.filter);
  const [shape, setShape] = useState(initial.shape);
  const [cell, setCell] = useState<Cell>({ r: 12, c: 12 });
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const [version, setVersion] = useState(0);
  // What the last run shows: its summary, and the filtered map the readout reads (render reads state, not the result ref).
  const [view, setView] = useState<{ summary: string; numTensors: number; filtered: Result["filtered"] | null }>({
    summary: "Loading TF.js and the digits…",
    numTensors: 0,
    filtered: null,
  });

  const image = useRef<Image>(blankImage());
  const result = useRef<Result | null>(null);
  const slots = useRef(new Map<Slot, HTMLCanvasElement | SVGSVGElement>());
  const slotRefs = useRef(new Map<Slot, (el: HTMLCanvasElement | SVGSVGElement | null) => void>());
  const last = useRef<[number, number] | null>(null);
  const pending = useRef(0);
  const placed = useRef(false);

  const slot = useCallback((name: Slot) => {
    let ref = slotRefs.current.get(name);
    if (!ref) {
      ref = (el) => (el ? slots.current.set(name, el) : slots.current.delete(name));
      slotRefs.current.set(name, ref);
    }
    return ref;
  }, []);
  const canvas = (name: Slot) => slots.current.get(name) as HTMLCanvasElement | undefined;
  const overlay = (name: Slot) => slots.current.get(name) as SVGSVGElement | undefined;

  // Run both layers and the reader's filter whenever the picture or the filter changes.
  useEffect(() => {
    if (!engine) return;
    // The first run shows the entry's digit.
    if (!placed.current && digits && first !== null) image.current = upsampleDigit(digits.pixels.subarray(first * DIGIT_PIXELS, (first + 1) * DIGIT_PIXELS));
    const r = engine.extra.net.run(image.current, kernel);
    result.current = r;
    // The window starts where the first filter answers most strongly.
    if (!placed.current) {
      placed.current = true;
      let best = 0;
      r.filtered.forEach((v, i) => Math.abs(v) > Math.abs(r.filtered[best]) && (best = i));
      setCell({ r: Math.floor(best / SIZE), c: best % SIZE });
    }
    const empty = image.current.every((v) => v === 0);
    setView({
      summary: summarize(source.kind === "drawing" ? { kind: "drawing", empty } : source, filter, r.filtered, r.shapes),
      numTensors: engine.tf.memory().numTensors,
      filtered: r.filtered,
    });
  }, [engine, digits, first, kernel, version, source, filter]);

  // Paint: the maps after every run, and again when the theme or the chosen shape changes.
  useEffect(() => {
    const r = result.current;
    if (!engine || !r) return;
    const picture = canvas("picture");
    if (picture) paintInk(picture, image.current, SIZE, theme);
    const filtered = canvas("filtered");
    if (filtered) paintSigned(filtered, r.filtered, SIZE, colours, Math.max(1, peakOf([r.filtered])));
    r.edges.forEach((map, i) => {
      const c = canvas(`edge-${i}`);
      if (c) paintSigned(c, map, SIZE, colours, 1);
    });
    const shapeScale = Math.max(0.5, peakOf(r.shapes));
    r.shapes.forEach((map, i) => {
      const c = canvas(`shape-${i}`);
      if (c) paintSigned(c, map, POOLED, colours, shapeScale);
    });
    const sumScale = Math.max(0.5, peakOf(r.partials[shape]));
    r.partials[shape].forEach((map, i) => {
      const c = canvas(`partial-${i}`);
      if (c) paintSigned(c, map, POOLED, colours, sumScale);
    });
    const res = canvas("result");
    if (res) paintSigned(res, r.shapes[shape], POOLED, colours, sumScale);
  }, [engine, view, theme, colours, shape]);

  // The window on the picture and its one pixel on the map.
  useEffect(() => {
    const p = overlay("picture-overlay");
    const f = overlay("filtered-overlay");
    if (p) drawWindow(p, SIZE, cell.r, cell.c, 3, cursor);
    if (f) drawWindow(f, SIZE, cell.r, cell.c, 1, null);
  }, [cell, cursor, engine]);

  const redraw = useCallback(() => {
    if (pending.current) return;
    pending.current = requestAnimationFrame(() => {
      pending.current = 0;
      setVersion((v) => v + 1);
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(pending.current), []);

  const showSample = (index: number) => {
    if (!digits) return;
    const i = (index + digits.count) % digits.count;
    image.current = upsampleDigit(digits.pixels.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS));
    setPicked(i);
    setDrawing(null);
    setVersion((v) => v + 1);
  };

  const inkStarted = () => {
    if (source.kind !== "drawing") setDrawing({ empty: false });
  };

  const padPoint = (e: PointerEvent<HTMLDivElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - box.left) / box.width) * SIZE, ((e.clientY - box.top) / box.height) * SIZE];
  };

  const pad = {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      if (!engine || !e.isPrimary || e.button > 0) return;
      e.preventDefault();
      e.currentTarget.setPointerCapture(e.pointerId);
      e.currentTarget.focus({ preventScroll: true });
      const p = padPoint(e);
      last.current = p;
      setCursor(null);
      inkStarted();
      if (stamp(image.current, p[0], p[1])) redraw();
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      if (!last.current || !e.currentTarget.hasPointerCapture(e.pointerId)) return;
      const p = padPoint(e);
      if (strokeLine(image.current, last.current, p)) redraw();
      last.current = p;
    },
    onPointerUp: () => {
      last.current = null;
    },
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
      if (!engine) return;
      const at = cursor ?? [SIZE / 2, SIZE / 2];
      const move = ARROWS[e.key];
      if (move) {
        e.preventDefault();
        const next: [number, number] = [Math.max(0.5, Math.min(SIZE - 0.5, at[0] + move[0])), Math.max(0.5, Math.min(SIZE - 0.5, at[1] + move[1]))];
        setCursor(next);
        // Shift + arrow draws a line as it goes.
        if (e.shiftKey) {
          inkStarted();
          if (strokeLine(image.current, at, next)) redraw();
        }
      } else if (e.key === " " || e.key === "Enter") {
        e.preventDefault();
        setCursor(at);
        inkStarted();
        if (stamp(image.current, at[0], at[1])) redraw();
      }
    },
  };

  const inspectAt = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const r = clampCell(Math.floor(((e.clientY - box.top) / box.height) * SIZE));
    const c = clampCell(Math.floor(((e.clientX - box.left) / box.width) * SIZE));
    // Most moves stay inside one pixel: nothing to re-render then.
    setCell((old) => (old.r === r && old.c === c ? old : { r, c }));
  };
  const inspect = {
    onPointerMove: inspectAt,
    onPointerDown: inspectAt,
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
      const move = ARROWS[e.key];
      if (!move) return;
      e.preventDefault();
      const step = e.shiftKey ? 4 : 1;
      setCell((c) => ({ r: clampCell(c.r + move[1] * step), c: clampCell(c.c + move[0] * step) }));
    },
  };

  const onKernel = useCallback((k: Kernel) => {
    setKernel(k);
    setFilter(presetOf(k));
  }, []);

  const filtered = view.filtered;
  const value = filtered ? filtered[cell.r * SIZE + cell.c] : 0;
  const readout = filtered ? `Window at row ${cell.r + 1}, column ${cell.c + 1}: weights × pixels, added up: ${fmt(value)}` : "…";
  const summary = error ? `Something went wrong: ${error}` : view.summary;

  return (
    <Frame
      ready={engine !== null}
      badge={engine?.backend ?? "loading TF.js…"}
      source={engine ? shortSource(source) : "loading…"}
      filter={filter}
      kernel={kernel}
      kernelEditor={<EditableKernel kernel={kernel} disabled={engine === null} onChange={onKernel} />}
      shape={shape}
      readout={readout}
      summary={summary}
      slot={slot}
      pad={pad}
      inspect={inspect}
      probe={{
        "data-num-tensors": view.numTensors,
        "data-filter": filter,
        "data-shape": LAYER2[shape].id,
        "data-sample": sample ?? undefined,
        "data-source": source.kind,
        "data-window": `${cell.r},${cell.c}`,
        "data-value": filtered ? value.toFixed(4) : undefined,
        "data-version": version,
      }}
      on={{
        onPrevious: () => showSample((sample ?? 0) - 1),
        onNext: () => showSample((sample ?? -1) + 1),
        onClear: () => {
          image.current = blankImage();
          setDrawing({ empty: true });
          setVersion((v) => v + 1);
        },
        onFilter: (id) => {
          setFilter(id);
          if (id !== "custom") setKernel(PRESETS[id].kernel);
        },
        onShape: setShape,
      }}
    />
  );
}
