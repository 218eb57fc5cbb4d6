import { memo, type ReactNode, type Ref } from "react";
import { LiveSummary, WidgetFigure, type ProbeAttributes } from "../shared/WidgetFigure";
import { PieceStrip, type Chip } from "./controls/PieceStrip";
import { PromptBox } from "./controls/PromptBox";
import { GenerateBar, HeadPicker, Settings, type GenerateHandlers } from "./controls/Settings";
import { BAR_BOX, BAR_ROW } from "./draw/bars";
import { MAP_BOX } from "./draw/map";
import { BAR_COUNT } from "./model/view";

export type Handlers = GenerateHandlers & {
  /** A keystroke in the prompt (read the box through textRef). */
  onText: () => void;
  onPick: (index: number) => void;
  onHead: (layer: number, head: number) => void;
  onTemperature: (t: number) => void;
  onTopK: (k: number) => void;
};

export type FrameProps = {
  badge: string;
  initialText: string;
  textRef?: Ref<HTMLTextAreaElement>;
  chips: Chip[];
  picked: number;
  /** Where the picked piece looks, in words. */
  look: string;
  layer: number;
  head: number;
  layers: number;
  heads: number;
  /** The large map (MapBox), the small maps (Thumbs) and the table of the large one. */
  map: ReactNode;
  thumbs: ReactNode;
  table: ReactNode;
  /** The next-piece bars' canvas (BarsCanvas). */
  bars: ReactNode;
  temperature: number;
  topK: number;
  playing: boolean;
  generated: string;
  summary: string;
  /** The step-through of one head (step 3) and Train it yourself (step 4), when present. */
  children?: ReactNode;
  on?: Handlers;
  probe?: ProbeAttributes;
};

/**
 * Both states' chrome: the prompt and its pieces, the attention maps, the next-piece bars and their
 * settings, Generate, the summary and the caption. Every box has a fixed size for a given width, so
 * the still and the live widget take the same room.
 */
export function Frame(props: FrameProps) {
  const { on } = props;
  return (
    <WidgetFigure
      name="tiny-transformer"
      live={on !== undefined}
      className="tt"
      title="Tiny transformer"
      subtitle="a real language model, small enough to watch"
      badge={props.badge}
      badgeTitle="What runs the model: TensorFlow.js and its backend, in a worker"
      probe={props.probe}
      caption={
        <>
          A language model of 203,000 numbers, trained on this glossary&rsquo;s own entries. Type a prompt, then pick a piece to see where it
          looks: each row of a map is one piece looking back, darker meaning more weight. The grey triangle is the causal mask: no piece sees the
          pieces after it. &ldquo;▁&rdquo; marks the start of a word. Move the temperature and watch the next-piece bars change.
        </>
      }
    >
      <PromptBox initialText={props.initialText} textRef={props.textRef} onText={on?.onText} />
      <p className="tt-label">
        Pieces <span>· pick one to see where it looks</span>
      </p>
      <PieceStrip chips={props.chips} picked={props.picked} onPick={on?.onPick} label="Pieces of the prompt: pick one with the arrow keys" />
      <p className="tt-look">{props.look}</p>
      <div className="tt-main">
        <section className="tt-attention" aria-label="Attention">
          <div className="tt-attention__head">
            <p className="tt-h">Attention</p>
            <HeadPicker layer={props.layer} head={props.head} layers={props.layers} heads={props.heads} onPick={on?.onHead} />
          </div>
          {props.map}
          <p className="tt-legend">
            <span className="tt-legend__ramp" aria-hidden="true" /> 0% to 100% of the row&rsquo;s weight · <span className="tt-legend__mask" aria-hidden="true" /> hidden by the mask
          </p>
          {props.table}
        </section>
        <section className="tt-next" aria-label="Next piece">
          <p className="tt-h">Next piece</p>
          {props.bars}
          <Settings temperature={props.temperature} topK={props.topK} onTemperature={on?.onTemperature} onTopK={on?.onTopK} />
          <GenerateBar playing={props.playing} counter={props.generated} on={on} />
        </section>
      </div>
      <section className="tt-heads" aria-label="Every head">
        <p className="tt-h">
          Every head <span>· {props.layers} layers × {props.heads} heads</span>
        </p>
        {props.thumbs}
      </section>
      {props.children}
      <LiveSummary className="tt-summary">{props.summary}</LiveSummary>
    </WidgetFigure>
  );
}

/** The large map's box: one canvas of cells and labels, and an SVG of the mask and the picked row on top. */
export function MapBox({ canvas, overlay, patternId, onPointerDown, label, note }: { canvas?: Ref<HTMLCanvasElement>; overlay?: Ref<SVGSVGElement>; patternId: string; onPointerDown?: (e: React.PointerEvent<SVGSVGElement>) => void; label: string; note?: string }) {
  return (
    <div className="tt-map" role="img" aria-label={label}>
      {note && <p className="tt-map__note">{note}</p>}
      <canvas ref={canvas} className="tt-map__canvas" width={1} height={1} />
      <svg ref={overlay} className="tt-map__overlay" viewBox={`0 0 ${MAP_BOX} ${MAP_BOX}`} onPointerDown={onPointerDown}>
        <defs>
          <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" className="tt-map__hatch" />
          </pattern>
        </defs>
      </svg>
    </div>
  );
}

/** Every head's map, small: buttons that show that head large. */
export const Thumbs = memo(function Thumbs({ layers, heads, layer, head, canvas, onHead }: { layers: number; heads: number; layer: number; head: number; canvas?: Ref<HTMLCanvasElement>; onHead?: (layer: number, head: number) => void }) {
  return (
    <div className="tt-thumbs">
      {Array.from({ length: layers * heads }, (_, i) => {
        const l = Math.floor(i / heads);
        const h = i % heads;
        return (
          <button
            key={i}
            type="button"
            className="tt-thumb"
            aria-pressed={l === layer && h === head}
            aria-label={`Layer ${l + 1}, head ${h + 1}`}
            disabled={!onHead}
            onClick={onHead && (() => onHead(l, h))}
          >
            <span className="tt-thumb__map" />
            <span aria-hidden="true">
              L{l + 1} · H{h + 1}
            </span>
          </button>
        );
      })}
      {canvas && <canvas ref={canvas} className="tt-thumbs__maps" width={1} height={1} aria-hidden="true" />}
    </div>
  );
});

/** The next-piece bars' box (painted in the live widget); its label reads the likeliest pieces out. */
export function BarsCanvas({ canvas, label, note }: { canvas?: Ref<HTMLCanvasElement>; label: string; note?: string }) {
  return (
    <div className="tt-bars-box">
      {note && (
        <p className="tt-bars__note" aria-hidden="true">
          {note}
        </p>
      )}
      <canvas ref={canvas} className="tt-bars" style={{ aspectRatio: `${BAR_BOX} / ${BAR_ROW * BAR_COUNT}` }} width={1} height={1} role="img" aria-label={label} />
    </div>
  );
}
