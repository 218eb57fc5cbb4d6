// Before any JavaScript, drawn on the server: the same boxes as the live widget.
import { layoutNetwork } from "./draw/layout";
import { Frame } from "./Frame";
import type { Initial } from "./model/props";
import { LossReadout, ShowTestData } from "./PlaygroundStage";
import { DIGITS_HIDDEN, type VisualizerConfig } from "./state/config";

/** Before any JavaScript: the same boxes, with the network drawn as plain circles and lines. */
export function StillStage({ config }: { config: VisualizerConfig }) {
  if (config.mode === "digits") {
    return (
      <>
        <div className="lv-pad">
          <div className="lv-pad__canvas lv-still-box" />
          <p className="lv-pad__label">Test digit</p>
          <div className="lv-pad__buttons">
            <button type="button" className="widget-button widget-button--quiet" disabled>
              Clear
            </button>
            <button type="button" className="widget-button widget-button--quiet" aria-label="Previous test digit" disabled>
              ◀
            </button>
            <button type="button" className="widget-button widget-button--quiet" aria-label="Next test digit" disabled>
              ▶
            </button>
          </div>
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

/** The whole still: the Frame with its controls disabled around the plain network. */
export function Still({ initial: { config, question } }: { initial: Initial }) {
  return (
    <Frame
      config={config}
      question={question}
      playing={false}
      epoch={0}
      backend="not loaded yet"
      summary="The live network loads when you scroll to it. It needs JavaScript."
      stage={<StillStage config={config} />}
      showTable={false}
    />
  );
}
