// "Train it yourself" on the glossary: the text the reader's model learns from and is measured on,
// as the shipped tokenizer's piece ids, in one small binary file the build writes
// (scripts/generate-tiny-transformer-text.ts) and the training worker fetches.
//   file: u32 training pieces, u32 held-out pieces, then that many u16 ids each (little-endian)
import type { CorpusDocument } from "./corpus";
import { encodeDocuments, type Tokenizer } from "./tokenizer";

export const GLOSSARY_PIECES_FILE = "glossary-pieces.bin";
/** Each held-out entry's first pieces: eight entries of this many make a measure quick enough to repeat every few seconds. */
export const HELD_PIECES_PER_ENTRY = 512;

export type GlossaryPieces = { train: Uint16Array; held: Uint16Array };

/**
 * Trains on every document except the shipped model's held-out entries; measures on the start of
 * each held-out entry, text neither model has read.
 */
export function glossaryPieces(tokenizer: Tokenizer, documents: CorpusDocument[], heldOut: CorpusDocument[]): GlossaryPieces {
  const heldIds = new Set(heldOut.map((d) => d.id));
  const train = encodeDocuments(
    tokenizer,
    documents.filter((d) => !heldIds.has(d.id)).map((d) => d.text),
  );
  const held: number[] = [];
  for (const doc of heldOut) held.push(...tokenizer.encode(doc.text).slice(0, HELD_PIECES_PER_ENTRY), tokenizer.endId);
  return { train: Uint16Array.from(train), held: Uint16Array.from(held) };
}

export function encodeGlossaryPieces({ train, held }: GlossaryPieces): Uint8Array {
  const out = new Uint8Array(8 + 2 * (train.length + held.length));
  const view = new DataView(out.buffer);
  view.setUint32(0, train.length, true);
  view.setUint32(4, held.length, true);
  train.forEach((id, i) => view.setUint16(8 + 2 * i, id, true));
  held.forEach((id, i) => view.setUint16(8 + 2 * (train.length + i), id, true));
  return out;
}

export function decodeGlossaryPieces(bytes: ArrayBuffer): GlossaryPieces {
  const view = new DataView(bytes);
  if (bytes.byteLength < 8) throw new Error("The glossary's pieces are missing or cut short.");
  const trainLength = view.getUint32(0, true);
  const heldLength = view.getUint32(4, true);
  if (bytes.byteLength !== 8 + 2 * (trainLength + heldLength)) throw new Error("The glossary's pieces are cut short or corrupt.");
  const read = (from: number, length: number) => Uint16Array.from({ length }, (_, i) => view.getUint16(from + 2 * i, true));
  return { train: read(8, trainLength), held: read(8 + 2 * trainLength, heldLength) };
}
