/**
 * Text → tokens, as a byte-pair-encoding tokenizer sees it. Pure: the tokenizer itself comes in as
 * a `Codec`, so the same code runs in the widget's worker and in the unit tests.
 *
 * A BPE tokenizer works on the UTF-8 bytes of the text, not on its characters. Most tokens hold
 * whole characters, but a rare character (an emoji, a kanji) can be split over two or three tokens.
 * Each token therefore carries the span of characters its bytes belong to, and a `partial` flag
 * when it holds only some of a character's bytes.
 */

/** What the widget needs from a tokenizer: its encoder, and how many bytes each token stands for. */
export type Codec = {
  /** The vocabulary's name, e.g. "cl100k_base". */
  name: string;
  /** How many entries the vocabulary has. */
  vocabularySize: number;
  encode(text: string): number[];
  /** The number of UTF-8 bytes that token `id` decodes to. */
  byteLength(id: number): number;
};

export type Token = {
  /** The token's ID: its row in the vocabulary, the number the model actually receives. */
  id: number;
  /** The characters this token's bytes belong to (a character split over tokens appears in each). */
  text: string;
  /** Where `text` starts and ends in the input, in UTF-16 code units (as `String.slice` counts). */
  start: number;
  end: number;
  /** How many UTF-8 bytes the token holds. */
  bytes: number;
  /** True when the token holds only part of the bytes of a character it shares with a neighbour. */
  partial: boolean;
};

export type Tokenized = {
  /** The first `limit` tokens, for drawing. */
  tokens: Token[];
  /** How many tokens the whole text is: always `codec.encode(text).length`. */
  count: number;
};

/** UTF-8 length of one Unicode code point (lone surrogates are sent as U+FFFD, 3 bytes). */
export function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * For each code point of `text`: where its bytes start in the UTF-8 encoding, and where it starts
 * in the string. Both arrays end with a sentinel (total bytes, text length).
 */
export function codePointOffsets(text: string): { byteStart: number[]; charStart: number[] } {
  const byteStart: number[] = [];
  const charStart: number[] = [];
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    byteStart.push(bytes);
    charStart.push(i);
    bytes += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  byteStart.push(bytes);
  charStart.push(text.length);
  return { byteStart, charStart };
}

/** Splits `text` into its tokens; `limit` bounds how many are described (the count is always exact). */
export function tokenize(text: string, codec: Codec, limit = Number.POSITIVE_INFINITY): Tokenized {
  const ids = codec.encode(text);
  const shown = Math.min(ids.length, limit);
  const tokens: Token[] = new Array(shown);
  if (shown === 0) return { tokens, count: ids.length };
  const { byteStart, charStart } = codePointOffsets(text);
  const last = byteStart.length - 2;
  let position = 0;
  let cp = 0;
  for (let t = 0; t < shown; t++) {
    const id = ids[t];
    const bytes = codec.byteLength(id);
    const from = position;
    const to = position + bytes;
    while (cp < last && byteStart[cp + 1] <= from) cp++;
    const first = cp;
    let end = cp;
    while (end < last && byteStart[end + 1] < to) end++;
    tokens[t] = {
      id,
      text: text.slice(charStart[first], charStart[end + 1]),
      start: charStart[first],
      end: charStart[end + 1],
      bytes,
      partial: from !== byteStart[first] || to !== byteStart[end + 1],
    };
    position = to;
  }
  return { tokens, count: ids.length };
}

const WHITESPACE_MARKS: Record<string, string> = { " ": "·", "\n": "↵", "\t": "→", "\r": "␍", "\u00a0": "⍽" };
const WHITESPACE_NAMES: Record<string, [string, string]> = {
  " ": ["space", "spaces"],
  "\n": ["new line", "new lines"],
  "\t": ["tab", "tabs"],
  "\r": ["carriage return", "carriage returns"],
  "\u00a0": ["non-breaking space", "non-breaking spaces"],
};

export type Segment = { text: string; whitespace: boolean };

/**
 * A token's text made visible: runs of whitespace become marks (· for a space, ↵ for a new line,
 * → for a tab) so a chip never looks empty, and the marks can be drawn in a quieter ink.
 */
export function visibleSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  for (const [run] of text.matchAll(/\s+|\S+/gu)) {
    const whitespace = /^\s/u.test(run);
    const shown = whitespace ? Array.from(run, (c) => WHITESPACE_MARKS[c] ?? "␣").join("") : run;
    const previous = segments.at(-1);
    if (previous && previous.whitespace === whitespace) previous.text += shown;
    else segments.push({ text: shown, whitespace });
  }
  return segments;
}

/** A token's text for a screen reader: whitespace named ("space + isn", "2 new lines"). */
export function speakable(text: string): string {
  if (text === "") return "nothing";
  const parts: string[] = [];
  for (const [run] of text.matchAll(/\s+|\S+/gu)) {
    if (!/^\s/u.test(run)) {
      parts.push(`“${run}”`);
      continue;
    }
    // Name each run of one kind of whitespace: "2 spaces", "new line".
    for (const [same] of run.matchAll(/( +|\n+|\t+|\r+|\u00a0+|\s)/gu)) {
      const n = Array.from(same).length;
      const [one, many] = WHITESPACE_NAMES[same[0]] ?? ["whitespace", "whitespace"];
      parts.push(n === 1 ? one : `${n} ${many}`);
    }
  }
  return parts.join(" + ");
}
