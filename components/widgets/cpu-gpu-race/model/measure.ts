import type * as tfCore from "@tensorflow/tfjs-core";
import { gflops, median, repeatsFor, stopAfter } from "./flops";

/** One size measured on one backend. */
export type Measurement = {
  n: number;
  /** The median time of one multiplication, in seconds. */
  seconds: number;
  gflops: number;
  /** How many multiplications each timed sample ran back to back. */
  repeats: number;
  /** Seconds per multiplication in each sample (the median is taken of these). */
  samples: number[];
  /** Wall time of the whole step, warm-up included, in ms. */
  stepMs: number;
};

export type MeasureOptions = {
  /** Milliseconds, like performance.now. */
  clock: () => number;
  /** Timed samples per size; the median is reported. */
  samples: number;
  /** Each sample lasts at least this long (small sizes are repeated to get there). */
  targetMs: number;
  /**
   * Runs between the timed parts, never inside one: the worker yields to its messages here, and
   * throws to stop the race.
   */
  between: () => Promise<void> | void;
};

export const DEFAULTS: Omit<MeasureOptions, "clock" | "between"> = { samples: 3, targetMs: 20 };

/**
 * Times n×n by n×n multiplications on whichever backend `tf` runs now. Honest timing: one untimed
 * warm-up (the WebGL backend compiles its shaders then), every multiplication forced to finish and
 * its answer read back (`dataSync`) inside the timed region, the median of a few samples, and
 * every tensor disposed, also when the race is stopped halfway.
 */
export async function measureMatmul(tf: typeof tfCore, n: number, options: MeasureOptions): Promise<Measurement> {
  const { clock, between } = options;
  const began = clock();
  const a = tf.randomUniform([n, n], -1, 1, "float32");
  const b = tf.randomUniform([n, n], -1, 1, "float32");
  const once = () => {
    const c = tf.matMul(a, b);
    c.dataSync();
    c.dispose();
  };
  try {
    once();
    await between();
    const t0 = clock();
    once();
    const single = clock() - t0;
    const repeats = repeatsFor(single, options.targetMs);
    const samples: number[] = [];
    for (let s = 0; s < options.samples; s++) {
      await between();
      const start = clock();
      for (let i = 0; i < repeats; i++) once();
      samples.push((clock() - start) / repeats / 1000);
    }
    const seconds = median(samples);
    return { n, seconds, gflops: gflops(n, seconds), repeats, samples, stepMs: clock() - began };
  } finally {
    a.dispose();
    b.dispose();
  }
}

export type BackendEnd = { kind: "done" } | { kind: "limit"; at: number; next: number; seconds: number };

/**
 * Races one backend through the sizes, smallest first, and stops it early when the next size
 * would take longer than `limitSeconds` per multiplication at the rate just measured.
 */
export async function raceSizes(
  sizes: readonly number[],
  measure: (n: number) => Promise<Measurement>,
  onResult: (m: Measurement) => void,
  limitSeconds: number,
): Promise<BackendEnd> {
  for (const n of sizes) {
    const m = await measure(n);
    onResult(m);
    const stop = stopAfter(sizes, n, m.gflops, limitSeconds);
    if (stop) return { kind: "limit", at: n, ...stop };
  }
  return { kind: "done" };
}
