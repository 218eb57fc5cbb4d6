// The shipped weights: every matrix as int8 with one scale per tensor (value ≈ scale · q, q in
// −127…127), vectors (gains, biases) as float32 because they are small and sensitive. One binary
// file, tensors back to back in `weightShapes` order; the manifest lists where each one lies.
import { sizeOf, weightShapes, type TransformerConfig, type WeightValues } from "./transformer";

export type StoredTensor = { name: string; shape: number[]; dtype: "int8" | "float32"; offset: number; bytes: number; scale?: number };

/** Quantises `values` into one buffer (float32 parts 4-byte aligned) and the table that reads it back. */
export function encodeWeights(config: TransformerConfig, values: WeightValues): { bin: Uint8Array; tensors: StoredTensor[] } {
  const tensors: StoredTensor[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const { name, shape } of weightShapes(config)) {
    const v = values[name];
    if (v.length !== sizeOf(shape)) throw new Error(`${name}: ${v.length} values for shape ${shape.join("×")}`);
    if (shape.length === 2) {
      let max = 0;
      for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]));
      const scale = max > 0 ? max / 127 : 1;
      const q = new Int8Array(v.length);
      for (let i = 0; i < v.length; i++) q[i] = Math.round(v[i] / scale);
      tensors.push({ name, shape, dtype: "int8", offset, bytes: q.length, scale: Math.fround(scale) });
      parts.push(new Uint8Array(q.buffer));
      offset += q.length;
    } else {
      const pad = (4 - (offset % 4)) % 4;
      if (pad) parts.push(new Uint8Array(pad));
      offset += pad;
      const f = Float32Array.from(v);
      tensors.push({ name, shape, dtype: "float32", offset, bytes: f.byteLength });
      parts.push(new Uint8Array(f.buffer));
      offset += f.byteLength;
    }
  }
  const bin = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    bin.set(part, at);
    at += part.length;
  }
  return { bin, tensors };
}

/** The float weights a stored buffer holds (int8 tensors multiplied back by their scale). Little-endian, as every platform TF.js runs on. */
export function decodeWeights(tensors: StoredTensor[], bin: Uint8Array): WeightValues {
  const values: WeightValues = {};
  for (const t of tensors) {
    const count = sizeOf(t.shape);
    if (t.dtype === "int8") {
      const q = new Int8Array(bin.buffer, bin.byteOffset + t.offset, count);
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = q[i] * t.scale!;
      values[t.name] = out;
    } else values[t.name] = new Float32Array(bin.buffer.slice(bin.byteOffset + t.offset, bin.byteOffset + t.offset + t.bytes));
  }
  return values;
}

/** Quantising and reading back, as the shipped model will be: the weights the manifest's loss is measured on. */
export function roundTrip(config: TransformerConfig, values: WeightValues): WeightValues {
  const { bin, tensors } = encodeWeights(config, values);
  return decodeWeights(tensors, bin);
}
