import type * as tfCore from "@tensorflow/tfjs-core";
import type { NamedTensorMap, Optimizer, Tensor, Tensor2D, Variable } from "@tensorflow/tfjs-core";
import { createRng, shuffleInPlace } from "../rng";
import { registerDenseGradients } from "./gradients";
import { HEADS, type Head, type HeadName } from "./heads";
import { initFunction, type Init } from "./init";
import { dropoutMask, NO_PENALTY, penaltyGradient, stepOnPenalty, type Penalty } from "./penalty";

type TensorFlow = typeof tfCore;

export type Activation = "relu" | "tanh" | "sigmoid" | "linear";
/** What holds the network back from fitting every point: a penalty on the kernels, and dropout in the hidden layers. */
export type Regularization = { penalty: Penalty; dropout: number };

export type DenseConfig = {
  inputSize: number;
  hidden: number[];
  outputSize: number;
  /** The hidden layers' activation. */
  activation: Activation;
  head: HeadName;
  optimizer?: "sgd" | "adam";
  learningRate: number;
  penalty?: Penalty;
  /** Share of hidden units switched off at random in each training step (never when predicting). */
  dropout?: number;
  seed: number;
  init?: Init;
  /**
   * When set, what the network shows (getActivations, output, loss, accuracy, readWeights) is a
   * running average of its weights, updated after every epoch of `trainEpoch`, in which an epoch's
   * weights count half as much after this many epochs. Training itself uses the current weights.
   */
  averageHalfLife?: number;
};
export type NetworkWeights = { kernels: Float32Array[]; biases: Float32Array[] };

/**
 * A small fully connected network on TF.js, trained by TF.js's own automatic differentiation
 * (`tf.grads`): the forward pass is the only place the network is written down. The head (output
 * activation and loss) and the regularization are pluggable; the tf module is passed in, so the
 * caller picks the backend, and tests run it on the CPU backend in Node.
 */
export class DenseNetwork {
  /** [inputSize, ...hidden, outputSize] */
  readonly layerSizes: number[];

  protected readonly tf: TensorFlow;
  protected readonly config: DenseConfig;
  private readonly head: Head;
  protected readonly kernels: Variable[] = [];
  protected readonly biases: Variable[] = [];
  /** kernel 0, bias 0, kernel 1, …: the order gradients come in and Adam pairs its moments by. */
  private readonly params: Variable[] = [];
  /** The running average the network shows, or the trained weights themselves when averaging is off. */
  private readonly shownKernels: Variable[];
  private readonly shownBiases: Variable[];
  protected readonly optimizer: Optimizer | null;
  private readonly maskRng: () => number;
  protected settings: Regularization;
  private epochsTrained = 0;

  constructor(tf: TensorFlow, config: DenseConfig) {
    if (config.head !== "softmax" && config.outputSize !== 1) throw new Error(`A ${config.head} head has one unit, not ${config.outputSize}`);
    registerDenseGradients(tf);
    this.tf = tf;
    this.config = config;
    this.head = HEADS[config.head];
    this.layerSizes = [config.inputSize, ...config.hidden, config.outputSize];
    this.settings = { penalty: config.penalty ?? NO_PENALTY, dropout: config.dropout ?? 0 };

    const rng = createRng(config.seed);
    const init = initFunction(config.init);
    for (let l = 0; l + 1 < this.layerSizes.length; l++) {
      const fanIn = this.layerSizes[l];
      const fanOut = this.layerSizes[l + 1];
      const { kernel, bias } = init(l, fanIn, fanOut, rng);
      this.kernels.push(this.createVariable(kernel, [fanIn, fanOut]));
      this.biases.push(this.createVariable(bias, [fanOut]));
      this.params.push(this.kernels[l], this.biases[l]);
    }
    const averaging = (config.averageHalfLife ?? 0) > 0;
    this.shownKernels = averaging ? this.kernels.map((k) => tf.variable(k, false)) : this.kernels;
    this.shownBiases = averaging ? this.biases.map((b) => tf.variable(b, false)) : this.biases;
    this.optimizer = config.optimizer === "adam" ? tf.train.adam(config.learningRate) : null;
    this.maskRng = createRng(config.seed ^ 0x9e3779b9);
  }

  get regularization(): Regularization {
    return { penalty: { ...this.settings.penalty }, dropout: this.settings.dropout };
  }

  /** Takes effect from the next step: the weights carry on from where they are. */
  setRegularization(next: Partial<Regularization>): void {
    const penalty = next.penalty ?? this.settings.penalty;
    const dropout = next.dropout ?? this.settings.dropout;
    this.settings = { penalty: { kind: penalty.kind, rate: Math.max(0, penalty.rate) }, dropout: Math.min(0.9, Math.max(0, dropout)) };
  }

  /**
   * One pass over the examples, one step per mini-batch (the last may be smaller): in a new
   * shuffled order from `rng`, or in the given order when `rng` is null. `ys` are labels (class
   * indices) or, for a linear head, target values. The batches are gathered in JavaScript, so a
   * step costs two small uploads and no gathers. `xs` holds one row per example: the network's
   * inputs, and after them any columns a subclass's `step` reads (see `VisualizerNetwork`).
   */
  trainEpoch(xs: Float32Array, ys: Float32Array, batchSize: number, rng: (() => number) | null): void {
    const count = ys.length;
    if (count === 0) return;
    const width = xs.length / count;
    const targetWidth = this.head.width(this.config.outputSize);
    const targets = this.head.encode(ys, this.config.outputSize);
    const order = inOrder(count);
    if (rng) shuffleInPlace(order, rng);
    const batchXs = new Float32Array(batchSize * width);
    const batchTargets = new Float32Array(batchSize * targetWidth);
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      for (let k = 0; k < size; k++) {
        const n = order[start + k];
        batchXs.set(xs.subarray(n * width, (n + 1) * width), k * width);
        batchTargets.set(targets.subarray(n * targetWidth, (n + 1) * targetWidth), k * targetWidth);
      }
      this.tf.tidy(() => {
        // Copies: the CPU backend keeps the array a tensor is made from.
        const inputs = this.tf.tensor2d(batchXs.slice(0, size * width), [size, width]);
        const batchTargetTensor = this.tf.tensor2d(batchTargets.slice(0, size * targetWidth), [size, targetWidth]);
        this.step(inputs, batchTargetTensor);
      });
    }
    this.finishEpoch();
  }

  /** After an epoch's last step: the shown weights move toward the trained ones. */
  protected finishEpoch(): void {
    this.epochsTrained++;
    this.updateAverage();
  }

  /** One step on all of `inputs` at once; `targets` from `targetTensor`. Reads nothing back. */
  trainStep(inputs: Tensor2D, targets: Tensor2D): void {
    this.tf.tidy(() => this.step(inputs, targets));
  }

  /** Labels or target values as the tensor `trainStep` takes. The caller disposes it. */
  targetTensor(ys: Float32Array): Tensor2D {
    return this.tf.tensor2d(this.head.encode(ys, this.config.outputSize), [ys.length, this.head.width(this.config.outputSize)]);
  }

  /**
   * The gradient of the batch's mean loss comes from `tf.grads` on the loss terms, with the
   * constant that turns their sum into the mean passed in as the starting gradient `dy`. For plain
   * SGD that constant also carries −learningRate, so each gradient is already the step, and the
   * update is one add onto the old value (after the penalty's own step): the update
   * `tf.train.sgd` makes, w ← w − rate · (mean gradient + penalty gradient), in fewer operations.
   */
  protected step(inputs: Tensor2D, targets: Tensor2D): void {
    const tf = this.tf;
    const { learningRate } = this.config;
    const { penalty } = this.settings;
    const rows = inputs.shape[0];
    const factor = (this.optimizer ? 1 : -learningRate) * (this.head.scale / rows);
    const dy = tf.tensor2d(new Float32Array(targets.size).fill(factor), targets.shape);
    const gradients = tf.grads((...params: Tensor[]) => this.head.lossTerms(tf, this.logits(params, inputs, true), targets))(this.params, dy);
    if (!this.optimizer) {
      this.params.forEach((param, i) => param.assign(tf.add(i % 2 === 0 ? stepOnPenalty(tf, penalty, param, learningRate) : param, gradients[i])));
      return;
    }
    const named: NamedTensorMap = {};
    this.params.forEach((param, i) => {
      const extra = i % 2 === 0 ? penaltyGradient(tf, penalty, param) : null;
      named[param.name] = extra ? tf.add(gradients[i], extra) : gradients[i];
    });
    this.optimizer.applyGradients(named);
  }

  /** The output layer's pre-activations (logits) from weights laid out as `params`; dropout only while training. */
  private logits(params: Tensor[], x: Tensor2D, training: boolean): Tensor2D {
    return this.layers(params, x, training).at(-1)!;
  }

  /**
   * Each hidden layer's output (after its activation, and dropout while training), then the output
   * layer's logits, from weights laid out as `params`: the network's one forward pass.
   */
  protected layers(params: Tensor[], x: Tensor2D, training: boolean): Tensor2D[] {
    const tf = this.tf;
    const dropout = training ? this.settings.dropout : 0;
    const last = params.length / 2 - 1;
    const outputs: Tensor2D[] = [];
    let current = x;
    for (let l = 0; l <= last; l++) {
      const z = tf.add<Tensor2D>(tf.matMul(current, params[2 * l]), params[2 * l + 1]);
      if (l === last) {
        outputs.push(z);
        break;
      }
      current = this.activate(z);
      if (dropout > 0) {
        const [rows, columns] = current.shape;
        current = tf.mul(current, tf.tensor2d(dropoutMask(rows, columns, dropout, this.maskRng), [rows, columns]));
      }
      outputs.push(current);
    }
    return outputs;
  }

  /**
   * Moves the shown weights toward the trained ones: shown ← k·shown + (1 − k)·trained, with
   * k = ½^(1/half-life). Early on k is smaller, (1 + t)/(10 + t) after t epochs, so the average
   * does not lag behind the first fast learning.
   */
  private updateAverage(): void {
    const halfLife = this.config.averageHalfLife ?? 0;
    if (!(halfLife > 0)) return;
    const t = this.epochsTrained;
    const keep = Math.min(Math.pow(0.5, 1 / halfLife), (1 + t) / (10 + t));
    const tf = this.tf;
    tf.tidy(() => {
      const shown = [...this.shownKernels, ...this.shownBiases];
      const trained = [...this.kernels, ...this.biases];
      shown.forEach((v, i) => v.assign(tf.add(v, tf.mul(tf.sub(trained[i], v), 1 - keep))));
    });
  }

  /**
   * Every layer's output for a batch of inputs, with the shown weights: each hidden layer after
   * its activation, then the output after the head's (−1..1 for tanh, probabilities for sigmoid
   * and softmax). What the widgets draw. The caller disposes them.
   */
  getActivations(x: Tensor2D): Tensor2D[] {
    return this.tf.tidy(() => {
      const layers = this.layers(this.shownParams(), x, false);
      return [...layers.slice(0, -1), this.head.activate(this.tf, layers.at(-1)!)];
    });
  }

  /** The output layer alone (no dropout), with the shown weights. The caller disposes it. */
  output(x: Tensor2D): Tensor2D {
    return this.tf.tidy(() => this.head.activate(this.tf, this.shownLogits(x)));
  }

  /** Mean data loss (without the penalty), with the shown weights: ½·squared error, cross-entropy or mean squared error. */
  loss(xs: Float32Array, ys: Float32Array): number {
    const count = ys.length;
    if (count === 0) return Number.NaN;
    const tf = this.tf;
    return tf.tidy(() => {
      const targets = this.targetTensor(ys);
      const terms = this.head.lossTerms(tf, this.shownLogits(this.inputTensor(xs, count)), targets);
      return (tf.sum(terms).dataSync()[0] * this.head.scale) / count;
    });
  }

  /** Share of examples whose most likely class is the label (one unit: output at or above its midpoint means 1). */
  accuracy(xs: Float32Array, ys: Float32Array): number {
    const count = ys.length;
    if (count === 0 || !this.head.classifies) return Number.NaN;
    const tf = this.tf;
    return tf.tidy(() => {
      const logits = this.shownLogits(this.inputTensor(xs, count));
      const predicted = this.config.outputSize > 1 ? tf.argMax(logits, 1) : tf.cast(tf.greaterEqual(tf.reshape(logits, [count]), 0), "int32");
      const labels = tf.tensor1d(Int32Array.from(ys), "int32");
      return tf.mean(tf.cast(tf.equal(predicted, labels), "float32")).dataSync()[0];
    });
  }

  /** Copies of the shown weights; kernels[l] is layerSizes[l] × layerSizes[l + 1], row-major. */
  readWeights(): NetworkWeights {
    return {
      kernels: this.shownKernels.map((kernel) => new Float32Array(kernel.dataSync())),
      biases: this.shownBiases.map((bias) => new Float32Array(bias.dataSync())),
    };
  }

  /** Sets the trained weights, and the shown ones to the same values. */
  setWeights(weights: NetworkWeights): void {
    const layerCount = this.kernels.length;
    if (weights.kernels.length !== layerCount || weights.biases.length !== layerCount) throw new Error(`Expected weights for ${layerCount} layers`);
    this.tf.tidy(() => {
      for (let l = 0; l < layerCount; l++) {
        const fanIn = this.layerSizes[l];
        const fanOut = this.layerSizes[l + 1];
        expectLength(weights.kernels[l], fanIn * fanOut, `kernel ${l}`);
        expectLength(weights.biases[l], fanOut, `bias ${l}`);
        this.kernels[l].assign(this.tf.tensor2d(weights.kernels[l], [fanIn, fanOut]));
        this.biases[l].assign(this.tf.tensor1d(weights.biases[l]));
        if (this.shownKernels !== this.kernels) {
          this.shownKernels[l].assign(this.kernels[l]);
          this.shownBiases[l].assign(this.biases[l]);
        }
      }
    });
  }

  dispose(): void {
    for (const variable of new Set([...this.params, ...this.shownKernels, ...this.shownBiases])) variable.dispose();
    this.optimizer?.dispose();
  }

  private shownParams(): Variable[] {
    return this.shownKernels.flatMap((kernel, l) => [kernel, this.shownBiases[l]]);
  }

  private shownLogits(x: Tensor2D): Tensor2D {
    return this.logits(this.shownParams(), x, false);
  }

  protected activate(z: Tensor2D): Tensor2D {
    switch (this.config.activation) {
      case "relu":
        return this.tf.relu(z);
      case "tanh":
        return this.tf.tanh(z);
      case "sigmoid":
        return this.tf.sigmoid(z);
      case "linear":
        return z;
    }
  }

  private inputTensor(xs: Float32Array, count: number): Tensor2D {
    return this.tf.tensor2d(xs, [count, this.config.inputSize]);
  }

  private createVariable(values: Float32Array, shape: number[]): Variable {
    const initial = this.tf.tensor(values, shape, "float32");
    const variable = this.tf.variable(initial);
    initial.dispose(); // the variable holds its own reference to the data
    return variable;
  }
}

function inOrder(count: number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}

function expectLength(values: Float32Array, length: number, what: string): void {
  if (values.length !== length) throw new Error(`${what}: expected ${length} values, got ${values.length}`);
}
