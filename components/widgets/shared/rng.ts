/** Seeded uniform generator on [0, 1) (mulberry32): same seed, same sequence, in every runtime. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal sample (mean 0, standard deviation 1) by the Box–Muller transform. */
export function gaussian(rng: () => number): number {
  // 1 - u lies in (0, 1], so the logarithm is always finite.
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Fisher–Yates shuffle in place (arrays or typed arrays), driven by `rng`. */
export function shuffleInPlace<T>(items: { [index: number]: T; length: number }, rng: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const swap = items[i];
    items[i] = items[j];
    items[j] = swap;
  }
}

/** A shuffled copy of `items`. */
export function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const copy = items.slice();
  shuffleInPlace(copy, rng);
  return copy;
}

/** Glorot/Xavier uniform: U(-limit, limit) with limit = sqrt(6 / (fanIn + fanOut)), row-major fanIn × fanOut. */
export function glorotUniform(fanIn: number, fanOut: number, rng: () => number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < values.length; i++) values[i] = (2 * rng() - 1) * limit;
  return values;
}
