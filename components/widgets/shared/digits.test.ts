import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeDigits } from "./digits";

const DIGITS_BIN = path.resolve(__dirname, "../../../public/widgets/digits.bin");

describe("decodeDigits", () => {
  const data = decodeDigits(readFileSync(DIGITS_BIN));

  it("reads the shipped file as 1,797 digits labelled 0..9 with pixels in 0..1", () => {
    expect(data.count).toBe(1797);
    expect(data.pixels).toHaveLength(1797 * 64);
    expect(data.labels).toHaveLength(1797);
    expect(new Set(data.labels)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(data.pixels.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it("keeps file order: the first record is a 0 whose first row is 0 0 5 13 9 1 0 0", () => {
    expect(data.labels[0]).toBe(0);
    expect(Array.from(data.pixels.subarray(0, 8), (v) => v * 16)).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
  });

  it("accepts an ArrayBuffer and rejects a partial record", () => {
    const record = new Uint8Array(65).fill(16);
    record[64] = 7;
    const decoded = decodeDigits(record.buffer);
    expect(decoded.count).toBe(1);
    expect(decoded.labels[0]).toBe(7);
    expect(decoded.pixels[0]).toBe(1);
    expect(() => decodeDigits(new Uint8Array(64))).toThrow();
  });
});

