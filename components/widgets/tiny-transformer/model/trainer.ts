// Training the tiny transformer with TF.js autodiff: AdamW (Adam with decoupled weight decay on
// the matrices), a short linear warm-up and a cosine decay, on random windows of a piece stream.
// Seeded: the same seed, stream and settings give the same weights on the same backend.
import type * as tfCore from "@tensorflow/tfjs-core";
import type { Tensor, Variable } from "@tensorflow/tfjs-core";
import { createRng } from "../../shared/rng";
import { lossOf, weightShapes, type TransformerConfig, type WeightTensors, type WeightValues } from "./transformer";

type TF = typeof tfCore;

export type TrainingSettings = {
  batchSize: number;
  learningRate: number;
  /** Steps of linear warm-up from 0 to `learningRate`. */
  warmupSteps: number;
  /** Steps the cosine decay spans, down to `finalRate`·learningRate; later steps stay there. */
  decaySteps: number;
  finalRate: number;
  weightDecay: number;
  beta1: number;
  beta2: number;
  /** Seeds the order windows are drawn in. */
  seed: number;
};

export const DEFAULT_TRAINING: TrainingSettings = { batchSize: 16, learningRate: 3e-3, warmupSteps: 50, decaySteps: 2000, finalRate: 0.1, weightDecay: 0.05, beta1: 0.9, beta2: 0.98, seed: 1, };

/** The learning rate at step `step` (from 0). */
export function learningRateAt(s: TrainingSettings, step: number): number {
  if (step < s.warmupSteps) return (s.learningRate * (step + 1)) / s.warmupSteps;
  const progress = Math.min(1, (step - s.warmupSteps) / Math.max(1, s.decaySteps - s.warmupSteps));
  return s.learningRate * (s.finalRate + (1 - s.finalRate) * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

/** `batch` windows of `length + 1` pieces drawn from `stream` at seeded random offsets: inputs and next-piece targets. */
export function sampleWindows(stream: ArrayLike<number>, batch: number, length: number, rng: () => number): { inputs: Int32Array; targets: Int32Array } {
  const inputs = new Int32Array(batch * length);
  const targets = new Int32Array(batch * length);
  for (let b = 0; b < batch; b++) {
    const start = Math.floor(rng() * (stream.length - length));
    for (let t = 0; t < length; t++) {
      inputs[b * length + t] = stream[start + t];
      targets[b * length + t] = stream[start + t + 1];
    }
  }
  return { inputs, targets };
}

export class Trainer {
  readonly weights: WeightTensors;
  step = 0;
  private readonly variables: Variable[];
  private readonly moments: { m: Variable; v: Variable; decay: boolean }[];
  private readonly rng: () => number;

  constructor(
    private readonly tf: TF,
    readonly config: TransformerConfig,
    start: WeightValues,
    readonly settings: TrainingSettings = DEFAULT_TRAINING,
  ) {
    this.rng = createRng(settings.seed);
    this.weights = {};
    this.variables = [];
    this.moments = [];
    for (const { name, shape } of weightShapes(config)) {
      // A variable copies its starting tensor, so each one is made and dropped in a tidy scope.
      const make = (values: () => Tensor, trainable: boolean, label?: string) => tf.tidy(() => tf.variable(values(), trainable, label));
      const variable = make(() => tf.tensor(start[name], shape, "float32"), true, `tt.${name}.${Trainer.instances}`);
      this.weights[name] = variable;
      this.variables.push(variable);
      this.moments.push({ m: make(() => tf.zeros(shape), false), v: make(() => tf.zeros(shape), false), decay: shape.length === 2 && name !== "embed.positions" });
    }
    Trainer.instances++;
  }

  private static instances = 0;

  /** One AdamW step on `batchSize` random windows of `stream`; returns the batch's loss before the step. */
  trainStep(stream: ArrayLike<number>): number {
    const { tf, config, settings: s } = this;
    const T = config.context;
    const { inputs, targets } = sampleWindows(stream, s.batchSize, T, this.rng);
    const rate = learningRateAt(s, this.step);
    this.step++;
    const t = this.step;
    const loss = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => lossOf(tf, config, this.weights, tf.tensor2d(inputs, [s.batchSize, T], "int32"), tf.tensor1d(targets, "int32")), this.variables);
      const correction1 = 1 - s.beta1 ** t;
      const correction2 = 1 - s.beta2 ** t;
      this.variables.forEach((variable, i) => {
        const g = grads[variable.name];
        const { m, v, decay } = this.moments[i];
        m.assign(tf.add(tf.mul(m, s.beta1), tf.mul(g, 1 - s.beta1)));
        v.assign(tf.add(tf.mul(v, s.beta2), tf.mul(tf.square(g), 1 - s.beta2)));
        let update = tf.div(tf.div(m, correction1), tf.add(tf.sqrt(tf.div(v, correction2)), 1e-8));
        if (decay) update = tf.add(update, tf.mul(variable, s.weightDecay));
        variable.assign(tf.sub(variable, tf.mul(update, rate)));
      });
      return value;
    });
    const value = loss.dataSync()[0];
    loss.dispose();
    return value;
  }

  /** The current weights as plain arrays. */
  values(): WeightValues {
    const out: WeightValues = {};
    for (const { name } of weightShapes(this.config)) out[name] = this.weights[name].dataSync() as Float32Array;
    return out;
  }

  dispose(): void {
    for (const variable of this.variables) variable.dispose();
    for (const { m, v } of this.moments) {
      m.dispose();
      v.dispose();
    }
  }
}
