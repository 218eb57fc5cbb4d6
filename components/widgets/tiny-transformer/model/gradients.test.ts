import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { batchMatMulGradConfig } from "@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad";
import { beforeAll, describe, expect, it } from "vitest";
import { plainMatMulGradConfig, registerTransformerGradients } from "./gradients";
import { createRng } from "../../shared/rng";

const random = (shape: number[], seed: number) => {
  const rng = createRng(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1), shape);
};

/** d(sum(C ⊙ R))/dA and /dB, with R fixed, under the gradient registered for BatchMatMul. */
function gradients(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): Float32Array[] {
  return tf.tidy(() => {
    const product = tf.matMul(a, b, transposeA, transposeB);
    const weights = random(product.shape, 9);
    const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x, y, transposeA, transposeB), weights)))([a, b]);
    return [da.dataSync() as Float32Array, db.dataSync() as Float32Array];
  });
}

describe("the matMul gradient written as untransposed products", () => {
  beforeAll(async () => {
    await tf.setBackend("cpu");
    registerTransformerGradients(tf);
  });

  const cases: [string, number[], number[], boolean, boolean][] = [
    ["A·B", [5, 3], [3, 4], false, false],
    ["A·Bᵀ", [5, 3], [4, 3], false, true],
    ["Aᵀ·B", [3, 5], [3, 4], true, false],
    ["Aᵀ·Bᵀ", [3, 5], [4, 3], true, true],
    ["per head, Q·Kᵀ", [2, 4, 6, 3], [2, 4, 6, 3], false, true],
    ["per head, W·V", [2, 4, 6, 6], [2, 4, 6, 3], false, false],
  ];
  for (const [name, shapeA, shapeB, transposeA, transposeB] of cases) {
    it(`gives TF.js's own gradient for ${name}`, () => {
      const a = random(shapeA, 1);
      const b = random(shapeB, 2);
      tf.registerGradient(batchMatMulGradConfig);
      const stock = gradients(a, b, transposeA, transposeB);
      tf.registerGradient(plainMatMulGradConfig(tf));
      const plain = gradients(a, b, transposeA, transposeB);
      for (let i = 0; i < 2; i++) {
        expect(plain[i].length).toBe(stock[i].length);
        plain[i].forEach((v, j) => expect(v).toBeCloseTo(stock[i][j], 5));
      }
      expect(Math.max(...stock[0].map(Math.abs))).toBeGreaterThan(0.1);
      a.dispose();
      b.dispose();
    });
  }
});
