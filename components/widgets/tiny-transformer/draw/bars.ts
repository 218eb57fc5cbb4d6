// The next-piece bars, painted on a canvas: each likely piece, a bar as long as its probability,
// and the percentage at the bar's end. (They change with every keystroke: see canvas.ts.)
import { BAR_COUNT, percent, showPiece, type Bar } from "../model/view";
import { paintBox, type CanvasStyle } from "./canvas";

export const BAR_ROW = 26;
export const BAR_BOX = 320;
const LABEL = 96;
const MAX_WIDTH = BAR_BOX - LABEL - 44;
const BAR_HEIGHT = BAR_ROW - 8;

/** One bar as drawn: its piece's label, the bar's length and the percentage after it. */
export type BarRow = { label: string; middle: number; length: number; percent: string; percentX: number };

export function barRows(bars: readonly Bar[]): BarRow[] {
  return bars.map((bar, i) => ({
    label: showPiece(bar.piece),
    middle: (i + 0.5) * BAR_ROW,
    length: bar.p * MAX_WIDTH,
    percent: percent(bar.p),
    percentX: LABEL + bar.p * MAX_WIDTH + 5,
  }));
}

/** Paints `rows` onto `canvas`, a box BAR_BOX wide and BAR_COUNT rows tall. */
export function paintBars(canvas: HTMLCanvasElement, rows: readonly BarRow[], style: CanvasStyle) {
  paintBox(canvas, BAR_BOX, BAR_ROW * BAR_COUNT, (context) => paintBarRows(context, rows, style));
}

function paintBarRows(context: CanvasRenderingContext2D, rows: readonly BarRow[], style: CanvasStyle) {
  // In passes, so each font and colour is set once (setting a font parses it as CSS).
  context.fillStyle = style.paper;
  for (const row of rows) context.fillRect(LABEL, row.middle - BAR_HEIGHT / 2, MAX_WIDTH, BAR_HEIGHT);
  context.fillStyle = style.weight;
  for (const row of rows) context.fillRect(LABEL, row.middle - BAR_HEIGHT / 2, row.length, BAR_HEIGHT);
  context.textBaseline = "middle";
  context.font = `13px ${style.mono}`;
  context.fillStyle = style.ink;
  context.textAlign = "end";
  for (const row of rows) context.fillText(row.label, LABEL - 6, row.middle);
  context.font = `12px ${style.mono}`;
  context.fillStyle = style.muted;
  context.textAlign = "start";
  for (const row of rows) context.fillText(row.percent, row.percentX, row.middle);
}
