import type { Activation } from "../../shared/dense-network/network";

/**
 * How a layer's raw outputs map onto the signed colour scale: tanh and linear are already
 * centred on zero; sigmoid outputs (and the output probability) are centred on one half.
 * ReLU is clamped at one so that a strongly firing neuron reads as full purple.
 */
export function signedScale(kind: Activation | "probability"): (v: number) => number {
  switch (kind) {
    case "sigmoid":
    case "probability":
      return (v) => 2 * v - 1;
    default:
      return (v) => v;
  }
}
