// The shipped tiny transformer as the widget uses it: load the weights and vocabulary, look inside
// one forward pass (every layer's and head's attention, one position's query, keys, values,
// scores and weighted sum) and generate step by step. The tf module is passed in.
import type * as tfCore from "@tensorflow/tfjs-core";
import { createRng } from "../../shared/rng";
import type { Manifest } from "./manifest";
import { nextPieceDistribution, samplePiece } from "./sampling";
import { Tokenizer, type VocabJson } from "./tokenizer";
import { disposeWeights, emptyTrace, forward, headSize, weightTensors, type TransformerConfig, type WeightTensors, type WeightValues } from "./transformer";
import { decodeWeights } from "./weightsFile";

type TF = typeof tfCore;

/** One head, seen from one position p: the numbers of softmax(q·kⱼ/√d) weighting the values vⱼ. */
export type HeadView = {
  /** q, the query of piece p (d numbers). */
  query: Float32Array;
  /** kⱼ and vⱼ for every piece j (j ≤ p can be looked at). */
  keys: Float32Array[];
  values: Float32Array[];
  /** q·kⱼ/√d for j ≤ p; −Infinity for later pieces, which the causal mask hides. */
  scores: Float32Array;
  /** softmax of the scores: where p looks (sums to 1, 0 after p). */
  weights: Float32Array;
  /** Σⱼ weightⱼ·vⱼ: what the head gathers for p (d numbers). */
  mixed: Float32Array;
};

export type Inspection = {
  /** The pieces read: the last `context` of the input. */
  ids: number[];
  /** [layer][head]: T×T weights, row-major; row i is where piece i looks. */
  attention: Float32Array[][];
  /** Logits of the piece after the last one (vocabulary-long). */
  nextLogits: Float32Array;
  position: number;
  /** [layer][head] at `position`. */
  heads: HeadView[][];
};

export class TinyTransformer {
  readonly weights: WeightTensors;

  constructor(
    private readonly tf: TF,
    readonly config: TransformerConfig,
    values: WeightValues,
    readonly tokenizer: Tokenizer,
  ) {
    this.weights = weightTensors(tf, config, values);
  }

  /** The pieces the model reads of `ids`: the last `context` of them. */
  window(ids: readonly number[]): number[] {
    return ids.slice(Math.max(0, ids.length - this.config.context));
  }

  /** Logits of the next piece after `ids` (at least one piece). */
  nextLogits(ids: readonly number[]): Float32Array {
    const { tf, config } = this;
    const win = this.window(ids);
    return tf.tidy(() => {
      return forward(tf, config, this.weights, tf.tensor2d(win, [1, win.length], "int32"), undefined, true).dataSync() as Float32Array;
    });
  }

  /** One forward pass with everything the widget draws; `position` (default: the last piece) picks the step-through. */
  inspect(ids: readonly number[], position?: number): Inspection {
    const { tf, config } = this;
    const win = this.window(ids);
    const T = win.length;
    if (T === 0) throw new Error("nothing to inspect: no pieces");
    const p = Math.min(T - 1, Math.max(0, position ?? T - 1));
    const d = headSize(config);
    const trace = emptyTrace();
    try {
      const nextLogits = tf.tidy(() => {
        return forward(tf, config, this.weights, tf.tensor2d(win, [1, T], "int32"), trace, true).dataSync() as Float32Array;
      });
      const attention: Float32Array[][] = [];
      const heads: HeadView[][] = [];
      for (let l = 0; l < config.layers; l++) {
        const a = trace.attention[l].dataSync() as Float32Array;
        const s = trace.scores[l].dataSync() as Float32Array;
        const q = trace.queries[l].dataSync() as Float32Array;
        const k = trace.keys[l].dataSync() as Float32Array;
        const v = trace.values[l].dataSync() as Float32Array;
        const m = trace.mixed[l].dataSync() as Float32Array;
        attention.push([]);
        heads.push([]);
        for (let h = 0; h < config.heads; h++) {
          const square = h * T * T;
          const rows = h * T * d; // [H, T, d] for this head
          attention[l].push(a.slice(square, square + T * T));
          const scores = s.slice(square + p * T, square + p * T + T);
          for (let j = p + 1; j < T; j++) scores[j] = -Infinity;
          heads[l].push({
            query: q.slice(rows + p * d, rows + (p + 1) * d),
            keys: Array.from({ length: T }, (_, j) => k.slice(rows + j * d, rows + (j + 1) * d)),
            values: Array.from({ length: T }, (_, j) => v.slice(rows + j * d, rows + (j + 1) * d)),
            scores,
            weights: a.slice(square + p * T, square + p * T + T),
            mixed: m.slice(rows + p * d, rows + (p + 1) * d),
          });
        }
      }
      return { ids: win, attention, nextLogits, position: p, heads };
    } finally {
      for (const list of Object.values(trace)) for (const t of list) t.dispose();
    }
  }

  dispose(): void {
    disposeWeights(this.weights);
  }
}

/** The shipped model from its three files' contents. */
export function loadTinyTransformer(tf: TF, manifest: Manifest, weightsBin: Uint8Array, vocab: VocabJson): TinyTransformer {
  return new TinyTransformer(tf, manifest.config, decodeWeights(manifest.weights.tensors, weightsBin), new Tokenizer(vocab));
}

export type GenerationSettings = { temperature: number; topK: number; seed: number };

/** Step-by-step generation: each `step()` adds one piece, drawn with its own seeded generator. */
export class Generator {
  readonly ids: number[];
  private readonly rng: () => number;

  constructor(
    private readonly model: TinyTransformer,
    prompt: readonly number[],
    private readonly settings: GenerationSettings,
  ) {
    this.ids = prompt.length > 0 ? prompt.slice() : [model.tokenizer.endId];
    this.rng = createRng(settings.seed);
  }

  /** Adds one piece; returns it with the distribution it was drawn from. */
  step(): { id: number; probs: Float64Array } {
    const probs = nextPieceDistribution(this.model.nextLogits(this.ids), this.settings.temperature, this.settings.topK);
    const id = samplePiece(probs, this.rng);
    this.ids.push(id);
    return { id, probs };
  }
}
