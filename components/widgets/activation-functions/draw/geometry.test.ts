import { describe, expect, it } from "vitest";
import { boundarySegment } from "../model/neuron";
import { MARGIN, arrowPath, boundaryPixels, toPixel } from "./geometry";
import { inputAtPixel, plotScales } from "./plot";

describe("plot coordinates", () => {
  it("maps the input range onto the plot area and back, snapped to the slider's step", () => {
    const { x } = plotScales(600, 280);
    expect(x(-4)).toBe(MARGIN.left);
    expect(x(4)).toBe(600 - MARGIN.right);
    expect(inputAtPixel(x(1.5), 600)).toBe(1.5);
    expect(inputAtPixel(x(1.52), 600)).toBe(1.5);
    expect(inputAtPixel(0, 600)).toBe(-4); // left of the axis: clamped
    expect(inputAtPixel(10_000, 600)).toBe(4);
  });
});

describe("plane coordinates", () => {
  it("puts the origin in the middle and x2 = +3 at the top", () => {
    expect(toPixel(0, 240)).toBe(120);
    expect(toPixel(-3, 240)).toBe(0);
    expect(toPixel(3, 240)).toBe(240);
  });

  it("draws the arrow from the line's middle along the weights (y down on screen)", () => {
    const pixels = boundaryPixels(boundarySegment(1, 0, 0), 1, 0, 240)!;
    expect(pixels.ends.map((p) => p.x)).toEqual([120, 120]);
    expect(pixels.arrow).toMatch(/^M120\.0,120\.0L154\.0,120\.0/);
    const up = boundaryPixels(boundarySegment(0, 2, 0), 0, 2, 240)!;
    expect(up.arrow).toMatch(/^M120\.0,120\.0L120\.0,86\.0/);
    expect(boundaryPixels(null, 0, 0, 240)).toBeNull();
  });

  it("gives the arrow a head at its tip", () => {
    const d = arrowPath(0, 0, 1, 0);
    expect(d.match(/L34\.0,0\.0/g)).toHaveLength(2);
  });
});
