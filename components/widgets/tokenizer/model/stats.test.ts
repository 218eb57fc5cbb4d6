import { describe, expect, it } from "vitest";
import { encode } from "gpt-tokenizer/encoding/cl100k_base";
import { cl100k } from "./codec";
import {
  article,
  charactersPerToken,
  countAll,
  countCharacters,
  countWords,
  formatPercent,
  summarize,
  tokensPerWord,
  windowFill,
} from "./stats";
import { tokenize } from "./tokens";
import { DEFAULT_WINDOW, PRESETS, WINDOW_SIZES, presetById, windowSize } from "./presets";

describe("counts", () => {
  it("counts characters as a reader does", () => {
    expect(countCharacters("hello")).toBe(5);
    expect(countCharacters("👍🏽")).toBe(1);
    expect(countCharacters("👨‍👩‍👧")).toBe(1);
    expect(countCharacters("e\u0301")).toBe(1);
    expect(countCharacters("")).toBe(0);
  });

  it("agrees with Intl.Segmenter's grapheme count on hard cases", () => {
    const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
    const exact = (t: string) => Array.from(segmenter.segment(t)).length;
    for (const t of ["I ❤️ tokens 🎉 👍🏽 👨‍👩‍👧 🇯🇵🇫🇷 1️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿", "line\r\nbreak\n", "naïve café e\u0301", "東京は日本の首都です。", "नमस्ते दुनिया", "plain ascii text"]) {
      expect(countCharacters(t)).toBe(exact(t));
    }
  });

  it("counts a long paste fast (the exact segmenter alone takes seconds)", () => {
    const text = presetById("long").text.repeat(4) + presetById("japanese").text.repeat(50);
    const started = performance.now();
    expect(countCharacters(text)).toBeGreaterThan(180_000);
    expect(countWords(text)).toBeGreaterThan(30_000);
    expect(performance.now() - started).toBeLessThan(300);
  });

  it("counts words, including in a language written without spaces", () => {
    expect(countWords("The quick brown fox.")).toBe(4);
    expect(countWords("isn't it?")).toBe(2);
    expect(countWords("   ")).toBe(0);
    expect(countWords("東京は日本の首都です。")).toBeGreaterThan(2);
    expect(countWords("well-known e.g. 3.14 — ok")).toBe(4);
    expect(countWords("Größenverhältnisse über")).toBe(2);
  });

  it("gives tokens per word and characters per token, or null when undefined", () => {
    const c = { characters: 180, words: 32, tokens: 42 };
    expect(tokensPerWord(c)).toBeCloseTo(1.3125);
    expect(charactersPerToken(c)).toBeCloseTo(4.2857);
    expect(tokensPerWord({ characters: 0, words: 0, tokens: 0 })).toBeNull();
    expect(charactersPerToken({ characters: 0, words: 0, tokens: 0 })).toBeNull();
  });

  it("the widget's token count for each kind of text is the library's encode().length", () => {
    for (const text of ["Plain English prose, nothing fancy.", "for (let i = 0; i < n; i++) sum += xs[i];", "🎉🎉🎉 party 🥳", "Größenverhältnisse über alles", "東京は日本の首都です。"]) {
      const counts = countAll(text, tokenize(text, cl100k).count);
      expect(counts.tokens).toBe(encode(text).length);
    }
  });

  it("English runs near the textbook four characters per token; Japanese far fewer", () => {
    const english = presetById("long").text;
    const en = countAll(english, tokenize(english, cl100k).count);
    expect(charactersPerToken(en)!).toBeGreaterThan(3.5);
    expect(charactersPerToken(en)!).toBeLessThan(5.5);
    const japanese = presetById("japanese").text;
    const ja = countAll(japanese, tokenize(japanese, cl100k).count);
    expect(charactersPerToken(ja)!).toBeLessThan(2);
  });
});

describe("the context window", () => {
  it("gives the fill ratio, what is left and what spills over", () => {
    expect(windowFill(2048, 8192)).toEqual({ ratio: 0.25, fits: true, left: 6144, over: 0 });
    expect(windowFill(8192, 8192)).toEqual({ ratio: 1, fits: true, left: 0, over: 0 });
    expect(windowFill(9000, 8192)).toMatchObject({ fits: false, left: 0, over: 808 });
    expect(windowFill(0, 4096).ratio).toBe(0);
    expect(() => windowFill(1, 0)).toThrow();
  });

  it("formats percentages, never rounding a non-empty text down to 0%", () => {
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.00008)).toBe("less than 1%");
    expect(formatPercent(42 / 8000)).toBe("1%");
    expect(formatPercent(1.16)).toBe("116%");
    expect(formatPercent(12.5)).toBe("1,250%");
  });

  it("says 'a' or 'an' before a number as it is spoken", () => {
    expect(article(8_192)).toBe("an");
    expect(article(8_000)).toBe("an");
    expect(article(4_096)).toBe("a");
    expect(article(128_000)).toBe("a");
    expect(article(11_000)).toBe("an");
    expect(article(18)).toBe("an");
    expect(article(1_000_000)).toBe("a");
  });

  it("offers real window sizes and falls back to the default", () => {
    expect(WINDOW_SIZES.map((w) => w.tokens)).toEqual([4_096, 8_192, 32_768, 128_000]);
    expect(windowSize(128_000)).toBe(128_000);
    expect(windowSize(1234)).toBe(DEFAULT_WINDOW);
    expect(windowSize(undefined)).toBe(DEFAULT_WINDOW);
  });

  it("the long example overflows the default window but fits GPT-4-32k's", () => {
    const long = presetById("long").text;
    const n = tokenize(long, cl100k).count;
    expect(windowFill(n, DEFAULT_WINDOW).fits).toBe(false);
    expect(windowFill(n, 32_768).fits).toBe(true);
  });
});

describe("the summary sentence", () => {
  it("reads like the brief's example", () => {
    expect(summarize({ characters: 180, words: 32, tokens: 42 }, 8000)).toBe("42 tokens from 180 characters (4.3 characters per token) · 1% of an 8,000-token window");
  });

  it("handles one token, an empty text and an overflow", () => {
    expect(summarize({ characters: 1, words: 1, tokens: 1 }, 4096)).toBe("1 token from 1 character (1.0 character per token) · less than 1% of a 4,096-token window");
    expect(summarize({ characters: 0, words: 0, tokens: 0 }, 8192)).toBe("No text yet: type something or pick an example · 0% of an 8,192-token window");
    expect(summarize({ characters: 41_000, words: 7_000, tokens: 9_440 }, 8192)).toBe(
      "9,440 tokens from 41,000 characters (4.3 characters per token) · 115% of an 8,192-token window: 1,248 tokens too many",
    );
  });

  it("every preset has a label and text", () => {
    for (const p of PRESETS) {
      expect(p.label.length).toBeGreaterThan(0);
      expect(p.text.length).toBeGreaterThan(10);
    }
    expect(presetById("nope").id).toBe("english");
  });
});
