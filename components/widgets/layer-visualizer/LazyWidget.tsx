"use client";
// What an entry page with this widget loads up front: a server-rendered still that holds the
// widget's exact place, and an observer that fetches the live widget (D3, and the worker that
// brings TF.js) once the reader scrolls near it.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { Frame } from "./Frame";
import { configFromPreset, presetById, type VisualizerConfig } from "./state/config";
import { StillStage } from "./stages";
import "../widget.css";
import "./layer-visualizer.css";

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

const Live = dynamic(() => import("./LiveWidget"), { ssr: false });

export default function LazyWidget({ preset, ...overrides }: Props) {
  const config = configFromPreset(preset, overrides);
  const question = presetById(preset).question;
  const holder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: "400px 0px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={holder} className="widget-holder">
      {near ? <LiveOrStill config={config} question={question} /> : <Still config={config} question={question} />}
    </div>
  );
}

/** Keeps the still on screen until the live widget's code has arrived, so nothing jumps. */
function LiveOrStill({ config, question }: { config: VisualizerConfig; question: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void import("./LiveWidget").then(() => !cancelled && setReady(true));
    return () => {
      cancelled = true;
    };
  }, []);
  return ready ? <Live initial={config} question={question} /> : <Still config={config} question={question} />;
}
