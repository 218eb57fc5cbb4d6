"use client";
// What an entry page with this widget loads up front: a server-rendered still that holds the
// widget's exact place, and an observer that fetches the live widget (D3, and the worker that
// brings TF.js) once the reader scrolls near it.
import { LazyMount } from "../shared/LazyMount";
import { Frame } from "./Frame";
import { configFromPreset, presetById, type VisualizerConfig } from "./state/config";
import { StillStage } from "./stages";

export type Props = { preset?: string } & Partial<VisualizerConfig>;

const noop = () => {};

function Still({ config, question }: { config: VisualizerConfig; question: string }) {
  return (
    <Frame
      config={config}
      question={question}
      live={false}
      playing={false}
      epoch={0}
      backend="not loaded yet"
      summary="The live network loads when you scroll to it. It needs JavaScript."
      stage={<StillStage config={config} />}
      showTable={false}
      onConfig={noop}
      onPlay={noop}
      onPause={noop}
      onStep={noop}
      onReset={noop}
      onShowTable={noop}
    />
  );
}

const loadLive = () => import("./LiveWidget");

export default function LazyWidget({ preset, ...overrides }: Props) {
  const config = configFromPreset(preset, overrides);
  const question = presetById(preset).question;
  return <LazyMount name="layer-visualizer" still={<Still config={config} question={question} />} load={loadLive} props={{ initial: config, question }} />;
}
