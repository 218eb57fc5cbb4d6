/*
 * Plain-arithmetic versions of the two operations the widget runs on TF.js, for the tests to check
 * TF.js against and for the read-out under the pointer: a 3 × 3 convolution with zero padding
 * ("same": the output is as large as the input) and 2 × 2 max pooling.
 */

/** out(r, c) = Σ k(i, j) · x(r + i − 1, c + j − 1), pixels outside the picture counting as 0. */
export function convolve3x3(image: ArrayLike<number>, size: number, kernel: ArrayLike<number>): Float32Array {
  const out = new Float32Array(size * size);
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) out[r * size + c] = convolveAt(image, size, kernel, r, c);
  return out;
}

/** The one output pixel at row r, column c. */
export function convolveAt(image: ArrayLike<number>, size: number, kernel: ArrayLike<number>, r: number, c: number): number {
  let sum = 0;
  for (let i = 0; i < 3; i++) {
    const y = r + i - 1;
    if (y < 0 || y >= size) continue;
    for (let j = 0; j < 3; j++) {
      const x = c + j - 1;
      if (x >= 0 && x < size) sum += kernel[i * 3 + j] * image[y * size + x];
    }
  }
  return sum;
}

/** The 3 × 3 patch under the window centred at (r, c), row by row, zeros outside. */
export function patchAt(image: ArrayLike<number>, size: number, r: number, c: number): number[] {
  const patch: number[] = [];
  for (let i = -1; i <= 1; i++) for (let j = -1; j <= 1; j++) {
    const y = r + i;
    const x = c + j;
    patch.push(y >= 0 && y < size && x >= 0 && x < size ? image[y * size + x] : 0);
  }
  return patch;
}

export const relu = (values: Float32Array): Float32Array => values.map((v) => Math.max(0, v));

/** Each 2 × 2 block replaced by its largest value: size × size becomes size/2 × size/2. */
export function maxPool2(image: ArrayLike<number>, size: number): Float32Array {
  const half = size / 2;
  const out = new Float32Array(half * half);
  for (let r = 0; r < half; r++) {
    for (let c = 0; c < half; c++) {
      const i = 2 * r * size + 2 * c;
      out[r * half + c] = Math.max(image[i], image[i + 1], image[i + size], image[i + size + 1]);
    }
  }
  return out;
}
