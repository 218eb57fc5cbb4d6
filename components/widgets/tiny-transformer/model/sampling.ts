// Choosing the next piece: temperature and top-k reshape the model's next-piece distribution,
// then a seeded draw picks one. Plain arithmetic on the logits, so the widget can redraw the bars
// live without touching TF.js.

/**
 * Probabilities of the next piece from `logits`: divided by `temperature` (0 means always the most
 * likely piece), then only the `topK` most likely kept (0 keeps all) and renormalised. Ties at
 * the cut keep the lower ids, so the result never depends on sort stability.
 */
export function nextPieceDistribution(logits: ArrayLike<number>, temperature: number, topK = 0): Float64Array {
  const n = logits.length;
  const probs = new Float64Array(n);
  let best = 0;
  for (let i = 1; i < n; i++) if (logits[i] > logits[best]) best = i;
  if (temperature <= 0 || topK === 1) {
    probs[best] = 1;
    return probs;
  }
  let allowed: Uint8Array | undefined;
  if (topK > 0 && topK < n) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => logits[b] - logits[a] || a - b);
    allowed = new Uint8Array(n);
    for (let r = 0; r < topK; r++) allowed[order[r]] = 1;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (allowed && !allowed[i]) continue;
    probs[i] = Math.exp((logits[i] - logits[best]) / temperature);
    total += probs[i];
  }
  for (let i = 0; i < n; i++) probs[i] /= total;
  return probs;
}

/** One draw from `probs` with a uniform number from `rng`. */
export function samplePiece(probs: ArrayLike<number>, rng: () => number): number {
  let u = rng();
  let last = 0;
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] <= 0) continue;
    last = i;
    u -= probs[i];
    if (u < 0) return i;
  }
  return last; // rounding left a sliver: the last possible piece
}

/** The `count` most likely pieces, most likely first: what the widget draws as bars. */
export function topPieces(probs: ArrayLike<number>, count: number): { id: number; p: number }[] {
  return Array.from({ length: probs.length }, (_, id) => ({ id, p: probs[id] }))
    .sort((a, b) => b.p - a.p || a.id - b.id)
    .slice(0, count);
}
