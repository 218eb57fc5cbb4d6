/** Messages from the page to the inspecting worker. */
export type ToWorker = {
  type: "inspect";
  seq: number;
  /** The pieces to read (the worker keeps the last `context` of them). */
  ids: number[];
  /** Which piece the step-through follows, within the window; null: the last one. */
  position: number | null;
  /** Which head the step-through shows. */
  layer: number;
  head: number;
};

/** One head, seen from one piece: every number of its step-through. */
export type HeadStep = {
  query: Float32Array;
  /** One row per piece in view, head size wide, row-major. */
  keys: Float32Array;
  values: Float32Array;
  /** Scaled scores q·kⱼ/√d (−Infinity where the causal mask hides a piece). */
  scores: Float32Array;
  weights: Float32Array;
  mixed: Float32Array;
};

/** What one look inside returns. */
export type Inspection = {
  seq: number;
  /** The pieces read (the last `context` of those sent). */
  ids: number[];
  /** How many pieces were dropped from the start to fit the context. */
  dropped: number;
  /** layers × heads maps of T×T weights, one after another, row-major. */
  attention: Float32Array;
  /** The next piece's logits after the last piece. */
  logits: Float32Array;
  position: number;
  layer: number;
  head: number;
  step: HeadStep;
  /** Milliseconds the worker spent on this look. */
  ms: number;
  /** TF.js tensors alive after the look: steady when nothing leaks. */
  numTensors: number;
};

/** Messages from the inspecting worker to the page. */
export type FromWorker =
  | { type: "ready"; context: number; layers: number; heads: number; headSize: number; parameters: number; backend: string; ms: number }
  | ({ type: "result" } & Inspection)
  | { type: "error"; message: string };
