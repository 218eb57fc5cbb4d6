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
  const tokens = new Array<Token>(shown);
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

const WHITESPACE: Record<string, { mark: string; one: string; many: string }> = {
  " ": { mark: "·", one: "space", many: "spaces" },
  "\n": { mark: "↵", one: "new line", many: "new lines" },
  "\t": { mark: "→", one: "tab", many: "tabs" },
  "\r": { mark: "␍", one: "carriage return", many: "carriage returns" },
  "\u00a0": { mark: "⍽", one: "non-breaking space", many: "non-breaking spaces" },
};

/** Characters that draw nothing but still cost bytes: named, so a chip holding one is not blank. */
const INVISIBLE: Record<string, { mark: string; spoken: string }> = {
  "\u200d": { mark: "ZWJ", spoken: "zero-width joiner" },
  "\u200c": { mark: "ZWNJ", spoken: "zero-width non-joiner" },
  "\u200b": { mark: "ZWSP", spoken: "zero-width space" },
  "\u00ad": { mark: "SHY", spoken: "soft hyphen" },
  "\ufeff": { mark: "BOM", spoken: "byte order mark" },
  "\ufe0e": { mark: "VS15", spoken: "text-style selector" },
  "\ufe0f": { mark: "VS16", spoken: "emoji-style selector" },
};

type Kind = "text" | "space" | "invisible";

function kindOf(ch: string): Kind {
  if (/^\s$/u.test(ch)) return "space";
  if (ch in INVISIBLE || /^[\p{Cf}\p{Cc}\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]$/u.test(ch)) return "invisible";
  return "text";
}

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Runs of characters of one kind. */
function runs(text: string): { kind: Kind; chars: string[] }[] {
  const out: { kind: Kind; chars: string[] }[] = [];
  for (const ch of text) {
    const kind = kindOf(ch);
    const last = out.at(-1);
    if (last && last.kind === kind) last.chars.push(ch);
    else out.push({ kind, chars: [ch] });
  }
  return out;
}

export type Segment = { text: string; kind: Kind };

/**
 * A token's text made visible: whitespace becomes marks (· for a space, ↵ for a new line, → for a
 * tab) and invisible characters get their short names (ZWJ, VS16), so a chip never looks empty,
 * and the marks can be drawn in a quieter ink.
 */
export function visibleSegments(text: string): Segment[] {
  return runs(text).map(({ kind, chars }) => ({
    kind,
    text:
      kind === "space"
        ? chars.map((c) => WHITESPACE[c]?.mark ?? "␣").join("")
        : kind === "invisible"
          ? chars.map((c) => INVISIBLE[c]?.mark ?? hex(c)).join(" ")
          : chars.join(""),
  }));
}

/** A token's text for a screen reader: whitespace and invisible characters named ("space + “isn”"). */
export function speakable(text: string): string {
  if (text === "") return "nothing";
  const parts: string[] = [];
  for (const { kind, chars } of runs(text)) {
    if (kind === "text") parts.push(`“${chars.join("")}”`);
    else if (kind === "invisible") parts.push(...chars.map((c) => INVISIBLE[c]?.spoken ?? `invisible character ${hex(c)}`));
    else {
      // Name each run of one kind of whitespace: "2 spaces", "new line".
      for (let i = 0; i < chars.length; ) {
        let j = i;
        while (j < chars.length && chars[j] === chars[i]) j++;
        const names = WHITESPACE[chars[i]] ?? { one: "whitespace", many: "whitespace characters" };
        parts.push(j - i === 1 ? names.one : `${j - i} ${names.many}`);
        i = j;
      }
    }
  }
  return parts.join(" + ");
}
