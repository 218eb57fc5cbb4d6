import { DIGIT_PIXELS, MAX_CELL, type DigitsData } from "../../shared/digits";
import { createRng, shuffleInPlace } from "../../shared/rng";

// The data set and its decoder live in ../../shared/digits (the convolution widget reads them too).
export type DigitsSplit = { xs: Float32Array; ys: Float32Array; count: number };

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
