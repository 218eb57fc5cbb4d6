import { describe, expect, it } from "vitest";
import { colourTable } from "../../shared/palette";
import { attentionPixels, maskPath, MASKED_RGB } from "./cells";

describe("an attention map's cells", () => {
  const colours = colourTable("light");
  it("paints weights from paper to purple and the masked triangle grey", () => {
    const map = [1, 0, 0.5, 0.5];
    const px = attentionPixels(map, 2, colours, MASKED_RGB.light);
    expect([...px.slice(0, 4)]).toEqual([...colours.slice(255 * 4, 256 * 4)]); // weight 1: the purple end
    expect([...px.slice(4, 8)]).toEqual([...MASKED_RGB.light, 255]); // row 0 cannot see piece 1
    expect([...px.slice(8, 12)]).toEqual([...px.slice(12, 16)]); // equal weights, equal colours
    expect(px[8]).toBeGreaterThan(px[0]); // half a weight is lighter than a whole one
  });

  it("outlines exactly the cells after the diagonal", () => {
    expect(maskPath(1, 0, 0, 10)).toBe("");
    expect(maskPath(3, 0, 0, 10)).toBe("M10,0H30V20H20V10H10V0Z");
  });
});
