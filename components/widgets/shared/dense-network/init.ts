import { glorotUniform } from "../rng";

/** One layer's starting weights: the kernel row-major fanIn × fanOut, and the biases. */
export type LayerStart = { kernel: Float32Array; bias: Float32Array };
/** Starting weights for layer `layer` (0 = the first), drawn from `rng` (seeded by the network). */
export type InitFunction = (layer: number, fanIn: number, fanOut: number, rng: () => number) => LayerStart;

/**
 * "glorot": Glorot-uniform kernels, zero biases. "playground": kernels uniform in ±0.5 and every
 * bias 0.1, as TensorFlow Playground starts. Or a function of its own.
 */
export type Init = "glorot" | "playground" | InitFunction;

/** TensorFlow Playground's starting bias for every neuron. */
const PLAYGROUND_BIAS = 0.1;

const INITS: Record<"glorot" | "playground", InitFunction> = {
  glorot: (_layer, fanIn, fanOut, rng) => ({ kernel: glorotUniform(fanIn, fanOut, rng), bias: new Float32Array(fanOut) }),
  playground: (_layer, fanIn, fanOut, rng) => ({
    kernel: Float32Array.from({ length: fanIn * fanOut }, () => (2 * rng() - 1) * 0.5),
    bias: new Float32Array(fanOut).fill(PLAYGROUND_BIAS),
  }),
};

export function initFunction(init: Init = "glorot"): InitFunction {
  return typeof init === "function" ? init : INITS[init];
}
