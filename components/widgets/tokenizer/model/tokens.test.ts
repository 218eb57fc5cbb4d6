import { describe, expect, it } from "vitest";
import { decode, encode } from "gpt-tokenizer/encoding/cl100k_base";
import { cl100k } from "./codec";
import { PRESETS } from "./presets";
import { codePointOffsets, speakable, tokenize, utf8Length, visibleSegments, type Codec } from "./tokens";

const SAMPLES: Record<string, string> = {
  english: "The quick brown fox jumps over the lazy dog. Tokenisation isn't hard!",
  code: "function add(a, b) {\n  return a + b; // sum\n}\n\nconsole.log(add(2, 3));",
  emoji: "I ❤️ tokens 🎉👍🏽 and 👨‍👩‍👧 — emoji cost more than they look 😅",
  japanese: "東京は日本の首都です。言語モデルは文章をトークンに分けて読みます。",
  german: "Donaudampfschifffahrtsgesellschaftskapitän über Größenverhältnisse",
  arabic: "النماذج اللغوية تقرأ النص على شكل رموز",
  whitespace: "  two spaces,\ttab,\n\n\nnew lines   ",
  special: "A user typed <|endoftext|> into the box.",
  empty: "",
};

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe("tokenize with the real cl100k_base vocabulary", () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`the widget's count matches the library's own encode().length (${name})`, () => {
      const { tokens, count } = tokenize(text, cl100k);
      const expected = encode(text, { disallowedSpecial: new Set() }).length;
      expect(count).toBe(expected);
      expect(tokens).toHaveLength(expected);
    });

    it(`the tokens' bytes add up to the text's UTF-8 bytes and decode back to it (${name})`, () => {
      const { tokens } = tokenize(text, cl100k);
      expect(tokens.reduce((sum, t) => sum + t.bytes, 0)).toBe(utf8(text));
      expect(decode(tokens.map((t) => t.id))).toBe(text);
    });

    it(`the tokens' spans cover the text in order, overlapping only where a character is split (${name})`, () => {
      const { tokens } = tokenize(text, cl100k);
      let reached = 0;
      for (const [i, t] of tokens.entries()) {
        expect(t.text).toBe(text.slice(t.start, t.end));
        expect(t.end).toBeGreaterThan(t.start);
        if (t.start < reached) {
          // Overlap only with a neighbour that shares a split character.
          expect(t.partial && tokens[i - 1].partial).toBe(true);
        } else {
          expect(t.start).toBe(reached);
        }
        reached = Math.max(reached, t.end);
      }
      expect(reached).toBe(text.length);
    });
  }

  it("every preset's count matches encode().length", () => {
    for (const p of PRESETS) expect(tokenize(p.text, cl100k).count).toBe(encode(p.text).length);
  });

  it("whole tokens carry exactly their own text", () => {
    const { tokens } = tokenize("Hello world", cl100k);
    expect(tokens.map((t) => t.text)).toEqual(["Hello", " world"]);
    expect(tokens.map((t) => t.id)).toEqual(encode("Hello world"));
    expect(tokens.every((t) => !t.partial)).toBe(true);
  });

  it("a character split over two tokens shows in both, flagged partial", () => {
    // cl100k_base has no single token for " 東": its three bytes are split.
    const { tokens } = tokenize(" 東京", cl100k);
    const split = tokens.filter((t) => t.partial);
    expect(split.length).toBeGreaterThanOrEqual(2);
    for (const t of split) expect(t.text).toContain("東");
    expect(tokens.reduce((s, t) => s + t.bytes, 0)).toBe(utf8(" 東京"));
  });

  it("limit bounds the tokens described but never the count", () => {
    const text = "word ".repeat(1000);
    const { tokens, count } = tokenize(text, cl100k, 10);
    expect(tokens).toHaveLength(10);
    expect(count).toBe(encode(text).length);
  });

  it("reads special-token markers as plain text rather than throwing", () => {
    expect(() => tokenize("<|endoftext|>", cl100k)).not.toThrow();
    expect(tokenize("<|endoftext|>", cl100k).tokens.map((t) => t.text).join("")).toBe("<|endoftext|>");
  });

  it("a long text stays quick (200,000 characters in well under a second)", () => {
    const text = PRESETS.find((p) => p.id === "long")!.text.repeat(5).slice(0, 200_000);
    const started = performance.now();
    const { count } = tokenize(text, cl100k, 800);
    expect(count).toBeGreaterThan(40_000);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("tokenize with a toy codec", () => {
  // One token per byte: every multi-byte character is split.
  const bytes: Codec = {
    name: "bytes",
    vocabularySize: 256,
    encode: (text) => Array.from(new TextEncoder().encode(text)),
    byteLength: () => 1,
  };

  it("splits a 4-byte emoji into four partial tokens that each show the emoji", () => {
    const { tokens } = tokenize("a😀b", bytes);
    expect(tokens.map((t) => t.text)).toEqual(["a", "😀", "😀", "😀", "😀", "b"]);
    expect(tokens.map((t) => t.partial)).toEqual([false, true, true, true, true, false]);
    expect(tokens[1]).toMatchObject({ start: 1, end: 3 });
  });
});

describe("UTF-8 bookkeeping", () => {
  it("knows each code point's byte length", () => {
    expect([0x41, 0xe9, 0x6771, 0x1f600].map(utf8Length)).toEqual([1, 2, 3, 4]);
  });

  it("maps code points to byte and string offsets", () => {
    expect(codePointOffsets("aé😀")).toEqual({ byteStart: [0, 1, 3, 7], charStart: [0, 1, 2, 4] });
    expect(codePointOffsets("")).toEqual({ byteStart: [0], charStart: [0] });
  });
});

describe("whitespace made visible and speakable", () => {
  it("marks spaces, new lines and tabs", () => {
    expect(visibleSegments(" isn")).toEqual([
      { text: "·", kind: "space" },
      { text: "isn", kind: "text" },
    ]);
    expect(visibleSegments("\n\n")).toEqual([{ text: "↵↵", kind: "space" }]);
    expect(visibleSegments("\t x")).toEqual([
      { text: "→·", kind: "space" },
      { text: "x", kind: "text" },
    ]);
  });

  it("names invisible characters, so no chip is blank", () => {
    expect(visibleSegments("\u200d")).toEqual([{ text: "ZWJ", kind: "invisible" }]);
    expect(visibleSegments("❤\ufe0f")).toEqual([
      { text: "❤", kind: "text" },
      { text: "VS16", kind: "invisible" },
    ]);
    expect(visibleSegments("\u2060")).toEqual([{ text: "U+2060", kind: "invisible" }]);
    expect(speakable("\u200d")).toBe("zero-width joiner");
    // Every token of the emoji example shows something.
    for (const t of tokenize("I ❤️ tokens 👍🏽 👨‍👩‍👧 🇯🇵", cl100k).tokens) {
      expect(visibleSegments(t.text).map((s) => s.text).join("").length).toBeGreaterThan(0);
    }
  });

  it("names whitespace for screen readers", () => {
    expect(speakable(" isn")).toBe("space + “isn”");
    expect(speakable("\n\n")).toBe("2 new lines");
    expect(speakable("    ")).toBe("4 spaces");
    expect(speakable("\n ")).toBe("new line + space");
    expect(speakable("!")).toBe("“!”");
  });
});
