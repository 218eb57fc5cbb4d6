/**
 * The real tokenizer: GPT-4's `cl100k_base` vocabulary from the gpt-tokenizer package, which ships
 * the vocabulary inside the package (no fetch at run time). Only this one encoding is imported, from
 * its own entry point, so the bundle carries one vocabulary rather than all of them.
 *
 * Heavy (≈ 1.2 MB of vocabulary, ≈ 450 KB gzipped): only the widget's worker and the unit tests
 * import this file, never anything a page loads first.
 */
import bpeRanks from "gpt-tokenizer/bpeRanks/cl100k_base";
import { encode, vocabularySize } from "gpt-tokenizer/encoding/cl100k_base";
import type { Codec } from "./tokens";

/** Special tokens such as "<|endoftext|>" are read as plain text, as a chat app does with typed text. */
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

const encoder = new TextEncoder();
const lengths = new Map<number, number>();

/** Bytes of token `id`: its vocabulary entry is either its text or, for byte fragments, the bytes. */
function byteLength(id: number): number {
  let n = lengths.get(id);
  if (n === undefined) {
    const entry = bpeRanks[id];
    if (entry === undefined) throw new Error(`Token ${id} is not in the cl100k_base vocabulary`);
    n = typeof entry === "string" ? encoder.encode(entry).length : entry.length;
    lengths.set(id, n);
  }
  return n;
}

export const cl100k: Codec = {
  name: "cl100k_base",
  vocabularySize,
  encode: (text) => encode(text, AS_PLAIN_TEXT),
  byteLength,
};
