"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { DrawPad } from "./controls/DrawPad";
import { ActivationTable } from "./controls/ActivationTable";
import { drawDigitLayers, drawProbabilities } from "./draw/digits";
import { layoutNetwork, type NodePlace } from "./draw/layout";
import { appendBounded, drawLossChart, type LossPoint } from "./draw/lossChart";
import { renderNetwork, showTrace, updateHeatmaps, updateLinks } from "./draw/network";
import { colourTable } from "../shared/palette";
import { useTheme } from "../shared/useTheme";
import { fromPixel, paintPlane, renderPoints, showTraceMarker } from "./draw/plane";
import { signedScale } from "./draw/scale";
import { BACKENDS, type BackendName } from "../shared/tf";
import type { FromWorker, ToWorker } from "./engine/protocol";
import { GRID, type Snapshot } from "./engine/session";
import { useSeen } from "../shared/useSeen";
import { useWorker } from "../shared/useWorker";
import { Frame } from "./Frame";
import { FEATURE_DISPLAY_RANGE, FEATURE_LABELS } from "./model/features";
import { generateDataset, splitTrainTest } from "./model/datasets";
import { POINT_COUNT, type VisualizerConfig } from "./state/config";
import { configFromQuery, withConfig } from "./state/url";
import { PlaygroundStage } from "./PlaygroundStage";
import type { Initial } from "./model/props";

type Trace = { values: number[][]; at: { x: number; y: number } | null };

const createWorker = () => new Worker(new URL("./engine/training.worker.ts", import.meta.url));

/** Measured on this project's network (see README): the CPU backend wins for networks this small. */
const DEFAULT_BACKEND: BackendName = "cpu";

export default function LiveLayerVisualizer({ initial: { config: initialConfig, question } }: { initial: Initial }) {
  const [config, setConfig] = useState(() => configFromQuery(new URLSearchParams(location.search), initialConfig));
  const [wantsToPlay, setWantsToPlay] = useState(false);
  const [backend, setBackend] = useState("loading TF.js…");
  const [stats, setStats] = useState({ epoch: 0, train: Number.NaN, test: Number.NaN, accuracy: Number.NaN, numTensors: 0 });
  const [summary, setSummary] = useState("Not trained yet. Press Play to start.");
  // A trace belongs to the configuration it was made for: a new one shows none.
  const [traced, setTraced] = useState<{ key: string; trace: Trace } | null>(null);
  // The layers of the latest snapshot, for the activation table in digits mode.
  const [snapshotLayers, setSnapshotLayers] = useState<ArrayLike<number>[] | null>(null);
  const [showTable, setShowTable] = useState(false);
  const [digit, setDigit] = useState<{ shown: number[] | null; label: number | null }>({ shown: null, label: null });
  const [error, setError] = useState<string | null>(null);
  const theme = useTheme();
  const colours = useMemo(() => colourTable(theme), [theme]);

  const root = useRef<HTMLDivElement>(null);
  const net = useRef<HTMLDivElement>(null);
  const plane = useRef<HTMLCanvasElement>(null);
  const points = useRef<SVGSVGElement>(null);
  const loss = useRef<SVGSVGElement>(null);
  const digitLayers = useRef<HTMLDivElement>(null);
  const probabilities = useRef<SVGSVGElement>(null);
  const latest = useRef<Snapshot | null>(null);
  const lossHistory = useRef<LossPoint[]>([]);
  const frame = useRef(0);
  const lastSummary = useRef(0);
  const traceInFlight = useRef(false);
  const digitIndex = useRef(0);
  const running = useRef(false);

  const digits = config.mode === "digits";
  const layerSizes = useMemo(() => (digits ? null : [config.features.length, ...config.hidden, 1]), [digits, config.features.length, config.hidden]);
  const data = useMemo(() => {
    if (digits) return null;
    const all = generateDataset(config.dataset, { count: POINT_COUNT, noise: config.noise, seed: config.seed });
    return splitTrainTest(all, config.trainRatio, config.seed);
  }, [digits, config.dataset, config.noise, config.seed, config.trainRatio]);

  const describeSnapshot = useCallback(
    (s: Snapshot, playing: boolean) => {
      const state = playing ? "" : " · paused";
      if (config.mode === "digits") {
        const probs = Array.from(s.layers.at(-1)!);
        const best = probs.indexOf(Math.max(...probs));
        return `Epoch ${s.epoch} · test accuracy ${(s.testAccuracy * 100).toFixed(1)}% · reads this digit as ${best} (${(probs[best] * 100).toFixed(0)}%)${state}`;
      }
      return `Epoch ${s.epoch} · test loss ${s.testLoss.toFixed(3)} · train loss ${s.trainLoss.toFixed(3)}${state}`;
    },
    [config.mode],
  );

  const draw = useCallback(() => {
    frame.current = 0;
    const s = latest.current;
    if (!s) return;
    if (s.layers.length === (layerSizes?.length ?? 4) && net.current && layerSizes) {
      updateHeatmaps(net.current, s.layers, s.layerSizes, colours, (layer, column) =>
        layer === 0 ? (v) => v / FEATURE_DISPLAY_RANGE[config.features[column]] : layer === s.layerSizes.length - 1 ? signedScale("tanh") : signedScale(config.activation),
      );
      updateLinks(net.current, s.weights, theme);
      if (plane.current && s.output.length) paintPlane(plane.current, s.output, colours);
      if (loss.current) drawLossChart(loss.current, lossHistory.current, 240, 56);
    }
    if (digits && digitLayers.current && probabilities.current) {
      const layers = s.layers.map((l) => Array.from(l));
      drawDigitLayers(digitLayers.current, layers, colours);
      drawProbabilities(probabilities.current, layers.at(-1)!, 220);
    }
  }, [colours, config.activation, config.features, digits, layerSizes, theme]);

  // Showing the test points only changes the drawing: the session keeps training.
  const trainingKey = JSON.stringify({ ...config, showTestData: false });
  const trainingConfig = useMemo(() => JSON.parse(trainingKey) as VisualizerConfig, [trainingKey]);
  const trace = traced?.key === trainingKey ? traced.trace : null;

  const { send } = useWorker<ToWorker, FromWorker>(createWorker, (message, reply) => {
    switch (message.type) {
      case "ready":
        setBackend(`TF.js · ${message.backend}${message.fellBack ? " (fallback)" : ""}`);
        return;
      case "snapshot": {
        const s = message.snapshot;
        if (s.epoch < (lossHistory.current.at(-1)?.epoch ?? 0)) lossHistory.current = [];
        if (s.epoch > 0 && s.epoch !== lossHistory.current.at(-1)?.epoch) lossHistory.current = appendBounded(lossHistory.current, { epoch: s.epoch, train: s.trainLoss, test: s.testLoss });
        latest.current = s;
        if (digits) setSnapshotLayers(s.layers);
        setStats({ epoch: s.epoch, train: s.trainLoss, test: s.testLoss, accuracy: s.testAccuracy, numTensors: s.numTensors });
        const now = performance.now();
        if (!message.playing || now - lastSummary.current > 1000) {
          lastSummary.current = now;
          setSummary(describeSnapshot(s, message.playing));
        }
        if (!frame.current) {
          frame.current = requestAnimationFrame(() => {
            draw();
            reply({ type: "drawn" });
          });
        }
        return;
      }
      case "trace":
        traceInFlight.current = false;
        setTraced({ key: trainingKey, trace: { values: message.values, at: message.at } });
        return;
      case "digit":
        setDigit({ shown: message.pixels, label: message.label });
        return;
      case "error":
        setError(message.message);
        return;
    }
  }, { failure: "The training worker failed to start" });


  // A new configuration: rebuild the session in the worker.
  useEffect(() => {
    const wanted = new URLSearchParams(location.search).get("lv-backend") as BackendName | null;
    send({ type: "configure", config: trainingConfig, backend: wanted && BACKENDS.includes(wanted) ? wanted : DEFAULT_BACKEND });
    lossHistory.current = [];
  }, [trainingConfig, send]);

  useEffect(() => {
    window.history.replaceState(window.history.state, "", withConfig(location.href, config));
  }, [config]);

  // Training pauses while the widget is off screen or the tab is hidden, and resumes if the reader had it playing.
  const seen = useSeen(root);
  const run = wantsToPlay && seen;
  useEffect(() => {
    if (run === running.current) return;
    running.current = run;
    send({ type: run ? "play" : "pause" });
  }, [run, send]);

  // Lay the network out again whenever its shape or the room it has changes.
  useEffect(() => {
    const element = net.current;
    if (!element || !layerSizes) return;
    const labelFor = (n: NodePlace) =>
      n.layer === 0 ? `Input ${FEATURE_LABELS[config.features[n.index]]}` : n.layer === layerSizes.length - 1 ? "Output neuron" : `Layer ${n.layer}, neuron ${n.index + 1}`;
    const relayout = () => {
      renderNetwork(element, layoutNetwork(layerSizes, element.clientWidth, element.clientHeight), GRID, labelFor);
      draw();
    };
    relayout();
    const observer = new ResizeObserver(relayout);
    observer.observe(element);
    return () => observer.disconnect();
  }, [layerSizes, config.features, draw]);

  useEffect(() => {
    if (points.current && data) renderPoints(points.current, 240, data, config.showTestData);
  }, [data, config.showTestData]);

  useEffect(() => {
    if (!net.current) return;
    showTrace(net.current, trace?.values ?? null);
    if (points.current) showTraceMarker(points.current, 240, trace?.at ?? null);
  }, [trace]);

  useEffect(() => {
    if (showTable && !digits && !trace) send({ type: "trace", x: 0, y: 0 });
  }, [showTable, digits, trace, send]);

  const traceAt = (x: number, y: number) => {
    if (traceInFlight.current) return;
    traceInFlight.current = true;
    send({ type: "trace", x: Math.max(-1, Math.min(1, x)), y: Math.max(-1, Math.min(1, y)) });
  };

  const stage = digits ? (
    <>
      <DrawPad
        shown={digit.shown}
        label={digit.label}
        onDraw={(cells) => {
          setDigit({ shown: null, label: null });
          send({ type: "probe", pixels: cells });
        }}
        onPick={(delta) => {
          digitIndex.current += delta;
          send({ type: "pick-digit", index: digitIndex.current });
        }}
      />
      <div className="lv-dlayers" ref={digitLayers} />
      <div className="lv-probs">
        <p className="lv-dlayer__name">Probability of each digit</p>
        <svg ref={probabilities} role="img" aria-label="Bars for the probability the network gives each digit, 0 to 9" />
      </div>
    </>
  ) : (
    <PlaygroundStage
      losses={{ train: stats.train, test: stats.test }}
      showTestData={config.showTestData}
      onShowTestData={(show) => setConfig((current) => ({ ...current, showTestData: show }))}
      refs={{ net, plane, points, loss }}
      handlers={{
        onPlanePointer: (e) => {
          const box = e.currentTarget.getBoundingClientRect();
          traceAt(fromPixel(e.clientX - box.left, box.width), -fromPixel(e.clientY - box.top, box.height));
        },
        onPlaneLeave: (e) => {
          if (e.pointerType === "mouse") setTraced(null);
        },
        onPlaneKey: (e) => {
          const step = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, 0.1], ArrowDown: [0, -0.1] }[e.key];
          if (!step) return;
          e.preventDefault();
          const at = trace?.at ?? { x: 0, y: 0 };
          traceInFlight.current = false;
          traceAt(at.x + step[0], at.y + step[1]);
        },
      }}
    />
  );

  const tableLayers = digits ? snapshotLayers?.map((l) => Array.from(l)) : trace?.values;

  return (
    <div ref={root}>
      <Frame
        config={config}
        question={question}
        playing={wantsToPlay}
        epoch={stats.epoch}
        backend={backend}
        summary={error ? `Something went wrong: ${error}` : summary}
        stage={stage}
        showTable={showTable}
        probe={{ epoch: stats.epoch, testLoss: stats.test, testAccuracy: stats.accuracy, numTensors: stats.numTensors }}
        table={
          <ActivationTable
            layers={tableLayers ?? []}
            mode={config.mode}
            at={trace?.at ?? null}
            losses={{ epoch: stats.epoch, train: stats.train, test: stats.test, accuracy: stats.accuracy }}
            inputLabels={digits ? null : config.features.map((f) => FEATURE_LABELS[f])}
          />
        }
        on={{
          onConfig: (next) => {
            setError(null);
            setConfig(next);
          },
          onShowTable: setShowTable,
          onPlay: () => setWantsToPlay(true),
          onPause: () => setWantsToPlay(false),
          onStep: () => {
            setWantsToPlay(false);
            running.current = false;
            send({ type: "step" });
          },
          onReset: () => {
            lossHistory.current = [];
            send({ type: "reset" });
          },
        }}
      />
    </div>
  );
}
