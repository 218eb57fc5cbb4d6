/*
 * Handwritten digits from the UCI "Optical Recognition of Handwritten Digits" set
 * (E. Alpaydin, C. Kaynak, 1998; CC BY 4.0), built by scripts/build-digits.mjs.
 * Each 65-byte record is an 8×8 image, row by row, whose cells count the inked
 * pixels (0..16) of a 4×4 block of a 32×32 drawing, followed by the label 0..9.
 * Shared by the widgets that show these digits (layer visualizer, convolution).
 */
export const DIGITS_URL = "/widgets/digits.bin";
export const DIGIT_PIXELS = 64;
export const DIGIT_CLASSES = 10;
const RECORD_BYTES = DIGIT_PIXELS + 1;
export const MAX_CELL = 16;

export type DigitsData = { pixels: Float32Array; labels: Int32Array; count: number };

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
