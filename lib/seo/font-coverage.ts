import { inflateSync } from "node:zlib";

/** The raw bytes of one table ("cmap", …) of a WOFF 1.0 or plain TrueType/OpenType font. */
function fontTable(font: Uint8Array, tag: string): DataView {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const isWoff = view.getUint32(0) === 0x774f4646; // "wOFF"
  const numTables = view.getUint16(isWoff ? 12 : 4);
  const [first, size] = isWoff ? [44, 20] : [12, 16];
  for (let i = 0; i < numTables; i++) {
    const at = first + i * size;
    if (String.fromCharCode(...font.subarray(at, at + 4)) !== tag) continue;
    if (!isWoff) return new DataView(font.buffer, font.byteOffset + view.getUint32(at + 8), view.getUint32(at + 12));
    const [offset, compLength, origLength] = [view.getUint32(at + 4), view.getUint32(at + 8), view.getUint32(at + 12)];
    const stored = font.subarray(offset, offset + compLength);
    const bytes = compLength < origLength ? new Uint8Array(inflateSync(stored)) : stored;
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  throw new Error(`font has no "${tag}" table (only WOFF 1.0, TrueType and OpenType are read; not WOFF2)`);
}

/**
 * Every code point the font draws (maps to a glyph other than .notdef), read from its cmap table:
 * the Unicode subtable in format 12 if there is one, else format 4.
 */
export function fontCodePoints(font: Uint8Array): Set<number> {
  const cmap = fontTable(font, "cmap");
  const subtables: { format: number; offset: number }[] = [];
  for (let i = 0; i < cmap.getUint16(2); i++) {
    const platform = cmap.getUint16(4 + i * 8);
    const encoding = cmap.getUint16(6 + i * 8);
    const offset = cmap.getUint32(8 + i * 8);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) subtables.push({ format: cmap.getUint16(offset), offset });
  }
  const chosen = subtables.find((s) => s.format === 12) ?? subtables.find((s) => s.format === 4);
  if (!chosen) throw new Error("font has no Unicode cmap subtable in format 4 or 12");
  const points = new Set<number>();
  const at = chosen.offset;
  if (chosen.format === 12) {
    for (let g = 0; g < cmap.getUint32(at + 12); g++) {
      const group = at + 16 + g * 12;
      const [start, end, glyph] = [cmap.getUint32(group), cmap.getUint32(group + 4), cmap.getUint32(group + 8)];
      for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) points.add(c);
    }
    return points;
  }
  const segments = cmap.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const [start, end] = [cmap.getUint16(starts + s * 2), cmap.getUint16(ends + s * 2)];
    const delta = cmap.getInt16(deltas + s * 2);
    const rangeOffset = cmap.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = cmap.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(c);
    }
  }
  return points;
}
