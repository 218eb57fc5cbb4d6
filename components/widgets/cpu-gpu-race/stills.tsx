// Before the live widget arrives, drawn on the server: the Frame with its controls disabled and the
// backends not yet known.
import { Frame } from "./Frame";
import type { Initial } from "./model/props";
import { initialState } from "./model/state";

/** The chart's box. */
export function StillStage() {
  return (
    <div className="rc-chart rc-chart--still">
      <p>The race runs here once the widget has loaded and you press Start. It needs JavaScript.</p>
    </div>
  );
}

export function Still({ initial }: { initial: Initial }) {
  return (
    <Frame
      question={initial.question}
      running={false}
      ready={false}
      maxSize={initial.maxSize}
      showTable={false}
      status="not loaded yet"
      lanes={initialState().lanes}
      stage={<StillStage />}
      summary="The race loads when you scroll to it. Nothing runs until you press Start."
    />
  );
}
