import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerSurfaceGradients } from "./gradients";
import { describeRunner, formatLoss, MAX_STEPS, offMap, OPTIMIZERS, Race, stepsForFrame, summarize } from "./race";
import { DIVERGENT_RATE, LEARNING_RATES, SURFACE_IDS, SURFACES } from "./surfaces";
import { tfLoss } from "./tfSurfaces";

beforeAll(async () => {
  await tf.setBackend("cpu");
  registerSurfaceGradients(tf);
});

let baseline = 0;
const races: Race[] = [];
function race(...args: ConstructorParameters<typeof Race> extends [unknown, ...infer Rest] ? Rest : never): Race {
  const r = new Race(tf, ...args);
  races.push(r);
  return r;
}
afterEach(() => {
  for (const r of races.splice(0)) r.dispose();
  // Every test leaves TF.js as it found it.
  expect(tf.memory().numTensors).toBe(baseline);
});

const lossOf = (r: Race, id: string) => r.runners.find((x) => x.id === id)!.losses.at(-1)!;

describe("the surfaces in TF.js ops", () => {
  it.each(SURFACE_IDS)("%s: the same loss and, differentiated by TF.js, the same gradient as the plain maths", (id) => {
    baseline = tf.memory().numTensors;
    const s = SURFACES[id];
    const grad = tf.grad((p) => tfLoss(tf, id, p as tf.Tensor1D));
    for (const [fx, fy] of [
      [0.1, 0.2],
      [-0.7, 0.45],
      [0.9, -0.9],
      [-0.3, -0.6],
      [0.55, 0.8],
    ]) {
      const x = fx * s.extent;
      const y = fy * s.extent;
      const [loss, g] = tf.tidy(() => {
        const p = tf.tensor1d([x, y]);
        return [tfLoss(tf, id, p).dataSync()[0], Array.from(grad(p).dataSync())];
      });
      expect(loss).toBeCloseTo(s.loss(x, y), 4);
      const [gx, gy] = s.gradient(x, y);
      expect(g[0]).toBeCloseTo(gx, 4);
      expect(g[1]).toBeCloseTo(gy, 4);
    }
  });
});

describe("the race (TF.js SGD, momentum and Adam)", () => {
  it.each(OPTIMIZERS.map((o) => o.id))("%s brings the bowl's loss down to nearly zero at learning rate 0.1", (id) => {
    baseline = tf.memory().numTensors;
    const s = SURFACES.bowl;
    const r = race(s, s.start, 0.1);
    const start = lossOf(r, id);
    r.advance(10);
    const early = lossOf(r, id);
    r.advance(290);
    expect(early).toBeLessThan(start);
    expect(lossOf(r, id)).toBeLessThan(0.001 * start);
    const runner = r.runners.find((x) => x.id === id)!;
    expect(runner.path).toHaveLength(301);
    expect(runner.diverged).toBe(false);
  });

  it("each step lowers plain gradient descent's loss on the bowl when the rate is sensible", () => {
    baseline = tf.memory().numTensors;
    const s = SURFACES.bowl;
    for (const rate of LEARNING_RATES.filter((r) => r < 1)) {
      const r = race(s, s.start, rate);
      r.advance(50);
      const losses = r.runners[0].losses;
      for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThanOrEqual(losses[i - 1]);
    }
  });

  it("a learning rate of 1.1 makes SGD overshoot further every step: its loss grows and it leaves the map", () => {
    baseline = tf.memory().numTensors;
    const s = SURFACES.bowl;
    const r = race(s, s.start, 1.1);
    r.advance(20);
    const sgd = r.runners[0];
    // Up and down the bowl is twice as steep: each step there lands 1.2 times as far out on the far side.
    const ys = sgd.path.map((p) => p.y);
    for (let i = 1; i < ys.length; i++) {
      expect(Math.sign(ys[i])).toBe(-Math.sign(ys[i - 1]));
      expect(Math.abs(ys[i])).toBeCloseTo(1.2 * Math.abs(ys[i - 1]), 3);
    }
    expect(sgd.losses.at(-1)!).toBeGreaterThan(10 * sgd.losses[0]);
    expect(offMap(s, sgd.path.at(-1)!)).toBe(true);
    r.advance(200);
    expect(sgd.diverged).toBe(true);
    // The same rate suits momentum and Adam here.
    expect(lossOf(r, "momentum")).toBeLessThan(0.01);
    expect(lossOf(r, "adam")).toBeLessThan(0.01);
  });

  it.each(["bowl", "ravine", "saddle"] as const)("at the top rate (%s), SGD and momentum both fly off the map; Adam's steps stay bounded", (id) => {
    baseline = tf.memory().numTensors;
    const s = SURFACES[id];
    const r = race(s, s.start, DIVERGENT_RATE);
    r.advance(300);
    const [sgd, momentum, adam] = r.runners;
    for (const runner of [sgd, momentum]) {
      const left = runner.path.some((p) => offMap(s, p));
      expect(left || runner.diverged).toBe(true);
      expect(Math.max(...runner.losses)).toBeGreaterThan(10 * runner.losses[0]);
    }
    // Adam divides each step by the size of recent slopes, so no step is much longer than the rate.
    const longest = Math.max(...adam.path.slice(1).map((p, i) => Math.hypot(p.x - adam.path[i].x, p.y - adam.path[i].y)));
    expect(longest).toBeLessThan(DIVERGENT_RATE * 1.5);
    expect(adam.diverged).toBe(false);
  });

  it("with several minima at the top rate, SGD and momentum never settle into a dip", () => {
    baseline = tf.memory().numTensors;
    const s = SURFACES.minima;
    const r = race(s, s.start, DIVERGENT_RATE);
    r.advance(300);
    for (const runner of r.runners.slice(0, 2)) {
      const last = runner.path.slice(-20);
      const moves = last.slice(1).map((p, i) => Math.hypot(p.x - last[i].x, p.y - last[i].y));
      expect(Math.max(...moves)).toBeGreaterThan(0.5);
    }
  });

  it("on the bowl at the top rate, SGD and momentum are marked diverged and stop being stepped", () => {
    baseline = tf.memory().numTensors;
    const s = SURFACES.bowl;
    const r = race(s, s.start, DIVERGENT_RATE);
    r.advance(400);
    const [sgd, momentum] = r.runners;
    expect(sgd.diverged).toBe(true);
    expect(momentum.diverged).toBe(true);
    expect(sgd.path.length).toBeLessThan(400);
    expect(summarize(s, r.step, r.runners)).toMatch(/^Step 400 · SGD diverged · momentum diverged · Adam \d+\.\d\d/);
  });

  it("on the ravine at rate 0.1, momentum reaches the floor's far end long before plain SGD", () => {
    baseline = tf.memory().numTensors;
    const s = SURFACES.ravine;
    const r = race(s, s.start, 0.1);
    r.advance(100);
    expect(lossOf(r, "momentum")).toBeLessThan(0.01);
    expect(lossOf(r, "sgd")).toBeGreaterThan(0.05);
  });

  it("on the saddle, Adam escapes the ridge first", () => {
    baseline = tf.memory().numTensors;
    const s = SURFACES.saddle;
    const r = race(s, s.start, 0.1);
    r.advance(20);
    expect(lossOf(r, "adam")).toBeLessThan(lossOf(r, "sgd"));
    expect(lossOf(r, "adam")).toBeLessThan(lossOf(r, "momentum"));
  });

  it("with several minima, the default start sends the three optimizers into three different dips", () => {
    baseline = tf.memory().numTensors;
    const s = SURFACES.minima;
    const r = race(s, s.start, 0.1);
    r.advance(400);
    const dip = (p: { x: number; y: number }) => s.minima.findIndex((m) => Math.hypot(p.x - m.x, p.y - m.y) < 0.05);
    const ends = r.runners.map((x) => dip(x.path.at(-1)!));
    expect(ends.every((i) => i >= 0)).toBe(true);
    expect(new Set(ends).size).toBe(3);
    expect(ends[2]).toBe(0); // Adam finds the deepest
  });

  it("keeps a constant number of tensors while it runs, and frees them all on dispose", () => {
    baseline = tf.memory().numTensors;
    const s = SURFACES.minima;
    const r = new Race(tf, s, s.start, 0.3);
    r.advance(2); // momentum and Adam make their slot variables on the first step
    const running = tf.memory().numTensors;
    r.advance(200);
    expect(tf.memory().numTensors).toBe(running);
    r.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it("stops at the last step", () => {
    baseline = tf.memory().numTensors;
    const s = SURFACES.bowl;
    const r = race(s, s.start, 0.3);
    r.advance(MAX_STEPS + 50);
    expect(r.step).toBe(MAX_STEPS);
    expect(r.finished).toBe(true);
    expect(r.runners[0].path).toHaveLength(MAX_STEPS + 1);
  });
});

describe("pace and wording", () => {
  it("takes one step per frame at first, then a few, and never passes the last step", () => {
    expect(stepsForFrame(0)).toBe(1);
    expect(stepsForFrame(100)).toBe(2);
    expect(stepsForFrame(500)).toBe(4);
    expect(stepsForFrame(MAX_STEPS - 1)).toBe(1);
    expect(stepsForFrame(MAX_STEPS)).toBe(0);
  });

  it("formats losses briefly", () => {
    expect(formatLoss(0.3149)).toBe("0.31");
    expect(formatLoss(-0.00001)).toBe("0.00");
    expect(formatLoss(123456)).toBe("1.2e+5");
    expect(formatLoss(Number.POSITIVE_INFINITY)).toBe("∞");
  });

  it("summarizes like 'Step 42 · SGD loss 0.31 · momentum 0.02 · Adam 0.05'", () => {
    const s = SURFACES.bowl;
    const runner = (id: "sgd" | "momentum" | "adam", loss: number, at = { x: 0.1, y: 0.1 }, diverged = false) => ({ id, path: [at], losses: [loss], diverged });
    expect(summarize(s, 42, [runner("sgd", 0.31), runner("momentum", 0.02), runner("adam", 0.05)])).toBe("Step 42 · SGD loss 0.31 · momentum 0.02 · Adam 0.05");
    expect(describeRunner(s, runner("sgd", 40, { x: 5, y: 0 }))).toBe("40.00 (off the map)");
    expect(summarize(s, 7, [runner("sgd", 1e9, { x: 1e4, y: 0 }, true), runner("momentum", 0.5), runner("adam", 0.25)])).toBe("Step 7 · SGD diverged · momentum 0.50 · Adam 0.25");
  });
});
