import { memo, useId, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { LiveSummary, WidgetFigure, type ProbeAttributes } from "../shared/WidgetFigure";
import { SliceGlyph, StillKernel } from "./controls/KernelEditor";
import { SIZE } from "./model/image";
import { LAYER1, LAYER2, PRESET_IDS, PRESETS, type FilterId, type Kernel } from "./model/kernels";
import { POOLED } from "./model/network";

/** Every canvas and overlay the live widget paints, by name. */
export type Slot =
  | "picture"
  | "picture-overlay"
  | "filtered"
  | "filtered-overlay"
  | `edge-${number}`
  | `shape-${number}`
  | `partial-${number}`
  | "result";

export type Handlers = {
  onPrevious: () => void;
  onNext: () => void;
  onClear: () => void;
  onFilter: (id: FilterId) => void;
  onShape: (index: number) => void;
};

export type FrameProps = {
  /** TF.js and the digits have arrived: the controls work. */
  ready: boolean;
  badge: string;
  /** "Digit 7" or "Your drawing": what the picture shows. */
  source: string;
  filter: FilterId;
  kernel: Kernel;
  shape: number;
  /** The arithmetic under the window, e.g. "Window at row 9, column 12: 0.82". */
  readout: string;
  summary: string;
  probe?: ProbeAttributes;
  /** Hands each canvas and overlay to the live widget to paint (the still leaves them blank). */
  slot?: (name: Slot) => (element: HTMLCanvasElement | SVGSVGElement | null) => void;
  /** The live widget's editable filter (controls/EditableKernel); the still shows the weights, disabled. */
  kernelEditor?: ReactNode;
  /** Absent in the still: its controls are disabled and it ships no code of its own. */
  on?: Handlers;
  pad?: { onPointerDown: (e: PointerEvent<HTMLDivElement>) => void; onPointerMove: (e: PointerEvent<HTMLDivElement>) => void; onPointerUp: (e: PointerEvent<HTMLDivElement>) => void; onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void };
  inspect?: { onPointerMove: (e: PointerEvent<HTMLDivElement>) => void; onPointerDown: (e: PointerEvent<HTMLDivElement>) => void; onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void };
};

function MapBox({ name, slot, className = "cv-map", children }: { name: Slot; slot?: FrameProps["slot"]; className?: string; children?: ReactNode }) {
  return (
    <div className={className}>
      <canvas ref={slot?.(name)} width={1} height={1} aria-hidden="true" />
      {children}
    </div>
  );
}

/**
 * The widget's chrome and boxes, shared by the server-rendered still and the live widget so both
 * take exactly the same space; only the live one paints the canvases.
 */
export function Frame(props: FrameProps) {
  const { on, slot } = props;
  const ready = on !== undefined && props.ready;
  return (
    <WidgetFigure
      name="convolution"
      live={on !== undefined}
      className="cv"
      title="Convolution"
      subtitle="from edges to shapes"
      badge={props.badge}
      badgeTitle="The TensorFlow.js backend doing the arithmetic"
      probe={props.probe}
      caption={
        <>
          Draw on the picture with a mouse, finger or pen (or focus it, move with the arrow keys and press Space), or step through real digits.
          Change a weight in the filter and watch its map change; move over the map to see which nine pixels made each value. In the second part
          the filters are fixed: four find the sides of strokes, and six more find shapes by adding up those edge maps, each taking a little from
          each map, as the sum shows. A real network learns such filters by itself. Purple is positive, orange negative. Digits: UCI &ldquo;Optical
          Recognition of Handwritten Digits&rdquo; (E. Alpaydin and C. Kaynak, 1998; CC BY 4.0).
        </>
      }
    >
      <div className="cv-bar">
        <div className="cv-bar__group" role="group" aria-label="Picture">
          <button type="button" className="widget-button widget-button--quiet" disabled={!ready} onClick={on?.onPrevious}>
            <span aria-hidden="true">◀ </span>Previous digit
          </button>
          <button type="button" className="widget-button widget-button--quiet" disabled={!ready} onClick={on?.onNext}>
            Next digit<span aria-hidden="true"> ▶</span>
          </button>
          <button type="button" className="widget-button widget-button--quiet" disabled={!ready} onClick={on?.onClear}>
            Clear
          </button>
        </div>
        <label className="widget-select">
          <span>Filter</span>
          <select value={props.filter} disabled={!ready} onChange={on && ((e) => on.onFilter(e.target.value as FilterId))}>
            {PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {PRESETS[id].label}
              </option>
            ))}
            <option value="custom">Your own</option>
          </select>
        </label>
      </div>

      <p className="cv-step">
        <span className="cv-step__n">1</span> One filter slides over the picture
      </p>
      <div className="cv-one">
        <div className="cv-panel cv-panel--picture">
          <div
            className="cv-pad"
            role="application"
            aria-roledescription="drawing pad"
            aria-label={`Picture, ${SIZE} by ${SIZE} pixels: ${props.source}. Draw with a pointer, or move with the arrow keys and press Space to ink.`}
            tabIndex={ready ? 0 : -1}
            {...props.pad}
          >
            <MapBox name="picture" slot={slot} className="cv-map cv-map--pad" />
            <svg ref={slot?.("picture-overlay")} className="cv-overlay" aria-hidden="true" />
          </div>
          <p className="cv-label">
            Picture <span>· {props.source}</span>
          </p>
        </div>
        <span className="cv-op cv-op--times" aria-hidden="true">
          ×
        </span>
        <div className="cv-panel cv-panel--kernel">
          {props.kernelEditor ?? <StillKernel kernel={props.kernel} />}
          <p className="cv-blurb">{props.filter === "custom" ? "your own weights" : PRESETS[props.filter].blurb}</p>
        </div>
        <span className="cv-op cv-op--equals" aria-hidden="true">
          =
        </span>
        <div className="cv-panel cv-panel--filtered">
          <div
            className="cv-inspect"
            role="application"
            aria-roledescription="feature map"
            aria-label="Feature map: move the window with the arrow keys, or point at it"
            tabIndex={ready ? 0 : -1}
            {...props.inspect}
          >
            <MapBox name="filtered" slot={slot} />
            <svg ref={slot?.("filtered-overlay")} className="cv-overlay" aria-hidden="true" />
          </div>
          <p className="cv-label">
            Feature map
          </p>
        </div>
        <p className="cv-readout" data-testid="readout">
          {props.readout}
        </p>
      </div>

      <Layers shape={props.shape} ready={ready} slot={slot} onShape={on?.onShape} />
      <LiveSummary className="cv-summary">{props.summary}</LiveSummary>
    </WidgetFigure>
  );
}

type LayersProps = { shape: number; ready: boolean; slot?: FrameProps["slot"]; onShape?: (index: number) => void };

/**
 * Part 2, the two fixed layers. Memoised: moving the window or drawing re-renders part 1 only (the
 * maps here are repainted on their canvases, which React never touches).
 */
const Layers = memo(function Layers({ shape, ready, slot, onShape }: LayersProps) {
  const chosen = LAYER2[shape];
  const group = useId();
  return (
    <>
      <p className="cv-step">
        <span className="cv-step__n">2</span> Stack two layers: edges, then shapes
      </p>
      <p className="cv-layer">
        <strong>Layer 1</strong> · four edge filters, negatives set to zero
      </p>
      <ul className="cv-edges">
        {LAYER1.map((edge, i) => (
          <li key={edge.id}>
            <MapBox name={`edge-${i}`} slot={slot} />
            <p className="cv-label">{edge.label}</p>
          </li>
        ))}
      </ul>
      <p className="cv-layer">
        <strong>Layer 2</strong> · six shape filters read the edge maps, shrunk to {POOLED}×{POOLED}
      </p>
      <div className="cv-shapes" role="radiogroup" aria-label="Layer-2 shape to take apart">
        {LAYER2.map((s, i) => (
          <label key={s.id} className="cv-shape">
            <input type="radio" name={group} value={s.id} checked={shape === i} disabled={!ready} onChange={onShape && (() => onShape(i))} />
            <MapBox name={`shape-${i}`} slot={slot} />
            <span className="cv-label">
              <span aria-hidden="true" className="cv-shape__glyph">
                {s.glyph}
              </span>{" "}
              {s.label}
            </span>
          </label>
        ))}
      </div>
      <div className="cv-sum" aria-label={`How the ${chosen.label.toLowerCase()} map is made`} role="group">
        <p className="cv-sum__title">
          <strong>{chosen.label}</strong> = {chosen.blurb}:
        </p>
        <ol className="cv-sum__terms">
          {LAYER1.map((edge, i) => (
            <li key={edge.id} className="cv-term">
              <MapBox name={`partial-${i}`} slot={slot} />
              <span className="cv-label">
                <SliceGlyph slice={chosen.slices[edge.id]} /> {edge.label}
              </span>
            </li>
          ))}
          <li className="cv-term cv-term--bias">
            <span className="cv-bias">
              {chosen.bias < 0 ? "−" : "+"} {Math.abs(chosen.bias)}
            </span>
            <span className="cv-label">bias, then ≥ 0</span>
          </li>
          <li className="cv-term cv-term--result">
            <MapBox name="result" slot={slot} />
            <span className="cv-label">
              <span aria-hidden="true">= </span>
              {chosen.label}
            </span>
          </li>
        </ol>
      </div>
    </>
  );
});
