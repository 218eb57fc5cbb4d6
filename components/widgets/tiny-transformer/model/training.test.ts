import { describe, expect, it } from "vitest";
import { MIN_PIECES, trainingSplit } from "./training";

describe("the reader's text for training", () => {
  it("holds back the last tenth, and never less than a window", () => {
    const stream = Int32Array.from({ length: 1000 }, (_, i) => i);
    const { train, held } = trainingSplit(stream, 32);
    expect(held.length).toBe(100);
    expect(train.length).toBe(900);
    expect(held[0]).toBe(900);
    expect(trainingSplit(Int32Array.from({ length: MIN_PIECES }), 32).held.length).toBe(33);
  });

  it("refuses a text too short to learn from", () => {
    expect(() => trainingSplit(new Int32Array(50), 32)).toThrow(/too short/);
  });
});
