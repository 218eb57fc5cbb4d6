import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus, splitCorpus } from "./corpus";
import { PUBLIC_DIR } from "./manifest";
import { END_PIECE, ESCAPE_PIECE, learnBpe, normalizeText, preTokenize, Tokenizer, WORD_START, type VocabJson } from "./tokenizer";

const root = path.resolve(__dirname, "../../../..");
const corpus = readCorpus(root);
const shipped = new Tokenizer(JSON.parse(fs.readFileSync(path.join(root, PUBLIC_DIR, "vocab.json"), "utf8")) as VocabJson);

describe("the corpus", () => {
  it("is prose: no front matter, JSX, markdown syntax, math or links' addresses", () => {
    const all = corpus.train.concat(corpus.heldOut);
    expect(all.length).toBeGreaterThan(50);
    for (const { id, text } of all) {
      expect(text.length, id).toBeGreaterThan(500);
      expect(text, id).not.toMatch(/<\/?[A-Z][A-Za-z]*|\]\(|^#+ |\*\*|\\[a-z]+|^---$|^title:|\/glossary\//m); // "$1 million" is prose
    }
  });

  it("holds out every 10th entry in slug order, and the letters always train", () => {
    const docs = Array.from({ length: 25 }, (_, i) => ({ id: `glossary/e${String(i).padStart(2, "0")}`, text: "x" }));
    const { train, heldOut } = splitCorpus(docs.slice().reverse(), [{ id: "letters/a", text: "y" }]);
    expect(heldOut.map((d) => d.id)).toEqual(["glossary/e09", "glossary/e19"]);
    expect(train).toHaveLength(24);
    expect(corpus.heldOut.some((d) => d.id.startsWith("letters/"))).toBe(false);
    expect(corpus.train.some((d) => d.id.startsWith("letters/"))).toBe(true);
  });
});

describe("the shipped tokenizer", () => {
  it("has at most 1,024 pieces, word-start pieces among them", () => {
    expect(shipped.size).toBeLessThanOrEqual(1024);
    expect(shipped.pieces.filter((p) => p.startsWith(WORD_START)).length).toBeGreaterThan(300);
    expect(shipped.pieces).toContain(`${WORD_START}the`);
  });

  it("round-trips every entry's and letter's text (lower-cased)", () => {
    for (const { id, text } of corpus.train.concat(corpus.heldOut)) {
      const normalized = normalizeText(text);
      expect(normalized, id).toBe(text.toLowerCase()); // the corpus is already one paragraph a line
      expect(shipped.decode(shipped.encode(text)), id).toBe(normalized);
    }
  });

  it("reads as word pieces: a common word is one piece that starts with the marker", () => {
    const pieces = shipped.encode("The model learns from the data.").map((id) => shipped.pieceText(id));
    expect(pieces[0]).toBe(`${WORD_START}the`);
    expect(pieces).toContain(`${WORD_START}model`);
    expect(pieces.at(-1)).toBe(".");
  });

  it("spells characters it never saw with an escape, and still round-trips them", () => {
    const text = "Émile said “ok” 🙂 — 漢字";
    const ids = shipped.encode(text);
    expect(ids).toContain(shipped.escapeId);
    expect(shipped.decode(ids)).toBe(normalizeText(text));
  });

  it("decodes the end piece as a line break and a broken escape as a replacement character", () => {
    const the = shipped.encode("the");
    expect(shipped.decode([...the, shipped.endId, ...the])).toBe("the\nthe");
    expect(shipped.decode([shipped.escapeId, ...the])).toBe("\ufffd");
  });
});

describe("learning BPE", () => {
  const texts = ["The cat sat on the mat.", "The dog sat on the log."];

  it("is deterministic and starts from specials and the alphabet", () => {
    const a = learnBpe(texts, 40);
    expect(learnBpe(texts, 40)).toEqual(a);
    expect(a.pieces.slice(0, 2)).toEqual([END_PIECE, ESCAPE_PIECE]);
    expect(a.pieces.length).toBeLessThanOrEqual(40);
    expect(a.pieces.slice(a.firstMerged)).toContain(`${WORD_START}the`);
  });

  it("normalizes once and for all: lower case, one space, no empty lines", () => {
    const messy = "  The  Cat\r\n\n\tSat ";
    expect(normalizeText(messy)).toBe("the cat\nsat");
    expect(normalizeText(normalizeText(messy))).toBe(normalizeText(messy));
  });

  it("marks word starts, line starts included, so pieces are the same wherever a word stands", () => {
    expect(preTokenize("the cat's mat.\nit (sat)")).toEqual([`${WORD_START}the`, `${WORD_START}cat's`, `${WORD_START}mat`, ".", "\n", `${WORD_START}it`, `${WORD_START}(`, "sat", ")"]);
  });
});
