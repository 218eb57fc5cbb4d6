import type * as tfCore from "@tensorflow/tfjs-core";
import type { NamedTensorMap, Optimizer, Tensor2D, Variable } from "@tensorflow/tfjs-core";
import { createRng, glorotUniform } from "../../shared/rng";

type TensorFlow = typeof tfCore;


export type Regularizers = {
  /** Weight decay: the penalty l2·Σw² over every weight (not the biases) is added to the loss. */
  l2: number;
  /** Share of hidden units switched off at random in each training step (never when predicting). */
  dropout: number;
};

export type CurveNetConfig = Regularizers & {
  /** Hidden layer widths, e.g. [32, 32]: far more freedom than 14 points need. */
  hidden: number[];
  learningRate: number;
  seed: number;
};

/**
 * A small regression network, one number in and one out, tanh hidden layers, squared-error loss,
 * trained with Adam. Built from raw variables with hand-written backpropagation, like the layer
 * visualizer's classifier (tfjs-core's autodiff needs its gradient registrations, which the Node
 * build used by the tests does not load). The tf module is passed in, so the caller picks the backend.
 */
export class CurveNet {
  readonly layerSizes: number[];
  private readonly tf: TensorFlow;
  private readonly kernels: Variable[] = [];
  private readonly biases: Variable[] = [];
  private readonly optimizer: Optimizer;
  private readonly maskRng: () => number;
  private regularizers: Regularizers;

  constructor(tf: TensorFlow, config: CurveNetConfig) {
    this.tf = tf;
    this.layerSizes = [1, ...config.hidden, 1];
    this.regularizers = { l2: config.l2, dropout: config.dropout };
    const rng = createRng(config.seed);
    for (let l = 0; l + 1 < this.layerSizes.length; l++) {
      const fanIn = this.layerSizes[l];
      const fanOut = this.layerSizes[l + 1];
      const weights = glorotUniform(fanIn, fanOut, rng);
      // The first layer's units get gentle slopes and break points spread over [-1, 1]: the network
      // starts smooth, finds the broad shape first, and only later bends to every point.
      const biases = new Float32Array(fanOut);
      if (l === 0) {
        for (let j = 0; j < fanOut; j++) {
          weights[j] = (rng() < 0.5 ? -1 : 1) * (0.3 + 0.7 * rng());
          biases[j] = -weights[j] * (2 * rng() - 1);
        }
      }
      this.kernels.push(this.variable(tf.tensor2d(weights, [fanIn, fanOut])));
      this.biases.push(this.variable(tf.tensor2d(biases, [1, fanOut])));
    }
    this.optimizer = tf.train.adam(config.learningRate);
    this.maskRng = createRng(config.seed ^ 0x9e3779b9);
  }

  get settings(): Regularizers {
    return { ...this.regularizers };
  }

  /** Takes effect from the next step: the weights carry on from where they are. */
  setRegularizers(next: Regularizers): void {
    this.regularizers = { l2: Math.max(0, next.l2), dropout: Math.min(0.9, Math.max(0, next.dropout)) };
  }

  /** One full-batch Adam step on (x, y), both n × 1. Reads nothing back from the backend. */
  trainStep(x: Tensor2D, y: Tensor2D): void {
    this.tf.tidy(() => this.optimizer.applyGradients(this.gradients(x, y)));
  }

  /**
   * The gradient of (mean squared error + l2·Σw²) for every variable, by backpropagation through
   * this step's dropout masks, keyed by variable name in a fixed order (Adam pairs its moment
   * estimates with variables by position). Call inside tf.tidy.
   */
  gradients(x: Tensor2D, y: Tensor2D): NamedTensorMap {
    const tf = this.tf;
    {
      const n = x.shape[0];
      const { l2, dropout } = this.regularizers;
      const last = this.kernels.length - 1;
      // Forward, keeping each hidden layer's tanh output and its (scaled) dropout mask.
      const inputs: Tensor2D[] = [x];
      const activations: Tensor2D[] = [];
      const masks: (Tensor2D | null)[] = [];
      let current: Tensor2D = x;
      for (let l = 0; l < last; l++) {
        const t = tf.tanh(tf.add(tf.matMul(current, this.kernels[l]), this.biases[l])) as Tensor2D;
        activations.push(t);
        const mask = dropout > 0 ? this.dropoutMask(n, this.layerSizes[l + 1], dropout) : null;
        masks.push(mask);
        current = mask ? tf.mul(t, mask) : t;
        inputs.push(current);
      }
      const predicted = tf.add<Tensor2D>(tf.matMul(current, this.kernels[last]), this.biases[last]);

      // Backward: d(mean squared error)/d(prediction) = 2 (ŷ − y) / n.
      let delta = tf.mul<Tensor2D>(tf.sub(predicted, y), 2 / n);
      const gradients: NamedTensorMap = {};
      for (let l = last; l >= 0; l--) {
        let kernelGradient = tf.matMul(inputs[l], delta, true, false);
        if (l2 > 0) kernelGradient = tf.add(kernelGradient, tf.mul(this.kernels[l], 2 * l2));
        gradients[this.kernels[l].name] = kernelGradient;
        gradients[this.biases[l].name] = tf.sum(delta, 0, true);
        if (l > 0) {
          let upstream = tf.matMul<Tensor2D>(delta, this.kernels[l], false, true);
          const mask = masks[l - 1];
          if (mask) upstream = tf.mul(upstream, mask);
          const t = activations[l - 1];
          delta = tf.mul<Tensor2D>(upstream, tf.sub(1, tf.square(t)));
        }
      }
      const ordered: NamedTensorMap = {};
      for (let l = 0; l <= last; l++) {
        ordered[this.kernels[l].name] = gradients[this.kernels[l].name];
        ordered[this.biases[l].name] = gradients[this.biases[l].name];
      }
      return ordered;
    }
  }

  /** Every variable's values, in the order `gradients` lists them. */
  readVariables(): { name: string; values: Float32Array }[] {
    return this.kernels.flatMap((k, l) => [k, this.biases[l]]).map((v) => ({ name: v.name, values: new Float32Array(v.dataSync()) }));
  }

  /** Overwrites one variable (by name) with new values of the same shape. */
  writeVariable(name: string, values: Float32Array): void {
    const v = [...this.kernels, ...this.biases].find((candidate) => candidate.name === name);
    if (!v) throw new Error(`No variable ${name}`);
    this.tf.tidy(() => v.assign(this.tf.tensor(values, v.shape)));
  }

  /** The network's output for each x (no dropout), as a tensor the caller disposes. */
  forward(x: Tensor2D): Tensor2D {
    const tf = this.tf;
    return tf.tidy(() => {
      let current: Tensor2D = x;
      const last = this.kernels.length - 1;
      for (let l = 0; l <= last; l++) {
        const z = tf.add<Tensor2D>(tf.matMul(current, this.kernels[l]), this.biases[l]);
        current = l === last ? z : tf.tanh<Tensor2D>(z);
      }
      return current;
    });
  }

  /** Predictions for plain numbers, read back at once. */
  predict(xs: Float32Array): Float32Array {
    const tf = this.tf;
    return tf.tidy(() => this.forward(tf.tensor2d(xs, [xs.length, 1])).dataSync() as Float32Array);
  }

  /** Σw² over every weight matrix (what L2 penalises). */
  weightNorm(): number {
    const tf = this.tf;
    return tf.tidy(() => tf.addN(this.kernels.map((k) => tf.sum(tf.square(k)))).dataSync()[0]);
  }

  dispose(): void {
    for (const v of [...this.kernels, ...this.biases]) v.dispose();
    this.optimizer.dispose();
  }

  private variable(initial: Tensor2D): Variable {
    const v = this.tf.variable(initial);
    initial.dispose();
    return v;
  }

  /** Inverted dropout: each unit kept with probability 1 − rate and scaled by 1 / (1 − rate). */
  private dropoutMask(rows: number, columns: number, rate: number): Tensor2D {
    const values = new Float32Array(rows * columns);
    const keep = 1 / (1 - rate);
    for (let i = 0; i < values.length; i++) values[i] = this.maskRng() < rate ? 0 : keep;
    return this.tf.tensor2d(values, [rows, columns]);
  }
}
