"use client";
// What an entry page with this widget loads up front: a server-rendered still that holds the
// widget's exact place, and an observer that fetches the live widget (D3 and the race worker)
// once the reader scrolls near it. TF.js itself loads in the worker, on Start.
import { LazyMount } from "../shared/LazyMount";
import { Frame, type Question } from "./Frame";
import { MAX_SIZES } from "./model/flops";
import { initialState } from "./model/state";

export type Props = {
  /** The question above the race: "gpu" (which chip wins) or "inference" (how fast a model could answer). */
  question?: Question;
  /** The largest matrix size to race: 256, 512 or 1024. */
  maxSize?: number;
};

export type Initial = { question: Question; maxSize: number };

const noop = () => {};
const loadLive = () => import("./LiveCpuGpuRace");

export function initialFrom({ question, maxSize }: Props): Initial {
  return {
    question: question === "inference" ? "inference" : "gpu",
    maxSize: (MAX_SIZES as readonly number[]).includes(maxSize ?? 0) ? maxSize! : 1024,
  };
}

/** The chart's box before the live widget arrives. */
export function StillStage() {
  return (
    <div className="rc-chart rc-chart--still">
      <p>The race runs here once the widget has loaded and you press Start. It needs JavaScript.</p>
    </div>
  );
}

export default function LazyCpuGpuRace(props: Props) {
  const initial = initialFrom(props);
  const still = (
    <Frame
      name="cpu-gpu-race"
      live={false}
      question={initial.question}
      running={false}
      ready={false}
      maxSize={initial.maxSize}
      showTable={false}
      status="not loaded yet"
      lanes={initialState().lanes}
      stage={<StillStage />}
      summary="The race loads when you scroll to it. Nothing runs until you press Start."
      onStart={noop}
      onStop={noop}
      onMaxSize={noop}
      onShowTable={noop}
    />
  );
  return <LazyMount name="cpu-gpu-race" still={still} load={loadLive} props={{ initial }} />;
}
