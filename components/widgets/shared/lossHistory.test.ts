import { describe, expect, it } from "vitest";
import { appendBounded, type LossPoint } from "./lossHistory";

describe("appendBounded", () => {
  it("never holds more than the limit, keeps the first and the newest point", () => {
    let history: LossPoint[] = [];
    for (let epoch = 0; epoch < 5_000; epoch++) history = appendBounded(history, { epoch, train: 1 / (epoch + 1), test: 1 }, 300);
    expect(history.length).toBeLessThanOrEqual(300);
    expect(history[0].epoch).toBe(0);
    expect(history.at(-1)!.epoch).toBe(4_999);
    expect(history.every((p, i) => i === 0 || p.epoch > history[i - 1].epoch)).toBe(true);
  });
});
