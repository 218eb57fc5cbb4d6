import type * as tfCore from "@tensorflow/tfjs-core";
import type { KernelBackend, NamedAttrMap, Tensor, Tensor1D, Tensor2D, TensorInfo } from "@tensorflow/tfjs-core";

type TensorFlow = typeof tfCore;
/** The CPU backend's constructor of outputs (MathBackendCPU.makeTensorInfo), without importing the backend. */
type CpuBackend = KernelBackend & { makeTensorInfo(shape: number[], dtype: "float32", values: Float32Array): TensorInfo };

/**
 * Four kernels for the CPU backend that each do what three to five TF.js kernels do in the
 * visualizer's written-out SGD step. On that backend a kernel this small costs more in bookkeeping
 * than in arithmetic, so fusing them doubles the epochs per second (docs/benchmarks.md, "Fused
 * kernels"). Each rounds to float32 wherever the TF.js kernels it replaces do, in the same order,
 * so the weights come out bit for bit the same (the tests hold them to that). Other backends keep
 * the TF.js kernels.
 */
const f32 = Math.fround;
const values = (backend: KernelBackend, t: TensorInfo) => backend.readSync(t.dataId) as Float32Array;

type Inputs = Record<string, TensorInfo | undefined>;
type Kernel = (inputs: Inputs, backend: CpuBackend, attrs: NamedAttrMap) => TensorInfo;

const KERNELS: Record<string, Kernel> = {
  /** (output − target)·(1 − output²)·scale: the tanh head's ½·squared-error gradient, times −rate/n. */
  LumoTanhHeadDelta({ output, targets }, backend, { scale }) {
    const o = values(backend, output!);
    const t = values(backend, targets!);
    const s = f32(scale as number);
    const out = new Float32Array(o.length);
    for (let i = 0; i < o.length; i++) out[i] = f32(f32(f32(o[i] - t[i]) * f32(1 - f32(o[i] * o[i]))) * s);
    return backend.makeTensorInfo(output!.shape, "float32", out);
  },
  /** dy·(1 − y²): an error through tanh, from tanh's output y. */
  LumoThroughTanh({ dy, y }, backend) {
    const d = values(backend, dy!);
    const a = values(backend, y!);
    const out = new Float32Array(d.length);
    for (let i = 0; i < d.length; i++) out[i] = f32(d[i] * f32(1 - f32(a[i] * a[i])));
    return backend.makeTensorInfo(dy!.shape, "float32", out);
  },
  /** base·factor + aᵀ·b, `factor` a scalar attribute or a tensor of base's shape: a kernel's penalty step plus its data step. */
  LumoScaledPlusProduct({ base, a, b, factor }, backend, attrs) {
    const w = values(backend, base!);
    const x = values(backend, a!);
    const y = values(backend, b!);
    const perWeight = factor ? values(backend, factor) : null;
    const scalar = attrs.factor as number;
    const [n, p] = a!.shape;
    const q = b!.shape[1];
    const sums = new Float64Array(p * q);
    for (let r = 0; r < n; r++) {
      for (let i = 0; i < p; i++) {
        const xi = x[r * p + i];
        for (let j = 0; j < q; j++) sums[i * q + j] += xi * y[r * q + j];
      }
    }
    const out = new Float32Array(p * q);
    for (let k = 0; k < out.length; k++) {
      const kept = f32(w[k] * (perWeight ? perWeight[k] : f32(scalar)));
      out[k] = f32(kept + f32(sums[k]));
    }
    return backend.makeTensorInfo([p, q], "float32", out);
  },
  /** base + the column sums of d: a bias's step from the batch's errors. */
  LumoPlusColumnSums({ base, d }, backend) {
    const b = values(backend, base!);
    const e = values(backend, d!);
    const [n, q] = d!.shape;
    const out = new Float32Array(q);
    for (let j = 0; j < q; j++) {
      let sum = 0;
      for (let r = 0; r < n; r++) sum += e[r * q + j];
      out[j] = f32(b[j] + f32(sum));
    }
    return backend.makeTensorInfo([q], "float32", out);
  },
};

/** Registers the kernels with the CPU backend (once); true when the backend now running is the CPU one. */
export function fusedKernelsReady(tf: TensorFlow): boolean {
  if (tf.getBackend() !== "cpu") return false;
  for (const [kernelName, kernel] of Object.entries(KERNELS)) {
    if (tf.getKernel(kernelName, "cpu")) continue;
    tf.registerKernel({ kernelName, backendName: "cpu", kernelFunc: ({ inputs, backend, attrs }) => kernel(inputs, backend as CpuBackend, attrs ?? {}) });
  }
  return true;
}

const run = <T extends Tensor>(tf: TensorFlow, name: string, inputs: Record<string, Tensor>, attrs: NamedAttrMap = {}): T => tf.engine().runKernel<T>(name, inputs, attrs);

export const fused = {
  tanhHeadDelta: (tf: TensorFlow, output: Tensor2D, targets: Tensor2D, scale: number) => run<Tensor2D>(tf, "LumoTanhHeadDelta", { output, targets }, { scale }),
  throughTanh: (tf: TensorFlow, dy: Tensor2D, y: Tensor2D) => run<Tensor2D>(tf, "LumoThroughTanh", { dy, y }),
  /** `factor`: a number, or a tensor of one factor per weight. */
  scaledPlusProduct: (tf: TensorFlow, base: Tensor2D, a: Tensor2D, b: Tensor2D, factor: number | Tensor2D) =>
    typeof factor === "number" ? run<Tensor2D>(tf, "LumoScaledPlusProduct", { base, a, b }, { factor }) : run<Tensor2D>(tf, "LumoScaledPlusProduct", { base, a, b, factor }, { factor: 1 }),
  plusColumnSums: (tf: TensorFlow, base: Tensor1D, d: Tensor2D) => run<Tensor1D>(tf, "LumoPlusColumnSums", { base, d }),
};
