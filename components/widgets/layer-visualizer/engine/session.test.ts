import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { beforeAll, describe, expect, it } from "vitest";
import { configFromPreset } from "../state/config";
import { Session } from "./session";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

// Issue #18: what the widget trains, seeded, counted in epochs (2,500 is about 10 s in the browser).
describe("the XOR preset, seed 1, on the CPU backend", () => {
  it("is still at ≥ 99% test accuracy after 2,500 epochs (without its L2 it drifts back to ~97%)", async () => {
    const session = new Session(tf, configFromPreset("xor", { seed: 1 }));
    try {
      for (let epoch = 1; epoch <= 2_500; epoch++) session.step();
      expect((await session.snapshot(false)).testAccuracy).toBeGreaterThanOrEqual(0.99);
    } finally {
      session.dispose();
    }
  }, 30_000);
});

describe("the spiral preset's tensors", () => {
  it("are as many after training as before it (the page shows the count; the bench requires it steady)", async () => {
    const session = new Session(tf, configFromPreset("spiral", { seed: 1 }));
    try {
      const before = (await session.snapshot()).numTensors;
      for (let epoch = 1; epoch <= 3; epoch++) session.step();
      expect((await session.snapshot()).numTensors).toBe(before);
    } finally {
      session.dispose();
    }
  });
});
