import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { beforeAll, describe, expect, it } from "vitest";
import { matmulFlops } from "./flops";
import { measureMatmul, raceSizes, type Measurement } from "./measure";

beforeAll(async () => {
  await tf.setBackend("cpu");
  await tf.ready();
});

/** A clock that advances only when a multiplication runs: `msPerOp` each, exactly. */
function fakeClock(msPerOp: (n: number) => number) {
  let now = 0;
  const real = tf.matMul;
  const clock = () => now;
  const spy = ((a: tf.Tensor2D, b: tf.Tensor2D) => {
    now += msPerOp(a.shape[0]);
    return real(a, b);
  }) as typeof tf.matMul;
  return { clock, tf: { ...tf, matMul: spy } as typeof tf };
}

describe("measureMatmul on the CPU backend", () => {
  it("reports 2n³ / seconds / 1e9 from the median sample, repeating small sizes to fill a sample", async () => {
    // 0.5 ms per 64×64 multiplication: 524,288 operations in 0.5 ms is 1.048576 GFLOP/s.
    const fake = fakeClock(() => 0.5);
    const m = await measureMatmul(fake.tf, 64, { clock: fake.clock, samples: 3, targetMs: 10, between: () => {} });
    expect(m.repeats).toBe(20);
    expect(m.samples).toEqual([0.0005, 0.0005, 0.0005]);
    expect(m.seconds).toBeCloseTo(0.0005, 12);
    expect(m.gflops).toBeCloseTo(matmulFlops(64) / 0.0005 / 1e9, 9);
    expect(m.gflops).toBeCloseTo(1.048576, 9);
    // Warm-up, calibration, then 3 × 20 timed multiplications.
    expect(m.stepMs).toBeCloseTo(0.5 * (2 + 60), 9);
  });

  it("leaves no tensor behind, and none when stopped halfway", async () => {
    const before = tf.memory().numTensors;
    const real = await measureMatmul(tf, 48, { clock: () => performance.now(), samples: 3, targetMs: 2, between: () => {} });
    expect(real.gflops).toBeGreaterThan(0);
    expect(real.samples).toHaveLength(3);
    expect(tf.memory().numTensors).toBe(before);
    let calls = 0;
    const stopping = measureMatmul(tf, 48, {
      clock: () => performance.now(),
      samples: 3,
      targetMs: 2,
      between: () => {
        if (++calls === 2) throw new Error("stopped");
      },
    });
    await expect(stopping).rejects.toThrow("stopped");
    expect(tf.memory().numTensors).toBe(before);
  });

  it("computes a real product (the timed work is the multiplication asked for)", () => {
    const a = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const b = tf.tensor2d([5, 6, 7, 8], [2, 2]);
    const c = tf.matMul(a, b);
    expect(Array.from(c.dataSync())).toEqual([19, 22, 43, 50]);
    tf.dispose([a, b, c]);
  });
});

describe("raceSizes", () => {
  const at = (rate: (n: number) => number) => async (n: number): Promise<Measurement> => {
    const seconds = matmulFlops(n) / (rate(n) * 1e9);
    return { n, seconds, gflops: rate(n), repeats: 1, samples: [seconds], stepMs: seconds * 5000 };
  };

  it("runs every size when each is quick", async () => {
    const seen: number[] = [];
    const end = await raceSizes([32, 64, 128, 256, 512, 1024], at(() => 50), (m) => seen.push(m.n), 1);
    expect(seen).toEqual([32, 64, 128, 256, 512, 1024]);
    expect(end).toEqual({ kind: "done" });
  });

  it("stops a slow backend and says how long the next size would have taken", async () => {
    const seen: number[] = [];
    // 0.4 GFLOP/s throughout: 512×512 takes 0.67 s (allowed), 1024×1024 would take 5.4 s.
    const end = await raceSizes([32, 64, 128, 256, 512, 1024], at(() => 0.4), (m) => seen.push(m.n), 1);
    expect(seen).toEqual([32, 64, 128, 256, 512]);
    expect(end.kind).toBe("limit");
    if (end.kind !== "limit") return;
    expect(end.at).toBe(512);
    expect(end.next).toBe(1024);
    expect(end.seconds).toBeCloseTo(matmulFlops(1024) / 0.4e9, 9);
  });
});
