import type { ReactNode } from "react";
import { LiveSummary, WidgetFigure, type ProbeAttributes } from "../shared/WidgetFigure";
import { Controls, type Handlers } from "./controls/Controls";
import { LANE_STYLE, markerPath } from "./draw/style";
import { BACKEND_INFO, type RaceBackend } from "./model/backends";
import type { Question } from "./model/props";
import { describeLane, laneName, type Lane } from "./model/state";

const QUESTIONS: Record<Question, string> = {
  gpu: "which multiplies big grids of numbers fastest here: plain JavaScript, WebAssembly, or the graphics chip through WebGL?",
  inference: "a model answering you is mostly matrix multiplication. Which of your device's engines would answer fastest?",
};

export type FrameProps = {
  question: Question;
  running: boolean;
  ready: boolean;
  maxSize: number;
  showTable: boolean;
  status: string;
  lanes: Lane[];
  /** The chart or the table, in a box of fixed height. */
  stage: ReactNode;
  summary: string;
  /** Absent in the still: its controls are disabled and it ships no code of its own. */
  on?: Handlers;
  probe?: ProbeAttributes;
};

/** A backend's line pattern and marker, as in the chart. */
export function Key({ id }: { id: RaceBackend }) {
  return (
    <svg className="rc-key" viewBox="0 0 40 14" aria-hidden="true">
      <line className={`rc-key__line rc-lane--${id}`} x1="2" y1="7" x2="38" y2="7" strokeDasharray={LANE_STYLE[id].dash ?? undefined} />
      <path className={`rc-key__marker rc-lane--${id}`} d={markerPath(id, 4.5)} transform="translate(20 7)" />
    </svg>
  );
}

/**
 * The widget's chrome, shared by the server-rendered still and the live widget so the two take
 * exactly the same space: title line, question, controls, the backends, chart, summary, caption.
 */
export function Frame(props: FrameProps) {
  return (
    <WidgetFigure
      name="cpu-gpu-race"
      live={props.on !== undefined}
      className="rc"
      title="CPU versus GPU"
      subtitle="a matrix-multiplication race on your device"
      badge="2n³ operations"
      badgeTitle="Multiplying two n×n matrices takes n³ multiplications and about as many additions"
      probe={props.probe}
      caption={
        <>
          Press Start the race to time matrix multiplications of growing size with each TensorFlow.js backend this browser has, one after another,
          on your own device. Each point is the middle of three timed runs, after one untimed warm-up, with the answer read back each time. Small
          matrices favour the CPU: the graphics chip needs big jobs before its many cores pay for the trip. A slow backend stops once the next size
          would take too long.
        </>
      }
    >
      <p className="rc-question">
        <strong>Predict first:</strong> {QUESTIONS[props.question]}
      </p>
      <Controls running={props.running} ready={props.ready} maxSize={props.maxSize} showTable={props.showTable} status={props.status} on={props.on} />
      <ul className="rc-lanes" aria-label="The backends and how each is doing">
        {props.lanes.map((lane) => (
          <li key={lane.id} className={`rc-lane-row rc-lane-row--${lane.status}`} data-testid={`lane-${lane.id}`} data-status={lane.status}>
            <Key id={lane.id} />
            <span className="rc-lane-row__name">
              <strong>{laneName(lane)}</strong> <span>{lane.software ? "on the CPU" : BACKEND_INFO[lane.id].chip}</span>
            </span>
            <span className="rc-lane-row__text">{describeLane(lane)}</span>
          </li>
        ))}
      </ul>
      <div className="rc-stage">{props.stage}</div>
      <LiveSummary className="rc-summary">{props.summary}</LiveSummary>
    </WidgetFigure>
  );
}
