/** A loss as a reader can take it in: three decimals, or two significant figures when tiny. */
export function formatLoss(value: number): string {
  if (!Number.isFinite(value)) return "—";
  if (value >= 0.01) return value.toFixed(3);
  if (value < 0.00001) return "0.00001";
  return value.toPrecision(2);
}

/** How many times larger the test loss is than the train loss, in words-friendly form. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio >= 1000) return "over 1,000×";
  if (ratio >= 10) return `${Math.round(ratio)}×`;
  return `${ratio.toFixed(1)}×`;
}

export type Verdict = "untrained" | "learning" | "close" | "gap" | "memorising";

/**
 * What the two losses say. `bestTest` is the lowest test loss seen so far: once the test loss has
 * climbed clearly above it while the train loss sits far below, the network is memorising.
 */
export function verdict(epoch: number, train: number, test: number, bestTest: number): Verdict {
  if (epoch === 0 || !Number.isFinite(train) || !Number.isFinite(test)) return "untrained";
  const ratio = test / Math.max(train, 1e-9);
  if (ratio < 1.6) return "close";
  if (ratio >= 4) return "memorising";
  if (ratio >= 2.5 && test > bestTest * 1.1) return "memorising";
  return epoch < 100 ? "learning" : "gap";
}

/** The one-line live summary: the epoch, both losses, and the gap in words. */
export function describe(epoch: number, train: number, test: number, bestTest: number): string {
  const losses = `Epoch ${epoch.toLocaleString("en-GB")} · train loss ${formatLoss(train)} · test loss ${formatLoss(test)}`;
  const ratio = formatRatio(test / Math.max(train, 1e-9));
  switch (verdict(epoch, train, test, bestTest)) {
    case "untrained":
      return `${losses}. Not trained yet: press Play to fit the filled points.`;
    case "learning":
      return `${losses}. Both are falling: it is finding the broad shape.`;
    case "close":
      return `${losses}. The two stay close: it is learning the curve, not the noise.`;
    case "gap":
      return `${losses}. Test loss is ${ratio} the train loss: a gap is opening.`;
    case "memorising":
      return `${losses}. Test loss is ${ratio} the train loss: it is memorising the noise.`;
  }
}
