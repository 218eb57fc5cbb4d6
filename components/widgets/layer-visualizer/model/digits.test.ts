import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeDigits } from "../../shared/digits";
import { downsampleTo8x8, splitDigits } from "./digits";
import { VisualizerNetwork } from "./network";
import { createRng } from "../../shared/rng";

const DIGITS_BIN = path.resolve(__dirname, "../../../../public/widgets/digits.bin");

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("splitDigits", () => {
  const data = decodeDigits(readFileSync(DIGITS_BIN));

  it("splits 25% off for testing, deterministically, keeping each image with its label", () => {
    const { train, test } = splitDigits(data, 0.25, 1);
    expect(test.count).toBe(449);
    expect(train.count).toBe(1348);
    expect(train.xs).toHaveLength(1348 * 64);
    expect(test.ys).toHaveLength(449);
    expect(splitDigits(data, 0.25, 1).test.ys).toEqual(test.ys);
    expect(splitDigits(data, 0.25, 2).test.ys).not.toEqual(test.ys);

    const original = new Map<string, number>();
    for (let i = 0; i < data.count; i++) original.set(data.pixels.subarray(i * 64, (i + 1) * 64).join(), data.labels[i]);
    for (let i = 0; i < test.count; i++) {
      expect(original.get(test.xs.subarray(i * 64, (i + 1) * 64).join())).toBe(test.ys[i]);
    }
  });
});

describe("downsampleTo8x8", () => {
  function drawing(size: number, inked: (x: number, y: number) => boolean): Uint8Array {
    const ink = new Uint8Array(size * size);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) ink[y * size + x] = inked(x, y) ? 1 : 0;
    return ink;
  }

  it("counts a filled 4×4 block at the top left as 16 in cell 0", () => {
    const cells = downsampleTo8x8(drawing(32, (x, y) => x < 4 && y < 4));
    expect(cells).toHaveLength(64);
    expect(cells[0]).toBe(16);
    expect(cells.slice(1).every((v) => v === 0)).toBe(true);
  });

  it("counts a 1-pixel vertical line in column 0 as 4 in every first-column cell", () => {
    const cells = downsampleTo8x8(drawing(32, (x) => x === 0));
    for (let row = 0; row < 8; row++) {
      expect(cells[row * 8]).toBe(4);
      expect(cells.slice(row * 8 + 1, row * 8 + 8).every((v) => v === 0)).toBe(true);
    }
  });

  it("puts a single pixel at (x 13, y 22) in cell row 5, column 3, and accepts booleans", () => {
    const ink = Array.from(drawing(32, (x, y) => x === 13 && y === 22), Boolean);
    const cells = downsampleTo8x8(ink);
    expect(cells[5 * 8 + 3]).toBe(1);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("rescales other sizes so a full block is 16", () => {
    const cells = downsampleTo8x8(drawing(16, (x, y) => x < 2 && y < 2 && !(x === 1 && y === 1)), 16);
    expect(cells[0]).toBe(12); // 3 of 4 pixels
    expect(downsampleTo8x8(new Uint8Array(64 * 64).fill(1), 64).every((v) => v === 16)).toBe(true);
    expect(() => downsampleTo8x8(new Uint8Array(30 * 30), 30)).toThrow();
    expect(() => downsampleTo8x8(new Uint8Array(10), 32)).toThrow();
  });
});

describe("training on the digits", () => {
  // With these seeds the network passes 90% after 2 epochs (about 95% by epoch 4).
  it("hidden [32], relu, softmax, Adam 0.01, batch 32 reaches ≥ 90% test accuracy on a 25% split within 10 epochs", () => {
    const { train, test } = splitDigits(decodeDigits(readFileSync(DIGITS_BIN)), 0.25, 1);
    const network = new VisualizerNetwork(tf, {
      inputSize: 64,
      hidden: [32],
      outputSize: 10,
      activation: "relu",
      head: "softmax",
      learningRate: 0.01,
      seed: 2,
      optimizer: "adam",
    });
    const shuffleRng = createRng(3);
    let accuracy = 0;
    for (let epoch = 1; epoch <= 10 && accuracy < 0.9; epoch++) {
      network.trainEpoch(train.xs, train.ys, 32, shuffleRng);
      accuracy = network.accuracy(test.xs, test.ys);
    }
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
    network.dispose();
  }, 30_000);
});
