import { describe, expect, it } from "vitest";
import vocabJson from "@/public/widgets/tiny-transformer/vocab.json";
import { decodeGlossaryPieces, encodeGlossaryPieces, glossaryPieces, HELD_PIECES_PER_ENTRY } from "./glossaryPieces";
import { Tokenizer, type VocabJson } from "./tokenizer";

const tokenizer = new Tokenizer(vocabJson as VocabJson);
const long = (word: string) => Array.from({ length: 400 }, (_, i) => `${word} number ${i} learns.`).join(" ");

describe("the glossary's pieces for Train it yourself", () => {
  const documents = [
    { id: "glossary/a", text: "attention looks back." },
    { id: "glossary/b", text: long("held") },
    { id: "letters/c", text: "a letter about tokens." },
  ];
  const pieces = glossaryPieces(tokenizer, documents, [documents[1]]);

  it("never trains on a held-out entry", () => {
    expect(tokenizer.decode([...pieces.train])).toBe("attention looks back.\na letter about tokens.\n");
  });

  it("measures on the start of each held-out entry, ended by the end marker", () => {
    expect(pieces.held.length).toBe(HELD_PIECES_PER_ENTRY + 1);
    expect(pieces.held[HELD_PIECES_PER_ENTRY]).toBe(tokenizer.endId);
    expect([...pieces.held.slice(0, 8)]).toEqual(tokenizer.encode(long("held")).slice(0, 8));
  });

  it("round-trips through its file, and refuses a file cut short", () => {
    const bytes = encodeGlossaryPieces(pieces);
    const back = decodeGlossaryPieces(bytes.buffer as ArrayBuffer);
    expect([...back.train]).toEqual([...pieces.train]);
    expect([...back.held]).toEqual([...pieces.held]);
    expect(() => decodeGlossaryPieces(bytes.slice(0, bytes.length - 2).buffer)).toThrow(/cut short/);
  });
});
