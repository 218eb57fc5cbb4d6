/** Counts and ratios the widget reports, and the sentence it says them in. Pure. */

export type Counts = { characters: number; words: number; tokens: number };

// Intl.Segmenter is exact but slow (tens of microseconds a segment): fine for a sentence, seconds for
// a long paste. So both counts take a fast path and leave the Segmenter only the hard parts.
const wordSegmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter("ja", { granularity: "word" }) : null;

/**
 * What joins a code point to the one before it in a user-perceived character: a CR+LF pair, a
 * combining mark or variation selector, a skin-tone modifier, a zero-width joiner and whatever it
 * joins, a virama and the consonant it joins (Devanagari, Bengali… conjuncts), an emoji tag, the
 * second half of a flag. Each match merges all its code points but a flag's first into the one before.
 */
const JOINERS = /\r\n|\u200d[^\r\n]?|[\u094d\u09cd\u0acd\u0b4d\u0c4d\u0d4d]\p{L}|\p{RI}\p{RI}|[\p{M}\p{Emoji_Modifier}\u{e0020}-\u{e007f}]/gu;

/** Characters as a reader counts them: "👍🏽", "👨‍👩‍👧", a flag, and "é" written as e + accent are one each. */
export function countCharacters(text: string): number {
  let codePoints = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) codePoints++;
  }
  let merged = 0;
  for (const [m] of text.matchAll(JOINERS)) merged += m === "\r\n" || /^\p{RI}/u.test(m) ? 1 : Array.from(m).length;
  return codePoints - merged;
}

/** Scripts written without spaces between words: only these need a dictionary to find words. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}ー]+/gu;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-_][\p{L}\p{N}\p{M}]+)*/gu;

/** Words, by Unicode's rules where a dictionary is needed (Japanese, Chinese, Thai…), by letters elsewhere. */
export function countWords(text: string): number {
  let n = 0;
  const spaced = text.replace(UNSPACED, (run) => {
    if (!wordSegmenter) n += Array.from(run).length;
    else for (const s of wordSegmenter.segment(run)) if (s.isWordLike) n++;
    return " ";
  });
  for (const _ of spaced.matchAll(WORD)) n++;
  return n;
}

export function countAll(text: string, tokens: number): Counts {
  return { characters: countCharacters(text), words: countWords(text), tokens };
}

/** Tokens per word, or null when there are no words. */
export function tokensPerWord(c: Counts): number | null {
  return c.words > 0 ? c.tokens / c.words : null;
}

/** Characters per token, or null when there are no tokens. */
export function charactersPerToken(c: Counts): number | null {
  return c.tokens > 0 ? c.characters / c.tokens : null;
}

export type WindowFill = {
  /** tokens / window; above 1 when the text does not fit. */
  ratio: number;
  fits: boolean;
  /** Tokens still free in the window (0 when full). */
  left: number;
  /** Tokens beyond the window (0 when it fits). */
  over: number;
};

export function windowFill(tokens: number, window: number): WindowFill {
  if (!(window > 0)) throw new Error("The window must hold at least one token");
  return { ratio: tokens / window, fits: tokens <= window, left: Math.max(0, window - tokens), over: Math.max(0, tokens - window) };
}

const number = new Intl.NumberFormat("en-US");
export const formatNumber = (n: number) => number.format(n);

/** "0%", "less than 1%", "1%", "116%". */
export function formatPercent(ratio: number): string {
  if (ratio <= 0) return "0%";
  const percent = Math.round(ratio * 100);
  return percent === 0 ? "less than 1%" : `${formatNumber(percent)}%`;
}

/** "a" or "an" before a number as it is said aloud: an 8,192…, an 11,000…, a 128,000… */
export function article(n: number): "a" | "an" {
  const lead = formatNumber(n).split(",")[0];
  return lead.startsWith("8") || lead === "11" || lead === "18" ? "an" : "a";
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** The one-line live summary: "42 tokens from 180 characters (4.3 characters per token) · 1% of an 8,192-token window". */
export function summarize(c: Counts, window: number): string {
  if (c.characters === 0) return `No text yet: type something or pick an example · 0% of ${article(window)} ${formatNumber(window)}-token window`;
  const perToken = charactersPerToken(c);
  const fill = windowFill(c.tokens, window);
  const ratio = perToken === null ? "" : ` (${perToken.toFixed(1)} ${perToken === 1 ? "character" : "characters"} per token)`;
  const overflow = fill.fits ? "" : `: ${plural(fill.over, "token", "tokens")} too many`;
  return `${plural(c.tokens, "token", "tokens")} from ${plural(c.characters, "character", "characters")}${ratio} · ${formatPercent(fill.ratio)} of ${article(window)} ${formatNumber(window)}-token window${overflow}`;
}
