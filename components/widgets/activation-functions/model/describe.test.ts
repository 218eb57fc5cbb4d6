import { describe, expect, it } from "vitest";
import { describeNeuron, describePoint, fixed1, fixed2, shortNumber, weightedSumText } from "./describe";

describe("numbers", () => {
  it("uses a real minus sign and never shows −0", () => {
    expect(fixed2(-1.5)).toBe("−1.50");
    expect(fixed2(-0.001)).toBe("0.00");
    expect(fixed2(0.919)).toBe("0.92");
    expect(shortNumber(1)).toBe("1");
    expect(shortNumber(0.25)).toBe("0.25");
    expect(shortNumber(0.1)).toBe("0.1");
    expect(shortNumber(0)).toBe("0");
    expect(shortNumber(0.0019)).toBe("0.002"); // not 0 when it is not 0
    expect(shortNumber(-0.0001)).toBe("−0.0001");
    expect(shortNumber(1e-9)).toBe("almost 0");
    expect(shortNumber(-0.5)).toBe("−0.5");
    expect(fixed1(-0.04)).toBe("0.0");
  });
});

describe("the plot's summary", () => {
  it("reads like the brief's example", () => {
    expect(describePoint("relu", 1.5)).toBe("ReLU at x = 1.50: output 1.50, slope 1");
    expect(describePoint("sigmoid", 0)).toBe("Sigmoid at x = 0.00: output 0.50, slope 0.25");
    expect(describePoint("gelu", 1)).toBe("GELU at x = 1.00: output 0.84, slope 1.08");
  });

  it("says when the curve is flat or nearly flat, and when x sits on a corner", () => {
    expect(describePoint("relu", -1)).toBe("ReLU at x = −1.00: output 0.00, slope 0 — flat, so no learning signal passes back");
    expect(describePoint("sigmoid", -4)).toMatch(/slope 0\.02 — nearly flat/);
    expect(describePoint("tanh", 3)).toMatch(/nearly flat/);
    expect(describePoint("relu", 0)).toMatch(/^ReLU at x = 0\.00: output 0\.00, slope 0 \(a corner/);
    expect(describePoint("gelu", -0.75)).toBe("GELU at x = −0.75: output −0.17, slope 0.001 — nearly flat: little signal to learn from");
    expect(describePoint("leaky-relu", -2)).toBe("Leaky ReLU at x = −2.00: output −0.20, slope 0.1");
  });
});

describe("the neuron's summary", () => {
  it("writes the weighted sum with its signs", () => {
    expect(weightedSumText(1, -0.5, 0.5)).toBe("1.0·x₁ − 0.5·x₂ + 0.5");
    expect(weightedSumText(-2, 0, -1)).toBe("−2.0·x₁ + 0.0·x₂ − 1.0");
  });

  it("describes the bend the activation puts along the line", () => {
    expect(describeNeuron("relu", 1, -0.5, 0.5)).toBe(
      "ReLU(1.0·x₁ − 0.5·x₂ + 0.5) is flat at 0 on one side of the dashed line, rising steadily on the other; it grows in the direction of the arrow.",
    );
    expect(describeNeuron("sigmoid", 2, 1.5, -1)).toMatch(/^Sigmoid\(2\.0·x₁ \+ 1\.5·x₂ − 1\.0\) is near 0 on one side/);
    expect(describeNeuron("tanh", 0, 0, 1)).toBe("Tanh neuron with both weights at 0: it ignores x₁ and x₂, and gives 0.76 everywhere.");
  });
});
