import type { Ref } from "react";
import { layoutNetwork } from "./draw/layout";
import { OUTPUT_GRID } from "./engine/session";
import type { VisualizerConfig } from "./state/config";
import { DIGITS_HIDDEN } from "./state/config";

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
  return (
    <label className="lv-toggle lv-toggle--plane">
      <input type="checkbox" checked={checked} disabled={!onChange} onChange={(e) => onChange?.(e.target.checked)} /> Show test data
    </label>
  );
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

/** Before any JavaScript: the same boxes, with the network drawn as plain circles and lines. */
export function StillStage({ config }: { config: VisualizerConfig }) {
  if (config.mode === "digits") {
    return (
      <>
        <div className="lv-pad">
          <div className="lv-pad__canvas lv-still-box" />
        </div>
        <div className="lv-dlayers">
          {[64, ...DIGITS_HIDDEN].map((n, i) => (
            <div className="lv-dlayer" key={i}>
              <p className="lv-dlayer__name">{i === 0 ? "Input · 8×8 ink" : `Layer ${i} · ${n} neurons`}</p>
              <div className="lv-dlayer__cells">
                {Array.from({ length: n }, (_, j) => (
                  <span key={j} />
                ))}
              </div>
            </div>
          ))}
        </div>
        <div className="lv-probs" />
      </>
    );
  }
  const sizes = [config.features.length, ...config.hidden, 1];
  const layout = layoutNetwork(sizes, 600, 300);
  return (
    <>
      <div className="lv-net">
        <svg className="lv-still" viewBox="0 0 600 300" preserveAspectRatio="xMidYMid meet" aria-label={`A network with ${config.hidden.length} hidden layers, not yet trained`} role="img">
          {layout.nodes.slice(0, -1).flatMap((column, l) =>
            column.flatMap((a) => layout.nodes[l + 1].map((b) => <line key={`${l}-${a.index}-${b.index}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} />)),
          )}
          {layout.nodes.flat().map((n) => (
            <rect key={`${n.layer}-${n.index}`} x={n.x - n.size / 2} y={n.y - n.size / 2} width={n.size} height={n.size} rx={4} />
          ))}
        </svg>
      </div>
      <div className="lv-side">
        <div className="lv-plane-box">
          <div className="lv-plane lv-still-box" />
          <ShowTestData checked={config.showTestData} />
        </div>
        <div className="lv-losses">
          <LossReadout train={Number.NaN} test={Number.NaN} />
        </div>
      </div>
    </>
  );
}
