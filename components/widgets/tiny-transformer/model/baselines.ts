// The baselines the transformer must beat, in nats per piece on the same held-out predictions:
// a unigram model (how often each piece occurs) and a bigram model (which piece follows which).

/** Add-one unigram probabilities from a training stream. */
export function unigramModel(stream: ArrayLike<number>, vocabSize: number): Float64Array {
  const p = new Float64Array(vocabSize).fill(1);
  for (let i = 0; i < stream.length; i++) p[stream[i]]++;
  const total = stream.length + vocabSize;
  for (let i = 0; i < vocabSize; i++) p[i] /= total;
  return p;
}

/** Mean nats per piece of predicting stream[1..] with the unigram model (the first piece is not predicted, as for the transformer). */
export function unigramLoss(unigram: Float64Array, stream: ArrayLike<number>): number {
  let nats = 0;
  for (let i = 1; i < stream.length; i++) nats -= Math.log(unigram[stream[i]]);
  return nats / (stream.length - 1);
}

/** Absolute discount of the bigram model: a common choice, fixed in advance, not tuned on held-out text. */
export const BIGRAM_DISCOUNT = 0.75;

/**
 * Interpolated absolute discounting: P(b | a) = max(c(a,b) − D, 0)/c(a) + D·n(a)/c(a)·P(b), with
 * n(a) the number of different pieces seen after a, and the add-one unigram P(b) for pieces never
 * seen before. A fair, standard bigram baseline.
 */
export function bigramLoss(train: ArrayLike<number>, heldOut: ArrayLike<number>, vocabSize: number): number {
  const unigram = unigramModel(train, vocabSize);
  const pairs = new Map<number, number>();
  const after = new Float64Array(vocabSize);
  const kinds = new Float64Array(vocabSize);
  for (let i = 0; i + 1 < train.length; i++) {
    const key = train[i] * vocabSize + train[i + 1];
    const count = pairs.get(key) ?? 0;
    if (count === 0) kinds[train[i]]++;
    pairs.set(key, count + 1);
    after[train[i]]++;
  }
  let nats = 0;
  for (let i = 1; i < heldOut.length; i++) {
    const a = heldOut[i - 1];
    const b = heldOut[i];
    let p = unigram[b];
    if (after[a] > 0) p = Math.max((pairs.get(a * vocabSize + b) ?? 0) - BIGRAM_DISCOUNT, 0) / after[a] + ((BIGRAM_DISCOUNT * kinds[a]) / after[a]) * unigram[b];
    nats -= Math.log(p);
  }
  return nats / (heldOut.length - 1);
}
