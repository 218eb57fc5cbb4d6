"use client";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { halt, useFrameLoop, useThrottledPublish } from "../shared/useFrameLoop";
import { useTensorFlow } from "../shared/useTensorFlow";
import { drawContours, drawMinima, fromMap, MAP_SIZE } from "./draw/contours";
import { drawLossPlot } from "./draw/lossPlot";
import { drawRuns, drawStart } from "./draw/runs";
import { Frame } from "./Frame";
import type { Initial } from "./model/props";
import { describeRunner, MAX_STEPS, Race, stepsForFrame, summarize, type OptimizerId } from "./model/race";
import { SURFACES, type Point, type SurfaceId } from "./model/surfaces";
import { useReducedMotion, useSeen } from "../shared/useSeen";

type View = { step: number; numTensors: number; readouts: Record<OptimizerId, string>; losses: Record<OptimizerId, number> };

/** A frame spends at most this long stepping, so drawing still fits in 16.7 ms on a slow phone. */
const STEP_BUDGET_MS = 6;
/** Once TF.js has loaded: the gradients of the ops the surfaces use. */
async function prepare(tf: Parameters<typeof import("./model/gradients").registerSurfaceGradients>[0]) {
  const { registerSurfaceGradients } = await import("./model/gradients");
  registerSurfaceGradients(tf);
}
/** Arrow keys move the start cross-hair by this share of the map (Shift: a fifth of it). */
const KEY_STEP = 0.05;

const EMPTY: View = {
  step: 0,
  numTensors: 0,
  readouts: { sgd: "—", momentum: "—", adam: "—" },
  losses: { sgd: Number.NaN, momentum: Number.NaN, adam: Number.NaN },
};

export default function LiveGradientDescent({ initial }: { initial: Initial }) {
  const [surfaceId, setSurfaceId] = useState<SurfaceId>(initial.surface);
  const [rate, setRate] = useState(initial.rate);
  const surface = SURFACES[surfaceId];
  const [start, setStart] = useState<Point>(() => ({ ...SURFACES[initial.surface].start }));
  const [cursor, setCursor] = useState<Point>(start);
  // TF.js (CPU backend: for two numbers per optimizer nothing is faster), then the gradients.
  const { engine, error } = useTensorFlow(prepare);
  const [wantsToPlay, setWantsToPlay] = useState(false);
  const [view, setView] = useState<View>(EMPTY);
  const [summary, setSummary] = useState("Loading TF.js…");

  const root = useRef<HTMLDivElement>(null);
  const contours = useRef<SVGGElement>(null);
  const minima = useRef<SVGGElement>(null);
  const runs = useRef<SVGGElement>(null);
  const marks = useRef<SVGGElement>(null);
  const plot = useRef<SVGSVGElement>(null);
  const race = useRef<Race | null>(null);
  const pressed = useRef<{ id: number; x: number; y: number } | null>(null);

  const seen = useSeen(root);
  const reducedMotion = useReducedMotion();
  const running = wantsToPlay && seen && engine !== null && error === null;

  /** Copies the race's state into React (the counter, the legend, the probe) and maybe the summary. */
  const copy = useCallback(
    (announce: boolean) => {
      const r = race.current;
      if (!r || !engine) return;
      const readouts = {} as Record<OptimizerId, string>;
      const losses = {} as Record<OptimizerId, number>;
      for (const runner of r.runners) {
        readouts[runner.id] = describeRunner(r.surface, runner);
        losses[runner.id] = runner.losses.at(-1)!;
      }
      setView({ step: r.step, numTensors: engine.tf.memory().numTensors, readouts, losses });
      if (announce) {
        setSummary(summarize(r.surface, r.step, r.runners) + (r.finished ? " · finished" : ""));
      }
    },
    [engine],
  );
  const { publish, publishIfDue } = useThrottledPublish(copy);

  const redraw = useCallback(() => {
    const r = race.current;
    if (!r) return;
    if (runs.current) drawRuns(runs.current, r.surface, r.runners);
    if (plot.current) drawLossPlot(plot.current, r.runners, r.step);
  }, []);

  // The contour map, drawn once per surface.
  useEffect(() => {
    if (contours.current) drawContours(contours.current, surface);
    if (minima.current) drawMinima(minima.current, surface);
  }, [surface]);

  useEffect(() => {
    if (marks.current) drawStart(marks.current, surface, start, cursor);
  }, [surface, start, cursor]);

  // A new race whenever the surface, the start or the learning rate changes (or on Reset).
  useEffect(() => {
    if (!engine) return;
    const r = new Race(engine.tf, SURFACES[surfaceId], start, rate);
    race.current = r;
    redraw();
    publish(true);
    return () => {
      r.dispose();
      if (race.current === r) race.current = null;
    };
  }, [engine, surfaceId, start, rate, redraw, publish]);

  // The animation: a few steps per frame while playing and on screen. It starts again with each new
  // race (made by the effect above, which runs first).
  useFrameLoop(
    running,
    () => {
      const r = race.current;
      if (!r) return false;
      const began = performance.now();
      const wanted = stepsForFrame(r.step);
      for (let i = 0; i < wanted && performance.now() - began < STEP_BUDGET_MS; i++) r.advance(1);
      redraw();
      publishIfDue(r.finished);
      if (r.finished) setWantsToPlay(false);
      return !r.finished;
    },
    `${surfaceId} ${rate} ${start.x} ${start.y}`,
  );

  const restart = useCallback((from: Point) => setStart({ ...from }), []);
  const stop = () => setWantsToPlay(false);

  const drop = (p: Point) => {
    const clamped = { x: Math.max(-surface.extent, Math.min(surface.extent, p.x)), y: Math.max(-surface.extent, Math.min(surface.extent, p.y)) };
    setCursor(clamped);
    restart(clamped);
    // Dropping a start is the reader's own act; still, with reduced motion nothing moves until Play.
    setWantsToPlay(!reducedMotion);
  };

  const pointFromEvent = (e: PointerEvent<HTMLDivElement>) => {
    // The picture itself, inside the frame's border.
    const box = (e.currentTarget.querySelector("svg") ?? e.currentTarget).getBoundingClientRect();
    return fromMap(surface, ((e.clientX - box.left) / box.width) * MAP_SIZE, ((e.clientY - box.top) / box.height) * MAP_SIZE);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!e.isPrimary || e.button > 0) return;
    pressed.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
  };
  // A tap or click drops the start; a drag that turns into scrolling the page does not (the browser cancels it).
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const down = pressed.current;
    pressed.current = null;
    if (!engine || !down || down.id !== e.pointerId || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 12) return;
    drop(pointFromEvent(e));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[e.key];
    if (move) {
      e.preventDefault();
      const d = KEY_STEP * 2 * surface.extent * (e.shiftKey ? 0.2 : 1);
      const clamp = (v: number) => Math.max(-surface.extent, Math.min(surface.extent, v));
      setCursor((c) => ({ x: clamp(c.x + move[0] * d), y: clamp(c.y + move[1] * d) }));
    } else if ((e.key === "Enter" || e.key === " ") && engine) {
      e.preventDefault();
      drop(cursor);
    }
  };

  const map = (
    <div
      className="gd-map"
      tabIndex={0}
      role="application"
      aria-roledescription="loss map"
      aria-label={`${surface.label} loss surface. Arrow keys move the start cross-hair; Enter drops the start there and starts the race.`}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (pressed.current = null)}
      onKeyDown={onKeyDown}
    >
      {/* Two layers: the ground, rasterised once per surface, and the runs, repainted every frame. */}
      <svg viewBox={`0 0 ${MAP_SIZE} ${MAP_SIZE}`} aria-hidden="true">
        <g ref={contours} />
        <g ref={minima} />
      </svg>
      <svg className="gd-map__runs" viewBox={`0 0 ${MAP_SIZE} ${MAP_SIZE}`} aria-hidden="true">
        <g ref={runs} />
        <g ref={marks} />
      </svg>
    </div>
  );

  const status = error ? `Something went wrong: ${error}` : engine ? summary : "Loading TF.js…";

  return (
    <div ref={root}>
      <Frame
        surfaceId={surfaceId}
        rate={rate}
        playing={wantsToPlay}
        step={view.step}
        backend={engine?.backend ?? "loading TF.js…"}
        summary={status}
        readouts={view.readouts}
        map={map}
        plot={<svg ref={plot} className="gd-plot__svg" preserveAspectRatio="none" aria-hidden="true" />}
        probe={{ step: view.step, numTensors: view.numTensors, losses: view.losses, start }}
        on={{
          onSurface: (id) => {
            setWantsToPlay(false);
            setSurfaceId(id);
            setStart({ ...SURFACES[id].start });
            setCursor({ ...SURFACES[id].start });
          },
          onRate: (next) => setRate(next),
          onPlay: () => {
            if (race.current && race.current.step >= MAX_STEPS) restart(start);
            setWantsToPlay(true);
          },
          onPause: () => halt(stop, publish),
          onStep: () =>
            halt(stop, publish, () => {
              const r = race.current;
              if (!r || r.finished) return false;
              r.advance(1);
              redraw();
              return true;
            }),
          onReset: () => {
            setWantsToPlay(false);
            restart(start);
          },
        }}
      />
    </div>
  );
}
