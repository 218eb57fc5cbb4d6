import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeDigits } from "../../shared/digits";
import { convolve3x3, maxPool2, relu } from "./convolve";
import { blankImage, SIZE, stamp, upsampleDigit } from "./image";
import { LAYER1, LAYER2, PRESETS } from "./kernels";
import { EdgesToShapes, POOLED } from "./network";

const DIGITS = decodeDigits(readFileSync(path.resolve(__dirname, "../../../../public/widgets/digits.bin")));
const digit = (i: number) => upsampleDigit(DIGITS.pixels.subarray(i * 64, (i + 1) * 64));

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("tf.conv2d with an edge kernel", () => {
  // A 4 × 4 picture, dark on the left half and inked on the right: one vertical edge.
  const image = [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1];
  // Sobel's vertical-edge kernel (right column minus left, the middle row counting double). With
  // zero padding, the first and last rows see only two of the kernel's three rows: 3 instead of 4;
  // the last column sees ink on its left and padding on its right: negative.
  const expected = [0, 3, 3, -3, 0, 4, 4, -4, 0, 4, 4, -4, 0, 3, 3, -3];

  it("gives the known values on a known image", () => {
    const out = tf.tidy(() => tf.conv2d(tf.tensor4d(image, [1, 4, 4, 1]), tf.tensor4d([-1, 0, 1, -2, 0, 2, -1, 0, 1], [3, 3, 1, 1]), 1, "same").dataSync());
    expect(Array.from(out)).toEqual(expected);
  });

  it("matches the plain-arithmetic convolution, and the widget's preset is the same kernel over 4", () => {
    expect(Array.from(convolve3x3(image, 4, [-1, 0, 1, -2, 0, 2, -1, 0, 1]))).toEqual(expected);
    expect(Array.from(convolve3x3(image, 4, PRESETS.vertical.kernel))).toEqual(expected.map((v) => v / 4));
  });

  it("finds nothing in a flat picture's middle, and blur keeps a flat picture flat there", () => {
    const flat = new Array(25).fill(0.5);
    const edges = convolve3x3(flat, 5, PRESETS.vertical.kernel);
    expect(edges[12]).toBeCloseTo(0, 10);
    expect(convolve3x3(flat, 5, PRESETS.blur.kernel)[12]).toBeCloseTo(0.5, 10);
    expect(convolve3x3(flat, 5, PRESETS.sharpen.kernel)[12]).toBeCloseTo(0.5, 10);
  });
});

describe("EdgesToShapes (TF.js, CPU backend)", () => {
  const net = new EdgesToShapes(tf);
  afterAll(() => net.dispose());

  it("agrees with plain arithmetic at every stage, on a real digit", () => {
    const image = digit(0);
    const r = net.run(image, PRESETS.sharpen.kernel);
    const near = (a: Float32Array, b: Float32Array) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 4));
    near(r.filtered, convolve3x3(image, SIZE, PRESETS.sharpen.kernel));
    LAYER1.forEach((edge, e) => {
      near(r.edges[e], relu(convolve3x3(image, SIZE, edge.kernel)));
      near(r.pooled[e], maxPool2(r.edges[e], SIZE));
    });
    LAYER2.forEach((shape, s) => {
      LAYER1.forEach((edge, e) => near(r.partials[s][e], convolve3x3(r.pooled[e], POOLED, shape.slices[edge.id])));
      // A shape map is the sum over the edge maps' partials, plus the bias, through ReLU.
      const sum = new Float32Array(POOLED * POOLED).map((_, p) => Math.max(0, r.partials[s].reduce((n, part) => n + part[p], shape.bias)));
      near(r.shapes[s], sum);
    });
  });

  it("frees every tensor it makes: only its three filter tensors stay", () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) net.run(digit(i), PRESETS.vertical.kernel);
    expect(tf.memory().numTensors).toBe(before);
    const other = new EdgesToShapes(tf);
    expect(tf.memory().numTensors).toBe(before + 3);
    other.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("a drawn upright bar lights the upright-run map and leaves the flat-run map dark", () => {
    const image = blankImage();
    for (let y = 4; y < 20; y += 0.5) stamp(image, 12, y);
    const r = net.run(image, PRESETS.vertical.kernel);
    const peak = (id: string) => Math.max(...r.shapes[LAYER2.findIndex((s) => s.id === id)]);
    expect(peak("upright")).toBeGreaterThan(0.3);
    expect(peak("flat")).toBe(0);
    // Its left side shows on the left-sides map, left of the bar's middle, and not on the right-sides map there.
    const left = r.edges[0];
    const right = r.edges[1];
    expect(left[12 * SIZE + 10]).toBeGreaterThan(0.5);
    expect(right[12 * SIZE + 10]).toBe(0);
    expect(Math.max(right[12 * SIZE + 13], right[12 * SIZE + 14])).toBeGreaterThan(0.5);
  });

  it("a square's corners light the four bend maps, each at its own corner", () => {
    const image = blankImage();
    for (let y = 6; y < 18; y++) for (let x = 6; x < 18; x++) image[y * SIZE + x] = 1;
    const r = net.run(image, PRESETS.vertical.kernel);
    const strongest = (id: string) => {
      const map = r.shapes[LAYER2.findIndex((s) => s.id === id)];
      const at = map.indexOf(Math.max(...map));
      return [Math.floor(at / POOLED), at % POOLED];
    };
    expect(strongest("top-left")).toEqual([3, 3]);
    expect(strongest("top-right")).toEqual([3, 8]);
    expect(strongest("bottom-left")).toEqual([8, 3]);
    expect(strongest("bottom-right")).toEqual([8, 8]);
  });
});
