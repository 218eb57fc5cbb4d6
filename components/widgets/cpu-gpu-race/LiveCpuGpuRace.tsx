"use client";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { ResultsTable } from "./controls/ResultsTable";
import { drawChart } from "./draw/chart";
import { useWorker } from "../shared/useWorker";
import type { FromWorker, ToWorker } from "./engine/protocol";
import { Frame } from "./Frame";
import { backendsOff } from "./model/backends";
import { sizesUpTo } from "./model/flops";
import type { Initial } from "./model/props";
import { initialState, laneName, reduce, runnable, size, summarize } from "./model/state";

/** A backend stops once the next size would take longer than this per multiplication. */
export const LIMIT_SECONDS = 1;
const createWorker = () => new Worker(new URL("./engine/race.worker.ts", import.meta.url));

/** Stop waits this long for the worker to finish its multiplication before replacing the worker. */
const STOP_GRACE_MS = 1500;

export default function LiveCpuGpuRace({ initial }: { initial: Initial }) {
  const [state, dispatch] = useReducer(reduce, undefined, initialState);
  const [maxSize, setMaxSize] = useState(initial.maxSize);
  const [showTable, setShowTable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sizes = useMemo(() => sizesUpTo(maxSize), [maxSize]);
  const svg = useRef<SVGSVGElement>(null);
  const stopTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const onMessage = useCallback((message: FromWorker) => {
    switch (message.type) {
      case "availability":
        dispatch({ type: "availability", backends: message.backends, off: backendsOff(location.search) });
        return;
      case "error":
        setError(message.message);
        return;
      case "finished":
        clearTimeout(stopTimer.current);
        dispatch(message);
        return;
      default:
        dispatch(message);
    }
  }, []);
  // A Stop the worker did not answer in time replaces it: a long multiplication cannot be interrupted from outside.
  const { send, restart } = useWorker<ToWorker, FromWorker>(createWorker, onMessage, { failure: "The race worker failed to start", hello: { type: "probe" } });

  useEffect(() => () => clearTimeout(stopTimer.current), []);

  const start = () => {
    const backends = runnable(state);
    if (backends.length === 0) return;
    setError(null);
    dispatch({ type: "start" });
    send({ type: "start", backends, sizes, limitSeconds: LIMIT_SECONDS });
  };

  const stop = () => {
    dispatch({ type: "stop" });
    send({ type: "stop" });
    // A multiplication cannot be interrupted: if the worker is deep in a long one, replace it.
    clearTimeout(stopTimer.current);
    stopTimer.current = setTimeout(restart, STOP_GRACE_MS);
  };

  // The chart follows the results, and the box's width.
  useEffect(() => {
    const element = svg.current;
    if (!element || showTable) return;
    const draw = () => drawChart(element, state.lanes, sizes);
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(element);
    return () => observer.disconnect();
  }, [state.lanes, sizes, showTable]);

  const current = state.lanes.find((l) => l.status === "starting" || l.status === "measuring");
  const status = state.running
    ? current
      ? current.status === "measuring"
        ? `${laneName(current)} · ${size(current.measuring ?? 0)}`
        : `starting ${laneName(current)}`
      : "starting…"
    : state.finished
      ? "finished"
      : state.stopped
        ? "stopped"
        : "idle";
  const results = state.lanes.reduce((n, l) => n + l.results.length, 0);
  const ready = runnable(state).length > 0;

  const stage = showTable ? (
    <ResultsTable lanes={state.lanes} sizes={sizes} />
  ) : (
    <svg
      ref={svg}
      className="rc-chart"
      role="img"
      aria-label="GFLOP/s against matrix size for each backend, as a chart. Show as table gives the numbers."
    />
  );

  return (
    <Frame
      question={initial.question}
      running={state.running}
      ready={ready}
      maxSize={maxSize}
      showTable={showTable}
      status={status}
      lanes={state.lanes}
      stage={stage}
      summary={error ? `Something went wrong: ${error}` : summarize(state)}
      on={{ onStart: start, onStop: stop, onMaxSize: setMaxSize, onShowTable: setShowTable }}
      probe={{
        "data-running": String(state.running),
        "data-finished": String(state.finished),
        "data-results": results,
        "data-num-tensors": state.numTensors,
        "data-max-size": maxSize,
        "data-lanes": state.lanes.map((l) => `${l.id}:${l.status}`).join(" "),
        // Every result, for the bench: "cpu 32=0.21 64=0.43;wasm 32=2.4 …" (GFLOP/s at each size).
        "data-rates": state.lanes
          .filter((l) => l.results.length)
          .map((l) => `${l.id} ${l.results.map((p) => `${p.n}=${p.gflops.toPrecision(3)}`).join(" ")}`)
          .join(";"),
      }}
    />
  );
}
