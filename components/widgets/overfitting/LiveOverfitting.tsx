"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useThrottledPublish } from "../shared/useFrameLoop";
import { useSeen } from "../shared/useSeen";
import { useWorker } from "../shared/useWorker";
import { drawData, drawFit } from "./draw/fit";
import { epochSpan } from "./draw/geometry";
import { drawLossAxes, drawLossLines } from "./draw/loss";
import type { FromWorker, ToWorker, TrainingFrame } from "./engine/protocol";
import { Frame } from "./Frame";
import { makeDataset } from "./model/data";
import { describe } from "./model/describe";
import type { Initial } from "./model/props";

type View = { epoch: number; train: number; test: number; numTensors: number };

const createWorker = () => new Worker(new URL("./engine/training.worker.ts", import.meta.url));

/** Step trains this many epochs: one alone would change nothing you could see. */
const STEP_EPOCHS = 50;

const EMPTY: View = { epoch: 0, train: Number.NaN, test: Number.NaN, numTensors: 0 };

export default function LiveOverfitting({ initial }: { initial: Initial }) {
  const [seed, setSeed] = useState(initial.seed);
  const [l2, setL2] = useState(initial.l2);
  const [dropout, setDropout] = useState(initial.dropout);
  const [backend, setBackend] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [wantsToPlay, setWantsToPlay] = useState(false);
  const [runVersion, setRunVersion] = useState(0);
  const [view, setView] = useState<View>(EMPTY);
  const [summary, setSummary] = useState("Loading TF.js…");

  const root = useRef<HTMLDivElement>(null);
  const dataLayer = useRef<SVGGElement>(null);
  const fitLayer = useRef<SVGGElement>(null);
  const axesLayer = useRef<SVGGElement>(null);
  const linesLayer = useRef<SVGGElement>(null);
  const regularizers = useRef({ l2: initial.l2, dropout: initial.dropout });
  const run = useRef(0);
  const latest = useRef<TrainingFrame | null>(null);
  const frameRequest = useRef(0);
  const axesSpan = useRef(-1);

  const data = useMemo(() => makeDataset(seed), [seed]);
  const seen = useSeen(root);
  const running = wantsToPlay && seen && backend !== null && error === null;

  const redraw = useCallback(() => {
    const f = latest.current;
    if (!f) return;
    if (fitLayer.current) drawFit(fitLayer.current, f.curve);
    const span = epochSpan(f.epoch);
    if (axesLayer.current && span !== axesSpan.current) {
      drawLossAxes(axesLayer.current, f.epoch, data.noise ** 2);
      axesSpan.current = span;
    }
    if (linesLayer.current) drawLossLines(linesLayer.current, f.history, f.epoch, f.best);
  }, [data]);

  /** Copies the latest frame into React (counter, probes) and, if asked, the spoken summary. */
  const copy = useCallback((announce: boolean) => {
    const f = latest.current;
    if (!f) return;
    setView({ epoch: f.epoch, train: f.trainLoss, test: f.testLoss, numTensors: f.numTensors });
    if (announce) {
      const done = f.finished ? " Training has stopped: press Play to start again." : "";
      setSummary(describe(f.epoch, f.trainLoss, f.testLoss, f.best?.test ?? f.testLoss) + done);
    }
  }, []);
  const { publish, publishIfDue } = useThrottledPublish(copy);

  const { send } = useWorker<ToWorker, FromWorker>(
    createWorker,
    (message, reply) => {
      switch (message.type) {
        case "ready":
          setBackend(`TF.js · ${message.backend}`);
          return;
        case "error":
          setError(message.message);
          setWantsToPlay(false);
          return;
        case "frame":
          if (message.run !== run.current) return;
          latest.current = message;
          if (message.playing) publishIfDue(message.finished);
          else publish(true);
          if (message.finished) setWantsToPlay(false);
          cancelAnimationFrame(frameRequest.current);
          frameRequest.current = requestAnimationFrame(() => {
            redraw();
            reply({ type: "drawn" });
          });
          return;
      }
    },
    { failure: "The training worker could not start." },
  );

  // The points, drawn on the page from the same seeded data the worker trains on.
  useEffect(() => {
    if (dataLayer.current) drawData(dataLayer.current, data);
  }, [data]);

  // A new run whenever the points change, and on Reset; the regularizers are read as they are then.
  useEffect(() => {
    run.current += 1;
    latest.current = null;
    axesSpan.current = -1;
    send({ type: "start", run: run.current, seed, ...regularizers.current });
  }, [send, seed, runVersion]);

  // Trains while the reader wants it and can see it.
  useEffect(() => {
    send({ type: running ? "play" : "pause" });
  }, [send, running]);

  // The sliders act on the run in progress: the weights carry on from where they are.
  useEffect(() => {
    regularizers.current = { l2, dropout };
    send({ type: "regularize", l2, dropout });
  }, [send, l2, dropout]);

  useEffect(() => () => cancelAnimationFrame(frameRequest.current), []);

  const stop = () => setWantsToPlay(false);
  const status = error ? `Something went wrong: ${error}` : backend ? summary : "Loading TF.js…";

  return (
    <div ref={root}>
      <Frame
        playing={wantsToPlay}
        epoch={view.epoch}
        backend={backend ?? "TF.js · …"}
        summary={status}
        l2={l2}
        dropout={dropout}
        highlight={initial.highlight}
        fit={
          <>
            <g ref={dataLayer} />
            <g ref={fitLayer} />
          </>
        }
        loss={
          <>
            <g ref={axesLayer} />
            <g ref={linesLayer} />
          </>
        }
        probe={{
          "data-epoch": view.epoch,
          "data-train-loss": Number.isFinite(view.train) ? view.train : undefined,
          "data-test-loss": Number.isFinite(view.test) ? view.test : undefined,
          "data-num-tensors": view.numTensors,
          "data-seed": seed,
        }}
        on={{
          onPlay: () => {
            if (latest.current?.finished) setRunVersion((v) => v + 1);
            setWantsToPlay(true);
          },
          // The worker answers both with a frame, which publishes the summary.
          onPause: stop,
          onStep: () => {
            stop();
            send({ type: "step", epochs: STEP_EPOCHS });
          },
          onReset: () => {
            setWantsToPlay(false);
            setRunVersion((v) => v + 1);
          },
          onNewNoise: () => {
            setWantsToPlay(false);
            setSeed((s) => s + 1);
          },
          onL2: setL2,
          onDropout: setDropout,
        }}
      />
    </div>
  );
}
