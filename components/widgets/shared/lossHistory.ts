/** One row of a train-versus-test loss record. */
export type LossPoint = { epoch: number; train: number; test: number };

/** Keeps at most `limit` points by dropping every other old one, so drawing cost stays flat. */
export function appendBounded<T = LossPoint>(history: T[], point: T, limit = 300): T[] {
  const next = history.length >= limit ? history.filter((_, i) => i % 2 === 0) : history.slice();
  next.push(point);
  return next;
}
