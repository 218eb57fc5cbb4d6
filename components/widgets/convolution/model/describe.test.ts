import { describe, expect, it } from "vitest";
import { describeSource, extent, fmt, summarize } from "./describe";
import { clampWeight, presetOf, PRESETS, layer1Filter, layer2Filter, LAYER1, LAYER2 } from "./kernels";
import { blankImage, SIZE, stamp, strokeLine, upsampleDigit } from "./image";

describe("the summary", () => {
  it("names the digit, the filter's range and the strongest shape", () => {
    const shapes = LAYER2.map((_, i) => new Float32Array([0, i === 3 ? 0.74 : 0.1]));
    expect(summarize({ kind: "digit", label: 7, sample: 11, count: 1797 }, "vertical", [-0.5, 0.92], shapes)).toBe(
      "A handwritten 7 (sample 12 of 1,797) · Vertical edges: from −0.50 to 0.92 · layer 2 answers most to top-right bends (0.74)",
    );
    expect(summarize({ kind: "drawing", empty: true }, "custom", [0, 0], LAYER2.map(() => [0]))).toBe(
      "An empty pad · Your filter: from 0.00 to 0.00 · layer 2 finds no shape",
    );
    expect(describeSource({ kind: "drawing", empty: false })).toBe("Your drawing");
    expect(fmt(-0.001)).toBe("0.00");
    expect(extent([3, -1, 2])).toEqual([-1, 3]);
  });
});

describe("kernels", () => {
  it("knows a preset when it sees one, and calls anything else custom", () => {
    expect(presetOf(PRESETS.blur.kernel)).toBe("blur");
    expect(presetOf([...PRESETS.sharpen.kernel])).toBe("sharpen");
    expect(presetOf([0, 0, 0, 0, 1, 0, 0, 0, 0])).toBe("custom");
  });

  it("keeps typed weights on the quarter steps between −4 and 4", () => {
    expect(clampWeight(0.3)).toBe(0.25);
    expect(clampWeight(9)).toBe(4);
    expect(clampWeight(-7)).toBe(-4);
    expect(clampWeight(Number.NaN)).toBe(0);
  });

  it("lays the filters out as TF.js wants them: [h, w, in, out], out fastest", () => {
    const w1 = layer1Filter();
    expect(w1).toHaveLength(9 * 4);
    // Kernel cell 5 (middle row, right) of filter 1 (right sides) is minus the vertical preset's.
    expect(w1[5 * 4 + 1]).toBe(-PRESETS.vertical.kernel[5]);
    expect(w1[5 * 4 + 0]).toBe(PRESETS.vertical.kernel[5]);
    const w2 = layer2Filter();
    expect(w2).toHaveLength(9 * LAYER1.length * LAYER2.length);
    // Shape 2 (top-left bends) takes the top map (edge 2) at cell 5 with weight 0.5.
    expect(w2[(5 * 4 + 2) * 6 + 2]).toBe(0.5);
  });
});

describe("pictures", () => {
  it("upsamples an 8 × 8 digit to a 24 × 24 picture with a clear margin", () => {
    const cells = new Array(64).fill(0);
    cells[3 * 8 + 4] = 1;
    const picture = upsampleDigit(cells);
    expect(picture).toHaveLength(SIZE * SIZE);
    expect(Math.max(...picture)).toBeGreaterThan(0.5);
    // The ink sits where cell (3, 4) lands: 2 px margin + 2.5 px per cell.
    const at = picture.indexOf(Math.max(...picture));
    expect(Math.floor(at / SIZE)).toBeGreaterThanOrEqual(9);
    expect(Math.floor(at / SIZE)).toBeLessThanOrEqual(11);
    expect(upsampleDigit(new Array(64).fill(1))[0]).toBe(0);
    expect(() => upsampleDigit([1, 2])).toThrow();
  });

  it("inks dots and strokes without gaps, never lightening ink", () => {
    const image = blankImage();
    expect(stamp(image, 5, 5)).toBe(true);
    expect(image[4 * SIZE + 4]).toBe(1);
    expect(stamp(image, 5, 5)).toBe(false);
    strokeLine(image, [2, 20], [20, 20]);
    for (let x = 3; x < 20; x++) expect(image[19 * SIZE + x]).toBeGreaterThan(0.5);
  });
});
