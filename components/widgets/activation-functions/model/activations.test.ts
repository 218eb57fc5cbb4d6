import { describe, expect, it } from "vitest";
import { ACTIVATIONS, LEAKY_SLOPE, activation, derivativePieces, erf, geluTanh, isActivationId, normalCdf, sample, sigmoid, tangent } from "./activations";

const relu = activation("relu");
const leaky = activation("leaky-relu");
const sig = activation("sigmoid");
const tanh = activation("tanh");
const gelu = activation("gelu");
const softplus = activation("softplus");

describe("erf", () => {
  // Reference values to 16 digits (Abramowitz and Stegun, table 7.1, and any arbitrary-precision library).
  it.each([
    [0, 0],
    [0.1, 0.1124629160182849],
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [1.5, 0.9661051464753108],
    [2, 0.9953222650189527],
    [2.5, 0.999593047982555],
    [3, 0.9999779095030014],
    [4, 0.9999999845827421],
  ])("erf(%f) = %f", (x, want) => {
    expect(erf(x)).toBeCloseTo(want, 13);
    expect(erf(-x)).toBeCloseTo(-want, 13);
  });

  it("is continuous where it switches from the series to the continued fraction", () => {
    expect(Math.abs(erf(2.5 - 1e-12) - erf(2.5))).toBeLessThan(1e-12);
  });

  it("saturates at ±1 without NaN and passes NaN through", () => {
    expect(erf(40)).toBe(1);
    expect(erf(-40)).toBe(-1);
    expect(Number.isNaN(erf(Number.NaN))).toBe(true);
  });

  it("gives the standard normal CDF: Φ(0) = 0.5, Φ(1.96) ≈ 0.975", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
  });
});

describe("known values", () => {
  it("ReLU keeps positives and zeroes negatives; its slope is 1 or 0", () => {
    expect(relu.f(3.2)).toBe(3.2);
    expect(relu.f(-1.7)).toBe(0);
    expect(relu.df(-1)).toBe(0);
    expect(relu.df(2)).toBe(1);
    expect(relu.df(0)).toBe(0); // the corner: the left-hand value, as in most libraries
  });

  it("leaky ReLU leaks with slope 0.1 below zero", () => {
    expect(LEAKY_SLOPE).toBe(0.1);
    expect(leaky.f(-2)).toBeCloseTo(-0.2, 15);
    expect(leaky.f(2)).toBe(2);
    expect(leaky.df(-5)).toBe(0.1);
    expect(leaky.df(5)).toBe(1);
  });

  it("sigmoid(0) = 0.5 with slope 0.25; the entry's example: sigmoid(2.5) ≈ 0.92", () => {
    expect(sig.f(0)).toBe(0.5);
    expect(sig.df(0)).toBe(0.25);
    expect(sig.f(2.5)).toBeCloseTo(0.9241418199787566, 15);
    expect(sig.f(-1000)).toBe(0);
    expect(sig.f(1000)).toBe(1);
    expect(sig.df(1000)).toBe(0);
  });

  it("tanh(0) = 0 with slope 1, and tanh(x) = 2·sigmoid(2x) − 1", () => {
    expect(tanh.f(0)).toBe(0);
    expect(tanh.df(0)).toBe(1);
    for (const x of [-3, -0.4, 0.7, 2.2]) expect(tanh.f(x)).toBeCloseTo(2 * sigmoid(2 * x) - 1, 14);
  });

  it("GELU(0) = 0 with slope 0.5; GELU(1) = Φ(1); its dip bottoms out near x = −0.75 at about −0.17", () => {
    expect(gelu.f(0)).toBe(0);
    expect(gelu.df(0)).toBe(0.5);
    expect(gelu.f(1)).toBeCloseTo(0.8413447460685429, 13);
    expect(gelu.f(-1)).toBeCloseTo(-0.15865525393145707, 13);
    const xs = sample(gelu.f, [-3, 0], 3001);
    const low = xs.reduce((m, p) => (p.y < m.y ? p : m));
    expect(low.x).toBeCloseTo(-0.7518, 3);
    expect(low.y).toBeCloseTo(-0.16997, 4);
    expect(Math.abs(gelu.df(low.x))).toBeLessThan(1e-3);
  });

  it("the tanh approximation of GELU stays within 0.0005 of the exact form", () => {
    let worst = 0;
    for (const p of sample(gelu.f, [-6, 6], 2401)) worst = Math.max(worst, Math.abs(geluTanh(p.x) - p.y));
    expect(worst).toBeLessThan(5e-4);
    expect(worst).toBeGreaterThan(1e-5); // it is an approximation, and the exact form is what we draw
  });

  it("softplus(0) = ln 2 with slope 0.5, and never overflows", () => {
    expect(softplus.f(0)).toBeCloseTo(Math.LN2, 15);
    expect(softplus.df(0)).toBe(0.5);
    expect(softplus.f(1000)).toBe(1000);
    expect(softplus.f(-1000)).toBe(0);
    expect(softplus.f(-30)).toBeGreaterThan(0);
  });
});

describe("derivatives against finite differences", () => {
  const h = 1e-5;
  const xs = Array.from({ length: 41 }, (_, i) => -4 + i * 0.2 + 0.013); // never exactly on a corner
  for (const a of ACTIVATIONS) {
    it(`${a.label}: f′ matches (f(x+h) − f(x−h)) / 2h`, () => {
      for (const x of xs) {
        const numeric = (a.f(x + h) - a.f(x - h)) / (2 * h);
        expect(Math.abs(a.df(x) - numeric), `${a.id} at ${x}`).toBeLessThan(1e-7);
      }
    });
  }

  it("ReLU and leaky ReLU have a corner at 0: the one-sided slopes differ", () => {
    for (const a of [relu, leaky]) {
      const left = (a.f(0) - a.f(-h)) / h;
      const right = (a.f(h) - a.f(0)) / h;
      expect(right - left).toBeGreaterThan(0.5);
      expect(a.corner).toBe(0);
    }
    for (const a of [sig, tanh, gelu, softplus]) expect(a.corner).toBeUndefined();
  });
});

describe("drawing helpers", () => {
  it("samples both ends and the middle exactly", () => {
    const s = sample(relu.f, [-4, 4], 321);
    expect(s).toHaveLength(321);
    expect(s[0].x).toBe(-4);
    expect(s[160].x).toBe(0);
    expect(s[320].x).toBe(4);
  });

  it("splits a derivative with a jump into two pieces meeting at the corner", () => {
    const pieces = derivativePieces(relu, [-4, 4], 81);
    expect(pieces).toHaveLength(2);
    expect(pieces[0].at(-1)).toEqual({ x: 0, y: 0 });
    expect(pieces[1][0]).toEqual({ x: 0, y: 1 });
    expect(pieces[0].every((p) => p.y === 0)).toBe(true);
    expect(pieces[1].every((p) => p.y === 1)).toBe(true);
    expect(derivativePieces(sig, [-4, 4], 81)).toHaveLength(1);
  });

  it("the tangent passes through (x0, f(x0)) with slope f′(x0)", () => {
    const [a, b] = tangent(sig, 1, 0.5);
    expect((a.y + b.y) / 2).toBeCloseTo(sig.f(1), 14);
    expect((b.y - a.y) / (b.x - a.x)).toBeCloseTo(sig.df(1), 14);
  });

  it("recognises the six names", () => {
    expect(ACTIVATIONS.map((a) => a.id)).toEqual(["relu", "leaky-relu", "sigmoid", "tanh", "gelu", "softplus"]);
    expect(isActivationId("gelu")).toBe(true);
    expect(isActivationId("swish")).toBe(false);
    expect(isActivationId(undefined)).toBe(false);
  });
});
