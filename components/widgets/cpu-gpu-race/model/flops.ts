/**
 * The arithmetic of the race. Multiplying an n×n matrix by another takes n³ multiplications and
 * (about) n³ additions: 2n³ floating-point operations. GFLOP/s is that count, divided by the
 * seconds one multiplication took, in billions.
 */

/** The sizes raced, smallest first: each step doubles n, so the work grows eightfold. */
export const SIZES = [32, 64, 128, 256, 512, 1024] as const;
export const MAX_SIZES = [256, 512, 1024] as const;

/** Floating-point operations in one n×n by n×n matrix multiplication. */
export function matmulFlops(n: number): number {
  return 2 * n ** 3;
}

/** Billions of floating-point operations per second, for one n×n multiplication taking `seconds`. */
export function gflops(n: number, seconds: number): number {
  if (!(seconds > 0) || !Number.isFinite(seconds)) return Number.NaN;
  return matmulFlops(n) / seconds / 1e9;
}

/** Seconds one n×n multiplication would take at a rate of `rate` GFLOP/s. */
export function predictSeconds(n: number, rate: number): number {
  if (!(rate > 0)) return Number.POSITIVE_INFINITY;
  return matmulFlops(n) / (rate * 1e9);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * How many multiplications one timed sample runs back to back. A browser's clock ticks in steps of
 * about 0.1 ms, and a 32×32 multiplication can take less than that: a sample must last at least
 * `targetMs` for its time to mean anything, so small sizes are repeated and the time divided.
 */
export function repeatsFor(singleMs: number, targetMs: number, max = 512): number {
  if (!(singleMs > 0)) return max;
  return Math.max(1, Math.min(max, Math.ceil(targetMs / singleMs)));
}

/** The sizes up to and including `largest` (at least the first two). */
export function sizesUpTo(largest: number): number[] {
  const sizes = SIZES.filter((n) => n <= largest);
  return sizes.length >= 2 ? sizes : SIZES.slice(0, 2);
}

/** The size after n in the race, or null after the last. */
export function nextSize(sizes: readonly number[], n: number): number | null {
  const i = sizes.indexOf(n);
  return i >= 0 && i + 1 < sizes.length ? sizes[i + 1] : null;
}

/**
 * Whether a backend should stop after reaching `rate` GFLOP/s at n: the next size's one
 * multiplication, at the same rate, would take longer than `limitSeconds`. (Rates do change with
 * size, so this is an estimate; it errs towards stopping early on a slow backend.)
 */
export function stopAfter(sizes: readonly number[], n: number, rate: number, limitSeconds: number): { next: number; seconds: number } | null {
  const next = nextSize(sizes, n);
  if (next === null) return null;
  const seconds = predictSeconds(next, rate);
  return seconds > limitSeconds ? { next, seconds } : null;
}
