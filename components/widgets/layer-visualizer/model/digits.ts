import { createRng, shuffleInPlace } from "../../shared/rng";

/*
 * Handwritten digits from the UCI "Optical Recognition of Handwritten Digits" set
 * (E. Alpaydin, C. Kaynak, 1998; CC BY 4.0), built by scripts/build-digits.mjs.
 * Each 65-byte record is an 8×8 image, row by row, whose cells count the inked
 * pixels (0..16) of a 4×4 block of a 32×32 drawing, followed by the label 0..9.
 */
export const DIGITS_URL = "/widgets/digits.bin";
export const DIGIT_PIXELS = 64;
export const DIGIT_CLASSES = 10;
const RECORD_BYTES = DIGIT_PIXELS + 1;
const MAX_CELL = 16;

export type DigitsData = { pixels: Float32Array; labels: Int32Array; count: number };
export type DigitsSplit = { xs: Float32Array; ys: Float32Array; count: number };

/** Pixels scaled to 0..1 (n × 64, row-major) and labels, in record order. */
export function decodeDigits(buffer: ArrayBuffer | Uint8Array): DigitsData {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length % RECORD_BYTES !== 0) {
    throw new Error(`Digits data is ${bytes.length} bytes, not a whole number of ${RECORD_BYTES}-byte records`);
  }
  const count = bytes.length / RECORD_BYTES;
  const pixels = new Float32Array(count * DIGIT_PIXELS);
  const labels = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    const record = row * RECORD_BYTES;
    for (let p = 0; p < DIGIT_PIXELS; p++) pixels[row * DIGIT_PIXELS + p] = bytes[record + p] / MAX_CELL;
    labels[row] = bytes[record + DIGIT_PIXELS];
  }
  return { pixels, labels, count };
}

/** Seeded shuffle, then round(count × testFraction) digits for testing and the rest for training. */
export function splitDigits(
  data: DigitsData,
  testFraction: number,
  seed: number,
): { train: DigitsSplit; test: DigitsSplit } {
  const order = Array.from({ length: data.count }, (_, i) => i);
  shuffleInPlace(order, createRng(seed));
  const testCount = Math.round(data.count * testFraction);
  return {
    test: gatherDigits(data, order.slice(0, testCount)),
    train: gatherDigits(data, order.slice(testCount)),
  };
}

function gatherDigits(data: DigitsData, rows: number[]): DigitsSplit {
  const xs = new Float32Array(rows.length * DIGIT_PIXELS);
  const ys = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    xs.set(data.pixels.subarray(row * DIGIT_PIXELS, (row + 1) * DIGIT_PIXELS), i * DIGIT_PIXELS);
    ys[i] = data.labels[row];
  });
  return { xs, ys, count: rows.length };
}

/**
 * Turns a size × size drawing (1 or true = ink, row-major) into the 64 cells the
 * UCI data uses: each cell counts the inked pixels of one (size/8)² block, scaled
 * so a full block is 16. For size 32 the blocks are 4×4 and the cells are raw counts.
 */
export function downsampleTo8x8(ink: Uint8Array | boolean[], size = 32): number[] {
  if (size % 8 !== 0 || size <= 0) throw new Error(`Drawing size ${size} is not a positive multiple of 8`);
  if (ink.length !== size * size) throw new Error(`Expected ${size * size} pixels, got ${ink.length}`);
  const block = size / 8;
  const cells = new Array<number>(DIGIT_PIXELS).fill(0);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (ink[y * size + x]) cells[Math.floor(y / block) * 8 + Math.floor(x / block)] += 1;
    }
  }
  const scale = MAX_CELL / (block * block);
  return cells.map((inked) => Math.round(inked * scale));
}
