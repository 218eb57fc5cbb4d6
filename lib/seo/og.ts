/** The social card: 1200×630, the size OpenGraph and Twitter's large card expect. */
export const OG_SIZE = { width: 1200, height: 630 } as const;

/** The card's geometry, in pixels: an accent bar down the left edge, then the text column. */
export const OG_BOX = { bar: 16, padX: 72, padTop: 60, padBottom: 52, eyebrow: 30, footer: 76, gaps: 24 + 28 + 28 } as const;
export const OG_TEXT_WIDTH = OG_SIZE.width - OG_BOX.bar - 2 * OG_BOX.padX;
export const TITLE_LINE_HEIGHT = 1.12;
export const DEFINITION_LINE_HEIGHT = 1.42;

/** Monospace advance width, in em: JetBrains Mono draws every character 0.6 em wide. */
const ADVANCE = 0.6;

/** Lines `text` takes when wrapped at word boundaries to `perLine` characters (a longer word breaks). */
export function lineCount(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (used > 0 && used + 1 + word.length <= perLine) used += 1 + word.length;
    else {
      if (used > 0) lines++;
      lines += Math.max(0, Math.ceil(word.length / perLine) - 1);
      used = word.length % perLine || perLine;
    }
  }
  return lines;
}

const perLine = (fontSize: number, width: number) => Math.floor(width / (fontSize * ADVANCE));

export type OgLayout = { titleSize: number; titleLines: number; definitionSize: number; definitionLines: number };

const TITLE_SIZES = [96, 92, 88, 84, 80, 76, 72, 68, 64, 60, 56];
const DEFINITION_SIZES = [36, 34, 32, 30, 28, 26];
/** Below this the definition reads as small print beside a large title; shrink the title first. */
const COMFORTABLE_DEFINITION = 30;

/**
 * Font sizes for the card. The title is as large as 96px while it fits on two lines without breaking
 * a word; the definition as large as 36px in the height left. When that leaves the definition under
 * 30px, the title gives way (down to 56px) before the definition does (down to 26px).
 */
export function ogLayout(title: string, definition: string, width: number = OG_TEXT_WIDTH): OgLayout {
  const longestWord = Math.max(...title.split(/\s+/).map((w) => w.length));
  const { padTop, padBottom, eyebrow, footer, gaps } = OG_BOX;
  const layoutFor = (titleSize: number): OgLayout => {
    const titleLines = lineCount(title, perLine(titleSize, width));
    const room = OG_SIZE.height - padTop - padBottom - eyebrow - footer - gaps - titleLines * titleSize * TITLE_LINE_HEIGHT;
    const lines = (size: number) => lineCount(definition, perLine(size, width));
    const definitionSize = DEFINITION_SIZES.find((size) => lines(size) * size * DEFINITION_LINE_HEIGHT <= room) ?? DEFINITION_SIZES.at(-1)!;
    return { titleSize, titleLines, definitionSize, definitionLines: lines(definitionSize) };
  };
  const fitting = TITLE_SIZES.filter((size) => longestWord <= perLine(size, width) && lineCount(title, perLine(size, width)) <= 2);
  const candidates = (fitting.length > 0 ? fitting : [TITLE_SIZES.at(-1)!]).map(layoutFor);
  return candidates.find((l) => l.definitionSize >= COMFORTABLE_DEFINITION) ?? candidates.at(-1)!;
}

/**
 * `text` with only characters the card's fonts can draw. next/og fetches a font from Google for
 * any character its fonts lack (and emoji from a CDN); we never let it: a character we cannot
 * draw is replaced by its plain-letter decomposition when that is drawable ("ﬁ" → "fi"), or dropped.
 */
export function drawableText(text: string, canDraw: (codePoint: number) => boolean): string {
  let out = "";
  for (const ch of text) {
    if (/\s/.test(ch)) out += " ";
    else if (canDraw(ch.codePointAt(0)!)) out += ch;
    else out += [...ch.normalize("NFKD")].filter((c) => canDraw(c.codePointAt(0)!)).join("");
  }
  return out.replace(/ {2,}/g, " ").trim();
}
