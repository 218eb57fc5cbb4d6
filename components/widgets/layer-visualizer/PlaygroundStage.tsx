import type { Ref } from "react";
import { Toggle } from "../shared/Toggle";
import { OUTPUT_GRID } from "./engine/session";

export type PlaygroundRefs = {
  net: Ref<HTMLDivElement>;
  plane: Ref<HTMLCanvasElement>;
  points: Ref<SVGSVGElement>;
  loss: Ref<SVGSVGElement>;
};

/** Tracing a point through the network by pointer or keyboard on the output plane. */
export type PlaneHandlers = {
  onPlanePointer: (event: React.PointerEvent<HTMLDivElement>) => void;
  onPlaneLeave: (event: React.PointerEvent<HTMLDivElement>) => void;
  onPlaneKey: (event: React.KeyboardEvent<HTMLDivElement>) => void;
};

export function LossReadout({ train, test }: { train: number; test: number }) {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : "—");
  return (
    <p className="lv-losses__numbers">
      <span className="lv-key lv-key--train">Train loss {f(train)}</span> <span className="lv-key lv-key--test">Test loss {f(test)}</span>
    </p>
  );
}

/** Like TensorFlow Playground's: test points are hidden unless asked for, so they never cover the output's colours. */
export function ShowTestData({ checked, onChange }: { checked: boolean; onChange?: (show: boolean) => void }) {
  return <Toggle className="lv-toggle lv-toggle--plane" label="Show test data" checked={checked} onChange={onChange} />;
}

/** The playground picture: the network on the left, the output plane and loss curve beside it. */
export function PlaygroundStage({
  refs: { net, plane, points, loss },
  handlers,
  losses,
  showTestData,
  onShowTestData,
}: {
  refs: PlaygroundRefs;
  handlers: PlaneHandlers;
  losses: { train: number; test: number };
  showTestData: boolean;
  onShowTestData: (show: boolean) => void;
}) {
  return (
    <>
      <div className="lv-net" ref={net} />
      <div className="lv-side">
        <div className="lv-plane-box">
          <div
            className="lv-plane"
            tabIndex={0}
            role="img"
            aria-label="Output of the network over the input plane, with the data points. Move over it, or use the arrow keys, to trace one point through every layer."
            onPointerMove={handlers.onPlanePointer}
            onPointerDown={handlers.onPlanePointer}
            onPointerLeave={handlers.onPlaneLeave}
            onKeyDown={handlers.onPlaneKey}
          >
            <canvas ref={plane} width={OUTPUT_GRID} height={OUTPUT_GRID} aria-hidden="true" />
            <svg ref={points} aria-hidden="true" />
          </div>
          <ShowTestData checked={showTestData} onChange={onShowTestData} />
        </div>
        <div className="lv-losses">
          <LossReadout train={losses.train} test={losses.test} />
          <svg ref={loss} className="lv-losses__chart" aria-hidden="true" preserveAspectRatio="none" />
        </div>
      </div>
    </>
  );
}
