// Byte-pair encoding learned from the training corpus. Text is lower-cased first (see
// normalizeText); words carry a word-start marker "▁" in place of the space before them, so
// pieces read as word pieces ("▁atten" "tion"). Characters the tokenizer never saw are spelled as
// an escape piece and six hexadecimal digits, so every text round-trips.

/** The marker a word-start piece begins with; it stands for the space before the word. */
export const WORD_START = "▁";
/** Separates documents in the training stream; the model learns that a text may end. */
export const END_PIECE = "<|end|>";
/** Followed by six single-digit hex pieces: one character outside the learned alphabet. */
export const ESCAPE_PIECE = "<|char|>";
const HEX_DIGITS = 6;

export type VocabJson = {
  version: 1;
  normalization: "lowercase";
  wordStart: string;
  /** Every piece, by id: the special pieces, the alphabet, then one piece per merge. */
  pieces: string[];
  /** Merge i joins pieces[a] and pieces[b] into pieces[firstMerged + i]. */
  merges: [number, number][];
  firstMerged: number;
};

/**
 * The text the tokenizer works on: lower case (a tiny model learns one "the", not "The" and
 * "the"), Unicode NFC, spaces collapsed, lines trimmed, empty lines dropped. Idempotent.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

/** Splits normalized text into chunks: a line break, or an optional space and a run of letters (with apostrophes), digits or other signs. */
const CHUNK = /\n| ?\p{L}+(?:'\p{L}+)*| ?\p{N}+| ?[^\s\p{L}\p{N}]+| /gu;

/** Chunks as the BPE sees them: a leading space, and the start of the text or of a line, become "▁". */
export function preTokenize(normalized: string): string[] {
  const chunks: string[] = [];
  let atLineStart = true;
  for (const match of normalized.matchAll(CHUNK)) {
    const chunk = match[0];
    if (chunk === "\n") {
      chunks.push(chunk);
      atLineStart = true;
      continue;
    }
    chunks.push(chunk[0] === " " ? WORD_START + chunk.slice(1) : atLineStart ? WORD_START + chunk : chunk);
    atLineStart = false;
  }
  return chunks;
}

const pairKey = (a: number, b: number) => a * 65536 + b;

/** Learns `size` pieces from the training texts: specials, every character seen, then the most frequent merges. */
export function learnBpe(texts: string[], size: number): VocabJson {
  const wordCounts = new Map<string, number>();
  for (const text of texts) for (const chunk of preTokenize(normalizeText(text))) wordCounts.set(chunk, (wordCounts.get(chunk) ?? 0) + 1);
  const alphabet = new Set<string>([WORD_START]);
  for (const word of wordCounts.keys()) for (const ch of word) alphabet.add(ch);
  const pieces = [END_PIECE, ESCAPE_PIECE, ...[...alphabet].sort()];
  const firstMerged = pieces.length;
  const idOf = new Map(pieces.map((p, i) => [p, i]));
  // Words in a fixed order, so ties break the same way every run.
  const words = [...wordCounts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w, count]) => ({ symbols: [...w].map((ch) => idOf.get(ch)!), count }));
  const merges: [number, number][] = [];
  while (pieces.length < size) {
    const pairCounts = new Map<number, number>();
    for (const { symbols, count } of words) for (let i = 0; i + 1 < symbols.length; i++) pairCounts.set(pairKey(symbols[i], symbols[i + 1]), (pairCounts.get(pairKey(symbols[i], symbols[i + 1])) ?? 0) + count);
    let best = -1;
    let bestCount = 1; // a pair seen once is not worth a piece
    for (const [key, count] of pairCounts) if (count > bestCount || (count === bestCount && best >= 0 && key < best)) [best, bestCount] = [key, count];
    if (best < 0) break;
    const a = Math.floor(best / 65536);
    const b = best % 65536;
    const merged = pieces.length;
    pieces.push(pieces[a] + pieces[b]);
    merges.push([a, b]);
    for (const word of words) {
      const s = word.symbols;
      for (let i = 0; i + 1 < s.length; i++) if (s[i] === a && s[i + 1] === b) s.splice(i, 2, merged);
    }
  }
  return { version: 1, normalization: "lowercase", wordStart: WORD_START, pieces, merges, firstMerged };
}

export class Tokenizer {
  readonly pieces: readonly string[];
  readonly endId: number;
  readonly escapeId: number;
  private readonly idOf: Map<string, number>;
  private readonly rank = new Map<number, number>();
  private readonly cache = new Map<string, number[]>();
  private readonly firstMerged: number;

  constructor(readonly vocab: VocabJson) {
    this.pieces = vocab.pieces;
    this.firstMerged = vocab.firstMerged;
    this.idOf = new Map(vocab.pieces.map((p, i) => [p, i]));
    vocab.merges.forEach(([a, b], i) => this.rank.set(pairKey(a, b), i));
    this.endId = this.idOf.get(END_PIECE)!;
    this.escapeId = this.idOf.get(ESCAPE_PIECE)!;
  }

  get size(): number {
    return this.pieces.length;
  }

  /** Piece ids of one chunk, merged lowest rank first as in training. */
  private encodeChunk(chunk: string): number[] {
    const cached = this.cache.get(chunk);
    if (cached) return cached;
    const symbols: number[] = [];
    const escapes: number[][] = []; // characters outside the alphabet, kept out of merging
    for (const ch of chunk) {
      const id = this.idOf.get(ch);
      if (id !== undefined && id >= 2 && id < this.firstMerged) symbols.push(id);
      else {
        symbols.push(-1 - escapes.length);
        const hex = ch.codePointAt(0)!.toString(16).padStart(HEX_DIGITS, "0");
        escapes.push([this.escapeId, ...[...hex].map((d) => this.idOf.get(d)!)]);
      }
    }
    for (;;) {
      let bestAt = -1;
      let bestRank = Infinity;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const r = symbols[i] >= 0 && symbols[i + 1] >= 0 ? this.rank.get(pairKey(symbols[i], symbols[i + 1])) : undefined;
        if (r !== undefined && r < bestRank) [bestAt, bestRank] = [i, r];
      }
      if (bestAt < 0) break;
      symbols.splice(bestAt, 2, this.firstMerged + bestRank);
    }
    const ids = symbols.flatMap((s) => (s >= 0 ? [s] : escapes[-1 - s]));
    if (this.cache.size < 50_000) this.cache.set(chunk, ids);
    return ids;
  }

  /** Piece ids of a text (normalized first). */
  encode(text: string): number[] {
    return preTokenize(normalizeText(text)).flatMap((chunk) => this.encodeChunk(chunk));
  }

  /** The text of piece ids: "▁" becomes a space, dropped at the start of a line. */
  decode(ids: readonly number[]): string {
    let raw = "";
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id === this.escapeId) {
        const hex = ids
          .slice(i + 1, i + 1 + HEX_DIGITS)
          .map((d) => this.pieces[d] ?? "")
          .join("");
        const code = /^[0-9a-f]{6}$/.test(hex) ? parseInt(hex, 16) : NaN;
        raw += code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
        i += HEX_DIGITS;
      } else if (id === this.endId) raw += "\n";
      else raw += this.pieces[id] ?? "\ufffd";
    }
    return raw.replaceAll(WORD_START, " ").replace(/(^|\n) /g, "$1");
  }

  /** How a piece is shown: the word-start marker kept, so "▁the" reads as the start of a word. */
  pieceText(id: number): string {
    return this.pieces[id] ?? "\ufffd";
  }
}

/** One piece stream of many documents, each followed by the end piece, as the model trains and is measured on. */
export function encodeDocuments(tokenizer: Tokenizer, texts: readonly string[]): Int32Array {
  const ids: number[] = [];
  for (const text of texts) {
    for (const id of tokenizer.encode(text)) ids.push(id);
    ids.push(tokenizer.endId);
  }
  return Int32Array.from(ids);
}
