"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { halt, useFrameLoop, useThrottledPublish } from "../shared/useFrameLoop";
import { useSeen } from "../shared/useSeen";
import { useTensorFlow } from "../shared/useTensorFlow";
import { drawData, drawFit } from "./draw/fit";
import { epochSpan } from "./draw/geometry";
import { drawLossAxes, drawLossLines } from "./draw/loss";
import { Frame } from "./Frame";
import { describe } from "./model/describe";
import { Experiment } from "./model/experiment";
import type { Initial } from "./model/props";

type View = { epoch: number; train: number; test: number; numTensors: number };

/** The network's own starting weights stay the same across new noise, so only the data changes. */
const NET_SEED = 102;
/** A frame spends at most this long training, so drawing still fits in 16.7 ms. */
const TRAIN_BUDGET_MS = 5;
/** … and never more than this many epochs, so a fast machine still tells the story at a readable pace. */
const MAX_EPOCHS_PER_FRAME = 12;
/** Step trains this many epochs: one alone would change nothing you could see. */
const STEP_EPOCHS = 50;
/** Nothing to prepare once TF.js has loaded. */
const prepare = () => undefined;

const EMPTY: View = { epoch: 0, train: Number.NaN, test: Number.NaN, numTensors: 0 };

export default function LiveOverfitting({ initial }: { initial: Initial }) {
  const [seed, setSeed] = useState(initial.seed);
  const [l2, setL2] = useState(initial.l2);
  const [dropout, setDropout] = useState(initial.dropout);
  // TF.js on its CPU backend: for a network this small, nothing is faster (no GPU upload, no WASM call overhead).
  const { engine, error } = useTensorFlow(prepare);
  const [wantsToPlay, setWantsToPlay] = useState(false);
  const [runVersion, setRunVersion] = useState(0);
  const [view, setView] = useState<View>(EMPTY);
  const [summary, setSummary] = useState("Loading TF.js…");

  const root = useRef<HTMLDivElement>(null);
  const dataLayer = useRef<SVGGElement>(null);
  const fitLayer = useRef<SVGGElement>(null);
  const axesLayer = useRef<SVGGElement>(null);
  const linesLayer = useRef<SVGGElement>(null);
  const experiment = useRef<Experiment | null>(null);
  const regularizers = useRef({ l2: initial.l2, dropout: initial.dropout });
  const axesSpan = useRef(-1);

  const seen = useSeen(root);
  const running = wantsToPlay && seen && engine !== null && error === null;

  const redraw = useCallback(() => {
    const e = experiment.current;
    if (!e) return;
    if (fitLayer.current) drawFit(fitLayer.current, e.latest.curve);
    const span = epochSpan(e.epoch);
    if (axesLayer.current && span !== axesSpan.current) {
      drawLossAxes(axesLayer.current, e.epoch, e.data.noise ** 2);
      axesSpan.current = span;
    }
    if (linesLayer.current) drawLossLines(linesLayer.current, e.history, e.epoch, e.bestTest());
  }, []);

  /** Copies the run's state into React (counter, probes) and, if asked, the spoken summary. */
  const copy = useCallback(
    (announce: boolean) => {
      const e = experiment.current;
      if (!e || !engine) return;
      const { epoch, trainLoss, testLoss } = e.latest;
      setView({ epoch, train: trainLoss, test: testLoss, numTensors: engine.tf.memory().numTensors });
      if (announce) {
        const done = e.finished ? " Training has stopped: press Play to start again." : "";
        setSummary(describe(epoch, trainLoss, testLoss, e.bestTest()?.test ?? testLoss) + done);
      }
    },
    [engine],
  );
  const { publish, publishIfDue } = useThrottledPublish(copy);

  // A new run whenever the points change, and on Reset; the regularizers are read as they are then.
  useEffect(() => {
    if (!engine) return;
    const e = new Experiment(engine.tf, { dataSeed: seed, netSeed: NET_SEED, ...regularizers.current });
    experiment.current = e;
    if (dataLayer.current) drawData(dataLayer.current, e.data);
    axesSpan.current = -1;
    redraw();
    publish(true);
    return () => {
      e.dispose();
      if (experiment.current === e) experiment.current = null;
    };
  }, [engine, seed, runVersion, redraw, publish]);

  // The sliders act on the run in progress: the weights carry on from where they are.
  useEffect(() => {
    regularizers.current = { l2, dropout };
    experiment.current?.setRegularizers({ l2, dropout });
  }, [l2, dropout]);

  // The animation: as many epochs as fit the frame's budget, then one measurement and one redraw.
  useFrameLoop(
    running,
    () => {
      const e = experiment.current;
      if (!e) return false;
      const began = performance.now();
      for (let done = 0; done < MAX_EPOCHS_PER_FRAME && !e.finished && performance.now() - began < TRAIN_BUDGET_MS; done++) e.train(1);
      e.measure();
      redraw();
      publishIfDue(e.finished);
      if (e.finished) setWantsToPlay(false);
      return !e.finished;
    },
    `${seed} ${runVersion}`,
  );

  const stop = () => setWantsToPlay(false);
  /** Trains `epochs` more epochs and draws the result; false when the run was already over. */
  const trainAndDraw = (epochs: number) => {
    const e = experiment.current;
    const trained = e?.train(epochs) ?? 0;
    if (trained > 0) e?.measure();
    if (trained > 0) redraw();
    return trained > 0;
  };
  const restart = () => {
    setWantsToPlay(false);
    setRunVersion((v) => v + 1);
  };

  const status = error ? `Something went wrong: ${error}` : engine ? summary : "Loading TF.js…";

  return (
    <div ref={root}>
      <Frame
        playing={wantsToPlay}
        epoch={view.epoch}
        backend={engine?.backend ?? "TF.js · …"}
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
            if (experiment.current?.finished) setRunVersion((v) => v + 1);
            setWantsToPlay(true);
          },
          onPause: () => halt(stop, publish),
          onStep: () => halt(stop, publish, () => trainAndDraw(STEP_EPOCHS)),
          onReset: restart,
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
