import { describe, expect, it } from "vitest";
import { gflops, matmulFlops, median, nextSize, predictSeconds, repeatsFor, SIZES, sizesUpTo, stopAfter } from "./flops";

describe("the matmul race's GFLOP/s arithmetic", () => {
  it("counts 2n³ operations for an n×n by n×n multiplication", () => {
    expect(matmulFlops(1)).toBe(2);
    expect(matmulFlops(2)).toBe(16); // 4 outputs, each 2 multiplications and 2 additions (counting the first)
    expect(matmulFlops(32)).toBe(65_536);
    expect(matmulFlops(1024)).toBe(2_147_483_648);
  });

  it("divides by the seconds and by a billion", () => {
    // 1024×1024 in one second is 2.147… GFLOP/s; in 0.1 s, ten times that.
    expect(gflops(1024, 1)).toBeCloseTo(2.147483648, 9);
    expect(gflops(1024, 0.1)).toBeCloseTo(21.47483648, 8);
    // 512×512 (268,435,456 operations) in 10 ms: 26.8 GFLOP/s.
    expect(gflops(512, 0.01)).toBeCloseTo(26.8435456, 7);
    // A 32×32 multiplication in 65.536 µs is exactly 1 GFLOP/s.
    expect(gflops(32, 65.536e-6)).toBeCloseTo(1, 12);
  });

  it("doubling n at the same speed takes eight times as long", () => {
    expect(gflops(256, 0.008)).toBeCloseTo(gflops(128, 0.001), 12);
  });

  it("refuses a time that is zero, negative or not a number rather than claiming infinite speed", () => {
    expect(gflops(64, 0)).toBeNaN();
    expect(gflops(64, -1)).toBeNaN();
    expect(gflops(64, Number.NaN)).toBeNaN();
    expect(gflops(64, Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it("predicts the time of a size from a rate, inverting gflops", () => {
    expect(predictSeconds(1024, 2.147483648)).toBeCloseTo(1, 12);
    for (const n of SIZES) expect(predictSeconds(n, gflops(n, 0.37))).toBeCloseTo(0.37, 12);
    expect(predictSeconds(1024, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("median and repeats", () => {
  it("takes the middle of an odd count and the mean of the middle two of an even one", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 1, 2, 3])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNaN();
    // One slow outlier (a garbage collection, say) does not move it.
    expect(median([1, 1.1, 40])).toBe(1.1);
  });

  it("repeats short multiplications until a sample lasts the target time, within limits", () => {
    expect(repeatsFor(0.05, 10)).toBe(200);
    expect(repeatsFor(3, 10)).toBe(4);
    expect(repeatsFor(10, 10)).toBe(1);
    expect(repeatsFor(500, 10)).toBe(1);
    expect(repeatsFor(0, 10)).toBe(512);
    expect(repeatsFor(0.001, 10, 64)).toBe(64);
  });
});

describe("sizes and the time limit", () => {
  it("lists the sizes up to the largest asked for", () => {
    expect(sizesUpTo(1024)).toEqual([32, 64, 128, 256, 512, 1024]);
    expect(sizesUpTo(256)).toEqual([32, 64, 128, 256]);
    expect(sizesUpTo(1)).toEqual([32, 64]);
    expect(nextSize([32, 64, 128], 64)).toBe(128);
    expect(nextSize([32, 64, 128], 128)).toBeNull();
  });

  it("stops a backend when the next size would take longer than the limit at its current rate", () => {
    // 0.5 GFLOP/s at 256: 512×512 would take 0.268/0.5 = 0.54 s — under a 1 s limit, carry on.
    expect(stopAfter(SIZES, 256, 0.5, 1)).toBeNull();
    // At 512 the same rate means 1024×1024 takes 4.3 s: stop, and say so.
    const stop = stopAfter(SIZES, 512, 0.5, 1)!;
    expect(stop.next).toBe(1024);
    expect(stop.seconds).toBeCloseTo(4.294967296, 9);
    // Nothing comes after the last size.
    expect(stopAfter(SIZES, 1024, 0.001, 1)).toBeNull();
  });
});
