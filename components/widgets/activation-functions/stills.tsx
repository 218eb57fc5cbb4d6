// Before the live widget arrives: the same boxes, drawn once on the server from the same model,
// with plain SVG (no D3, so none of it rides along in the page's first load).
import { Frame } from "./Frame";
import { activation, derivativePieces, sample, tangent, type Point } from "./model/activations";
import { boundarySegment } from "./model/neuron";
import type { Initial, WidgetState } from "./model/props";
import { boundaryPixels, MARGIN, PLANE_SIZE, X_DOMAIN, Y_DOMAIN } from "./draw/geometry";

const W = 600;
const H = 280;
const px = (x: number) => ((x - X_DOMAIN[0]) / (X_DOMAIN[1] - X_DOMAIN[0])) * W;
const py = (y: number) => H - ((y - Y_DOMAIN[0]) / (Y_DOMAIN[1] - Y_DOMAIN[0])) * H;
const d = (points: Point[]) => points.map((p, i) => `${i ? "L" : "M"}${px(p.x).toFixed(1)},${py(Math.max(-2, Math.min(4, p.y))).toFixed(1)}`).join("");

/** Where the live plot draws its axes' range: the box less its margins. */
const plotArea = {
  top: MARGIN.top,
  left: MARGIN.left,
  width: `calc(100% - ${MARGIN.left + MARGIN.right}px)`,
  height: `calc(100% - ${MARGIN.top + MARGIN.bottom}px)`,
};

/** The curve, its slope and the tangent, stretched over the live plot's area (strokes keep their width). */
export function StillPlot({ state }: { state: WidgetState }) {
  const a = activation(state.fn);
  const [t0, t1] = tangent(a, state.x, 1.1);
  return (
    <svg className="af-still" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true" style={plotArea}>
      <line className="af-axis" x1={0} x2={W} y1={py(0)} y2={py(0)} />
      <line className="af-axis" x1={px(0)} x2={px(0)} y1={0} y2={H} />
      {state.showSlope && <path className="af-slope" d={derivativePieces(a, X_DOMAIN, 161).map(d).join("")} />}
      <path className="af-curve" d={d(sample(a.f, X_DOMAIN, 161))} />
      <line className="af-guide" x1={px(state.x)} x2={px(state.x)} y1={0} y2={H} />
      <path className="af-tangent" d={d([t0, t1])} />
    </svg>
  );
}

/** The plane's axes, the dashed line and the arrow; the colours come with the live widget. */
export function StillPlane({ state }: { state: WidgetState }) {
  const s = PLANE_SIZE;
  const lines = boundaryPixels(boundarySegment(state.w1, state.w2, state.b), state.w1, state.w2, s);
  return (
    <svg className="af-still" viewBox={`0 0 ${s} ${s}`} aria-hidden="true">
      <line className="af-plane-axis" x1={0} x2={s} y1={s / 2} y2={s / 2} />
      <line className="af-plane-axis" x1={s / 2} x2={s / 2} y1={0} y2={s} />
      {[
        { text: "x₁", x: s - 16, y: s / 2 - 12 },
        { text: "x₂", x: s / 2 + 14, y: 12 },
      ].map((tag) => (
        <g className="af-plane-name" key={tag.text} transform={`translate(${tag.x},${tag.y})`}>
          <rect x={-10} y={-9} width={20} height={18} rx={3} />
          <text textAnchor="middle" dy="0.35em">
            {tag.text}
          </text>
        </g>
      ))}
      {lines && <line className="af-boundary" x1={lines.ends[0].x} y1={lines.ends[0].y} x2={lines.ends[1].x} y2={lines.ends[1].y} />}
      {lines?.arrow && <path className="af-arrow" d={lines.arrow} />}
    </svg>
  );
}

/** The whole still: the Frame with its controls disabled, the plot and the plane drawn here. */
export function Still({ initial }: { initial: Initial }) {
  return <Frame state={initial} plot={<StillPlot state={initial} />} plane={<StillPlane state={initial} />} />;
}
