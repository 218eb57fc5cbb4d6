// What the widget shows, worked out from one look inside the model: pieces as readers see them,
// where a piece looks, the next-piece bars and the sentences the summary reads. Plain arithmetic,
// no DOM and no TF.js, so it is tested in Node and runs on the page's thread.
import { nextPieceDistribution, topPieces } from "./sampling";
import { END_PIECE, ESCAPE_PIECE } from "./tokenizer";

/** How many next-piece bars the widget draws. */
export const BAR_COUNT = 8;

/** A piece as a chip or label shows it: "▁" kept (it marks a word's start), a line break as ↵. */
export function showPiece(piece: string): string {
  if (piece === "\n") return "↵";
  if (piece === END_PIECE) return "‹end›";
  if (piece === ESCAPE_PIECE) return "‹char›";
  return piece;
}

/** A weight as a whole percentage, "<1%" for a sliver and "0%" for nothing at all. */
export function percent(weight: number): string {
  if (weight <= 0) return "0%";
  const p = Math.round(weight * 100);
  return p < 1 ? "<1%" : `${p}%`;
}

/** Row `row` of a T×T attention map: where piece `row` looks. */
export function attentionRow(map: ArrayLike<number>, size: number, row: number): number[] {
  return Array.from({ length: size }, (_, j) => map[row * size + j]);
}

/** The `count` pieces a row gives most weight, heaviest first (ties: the earlier piece). */
export function strongest(row: readonly number[], count: number): { index: number; weight: number }[] {
  return row
    .map((weight, index) => ({ index, weight }))
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .slice(0, count);
}

const quoted = (piece: string) => `“${showPiece(piece)}”`;

/** "“▁it” (piece 9) looks most at “▁network” 63%, “,” 14% and “▁data” 7%." */
export function lookSentence(pieces: readonly string[], position: number, row: readonly number[]): string {
  const top = strongest(row, 3).map(({ index, weight }) => `${quoted(pieces[index])} ${percent(weight)}`);
  const list = top.length > 1 ? `${top.slice(0, -1).join(", ")} and ${top[top.length - 1]}` : top[0];
  return `${quoted(pieces[position])} (piece ${position + 1}) looks most at ${list}.`;
}

export type Bar = { id: number; piece: string; p: number };

/** The likeliest next pieces after temperature and top-k: what the bars show and Generate draws from. */
export function nextBars(logits: ArrayLike<number>, pieces: readonly string[], temperature: number, topK: number, count = BAR_COUNT): { bars: Bar[]; probs: Float64Array } {
  const probs = nextPieceDistribution(logits, temperature, topK);
  return { probs, bars: topPieces(probs, count).map(({ id, p }) => ({ id, piece: pieces[id], p })) };
}

/** How temperature and top-k read in a sentence. */
export function settingsText(temperature: number, topK: number): string {
  const t = temperature === 0 ? "temperature 0 (always the likeliest)" : `temperature ${temperature.toFixed(2)}`;
  return topK === 0 ? t : `${t}, top ${topK}`;
}

/** The one-line summary: the pieces read, the picked piece's look in the shown head, the likeliest next piece. */
export function summaryText(args: { pieces: number; windowed: number; layer: number; head: number; look: string; best: Bar | undefined }): string {
  const { pieces, windowed, layer, head, look, best } = args;
  const count = `${pieces} ${pieces === 1 ? "piece" : "pieces"}${windowed < pieces ? ` (the model sees the last ${windowed})` : ""}`;
  const next = best ? ` Likeliest next piece: ${quoted(best.piece)} ${percent(best.p)}.` : "";
  return `${count}. Layer ${layer + 1}, head ${head + 1}: ${look}${next}`;
}
