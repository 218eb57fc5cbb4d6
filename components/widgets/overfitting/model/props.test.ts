import { describe, expect, it } from "vitest";
import { DEFAULT_SEED, nearestStop, normalize, L2_STOPS } from "./props";

describe("an entry's props as the first state", () => {
  it("snaps the regularizers to the nearest stop offered", () => {
    expect(nearestStop(L2_STOPS, 0.004)).toBe(0.003);
    expect(nearestStop(L2_STOPS, Number.NaN)).toBe(0);
    expect(normalize({ l2: 0.01, dropout: 0.27 })).toMatchObject({ l2: 0.01, dropout: 0.3 });
  });

  it("keeps good props and replaces bad ones with the defaults", () => {
    expect(normalize({})).toEqual({ l2: 0, dropout: 0, highlight: "none", seed: DEFAULT_SEED });
    expect(normalize({ highlight: "dropout", seed: 7 })).toMatchObject({ highlight: "dropout", seed: 7 });
    expect(normalize({ highlight: "bogus" as never, seed: 1.5 })).toMatchObject({ highlight: "none", seed: DEFAULT_SEED });
    expect(normalize({ seed: -3 }).seed).toBe(DEFAULT_SEED);
  });
});
