import { describe as suite, expect, it } from "vitest";
import { describe, formatLoss, formatRatio, verdict } from "./describe";

suite("formatting", () => {
  it("shows losses with three decimals, tiny ones with two significant figures", () => {
    expect(formatLoss(0.1234)).toBe("0.123");
    expect(formatLoss(0.00042)).toBe("0.00042");
    expect(formatLoss(1e-9)).toBe("0.00001");
    expect(formatLoss(Number.NaN)).toBe("—");
  });
  it("rounds ratios and caps the huge ones", () => {
    expect(formatRatio(4.04)).toBe("4.0×");
    expect(formatRatio(37.4)).toBe("37×");
    expect(formatRatio(5000)).toBe("over 1,000×");
  });
});

suite("the summary", () => {
  it("names the gap in words", () => {
    expect(describe(0, 0.4, 0.41, 0.41)).toMatch(/^Epoch 0 · train loss 0\.400 · test loss 0\.410\. Not trained yet/);
    expect(describe(1200, 0.05, 0.2, 0.12)).toBe("Epoch 1,200 · train loss 0.050 · test loss 0.200. Test loss is 4.0× the train loss: it is memorising the noise.");
    expect(describe(900, 0.07, 0.1, 0.1)).toMatch(/stay close: it is learning the curve, not the noise\.$/);
    expect(describe(900, 0.04, 0.1, 0.1)).toMatch(/Test loss is 2\.5× the train loss: a gap is opening\.$/);
  });
  it("calls a widening gap with a rising test loss memorising", () => {
    expect(verdict(800, 0.04, 0.12, 0.1)).toBe("memorising");
    expect(verdict(800, 0.04, 0.1, 0.1)).toBe("gap");
    expect(verdict(800, 0.001, 0.2, 0.15)).toBe("memorising");
  });
});
