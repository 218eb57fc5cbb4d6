import type * as tfCore from "@tensorflow/tfjs-core";
import type { NamedTensorMap, Optimizer, Scalar, Tensor, Tensor1D, Tensor2D, Variable } from "@tensorflow/tfjs-core";
import { createRng, glorotUniform, shuffleInPlace } from "../../shared/rng";

type TensorFlow = typeof tfCore;

export type Activation = "relu" | "tanh" | "sigmoid" | "linear";
export type Regularization = { kind: "none" | "l1" | "l2"; rate: number };
export type NetworkConfig = {
  inputSize: number;
  hidden: number[];
  outputSize: number;
  activation: Activation;
  /**
   * "sigmoid": one unit, binary cross-entropy on 0/1 labels. "softmax": one unit per class,
   * categorical cross-entropy. "tanh": one unit, squared error ½(out − target)² on targets −1/+1,
   * as TensorFlow Playground trains.
   */
  output: "sigmoid" | "softmax" | "tanh";
  learningRate: number;
  regularization: Regularization;
  seed: number;
  optimizer?: "sgd" | "adam";
  /**
   * "glorot" (default): Glorot-uniform kernels, zero biases. "playground": kernels uniform in
   * ±0.5 and biases 0.1, as TensorFlow Playground starts.
   */
  init?: "glorot" | "playground";
  /**
   * When set, what the network shows (forwardAll, loss, accuracy, readWeights) is a running
   * average of its weights, updated after every epoch, in which an epoch's weights count half as
   * much after this many epochs. Training itself uses the current weights. Off by default.
   */
  averageHalfLife?: number;
};
export type NetworkWeights = { kernels: Float32Array[]; biases: Float32Array[] };

/**
 * A fully connected network built from raw variables, so every layer's output
 * can be read in one batched pass. The tf module is passed in, so the caller
 * decides which backend (cpu, webgl, wasm) runs it.
 *
 * Gradients are computed by explicit backpropagation rather than tf's autodiff:
 * tfjs-core registers its gradient functions only from its ES-module build, so
 * autodiff is unavailable in Node, and would need a side-effect import elsewhere.
 */
export class Network {
  /** [inputSize, ...hidden, outputSize] */
  readonly layerSizes: number[];

  private readonly tf: TensorFlow;
  private readonly config: NetworkConfig;
  private readonly kernels: Variable[];
  private readonly biases: Variable[];
  /** The running average the network shows, or the trained weights themselves when averaging is off. */
  private readonly shownKernels: Variable[];
  private readonly shownBiases: Variable[];
  private epochsTrained = 0;
  private readonly optimizer: Optimizer;

  constructor(tf: TensorFlow, config: NetworkConfig) {
    if (config.output !== "softmax" && config.outputSize !== 1) {
      throw new Error(`A ${config.output} output has one unit, not ${config.outputSize}`);
    }
    this.tf = tf;
    this.config = config;
    this.layerSizes = [config.inputSize, ...config.hidden, config.outputSize];

    const rng = createRng(config.seed);
    this.kernels = [];
    this.biases = [];
    for (let l = 0; l + 1 < this.layerSizes.length; l++) {
      const fanIn = this.layerSizes[l];
      const fanOut = this.layerSizes[l + 1];
      const playground = config.init === "playground";
      const kernel = playground ? uniformValues(fanIn * fanOut, 0.5, rng) : glorotUniform(fanIn, fanOut, rng);
      const bias = new Float32Array(fanOut).fill(playground ? PLAYGROUND_BIAS : 0);
      this.kernels.push(this.createVariable(kernel, [fanIn, fanOut]));
      this.biases.push(this.createVariable(bias, [fanOut]));
    }
    const averaging = (config.averageHalfLife ?? 0) > 0;
    this.shownKernels = averaging ? this.kernels.map((k) => this.tf.variable(k, false)) : this.kernels;
    this.shownBiases = averaging ? this.biases.map((b) => this.tf.variable(b, false)) : this.biases;

    this.optimizer =
      config.optimizer === "adam" ? tf.train.adam(config.learningRate) : tf.train.sgd(config.learningRate);
  }

  /**
   * One pass over the examples, one optimizer step per mini-batch (the last may be smaller):
   * in a new shuffled order from `rng`, or in the given order when `rng` is null. The loss is
   * not read here (it would cost a third of the operations); ask `loss` when it is shown.
   */
  trainEpoch(xs: Float32Array, ys: Float32Array, batchSize: number, rng: (() => number) | null): void {
    const count = ys.length;
    if (count === 0) return;
    const order = rng ? shuffledIndices(count, rng) : inOrder(count);
    if (this.config.optimizer === "adam") this.trainEpochWithOptimizer(xs, ys, batchSize, order);
    else this.trainEpochSgd(xs, ys, batchSize, order);
    this.epochsTrained++;
    this.updateAverage();
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
      const pairs: [Variable, Variable][] = [
        ...this.shownKernels.map((v, l): [Variable, Variable] => [v, this.kernels[l]]),
        ...this.shownBiases.map((v, l): [Variable, Variable] => [v, this.biases[l]]),
      ];
      for (const [shown, trained] of pairs) shown.assign(tf.add(shown, tf.mul(tf.sub(trained, shown), 1 - keep)));
    });
  }

  /**
   * Plain SGD in as few TF.js operations as the arithmetic allows (issue #18): on the CPU backend
   * a 10×8 operation costs about as much in bookkeeping as in arithmetic, so the count sets the
   * speed. The batch is gathered in JavaScript (no index tensor, no gathers); the step −rate/n is
   * folded into the output error once, so each update is an add onto the old value (after the
   * penalty's shrink); no loss is computed. The update is the one `tf.train.sgd` applies:
   * w ← w − rate · (mean gradient + penalty gradient).
   */
  private trainEpochSgd(xs: Float32Array, ys: Float32Array, batchSize: number, order: Int32Array): void {
    const tf = this.tf;
    const count = ys.length;
    const width = this.config.inputSize;
    const targetWidth = this.config.output === "softmax" ? this.config.outputSize : 1;
    const targets = this.targetValues(ys);
    const batchXs = new Float32Array(batchSize * width);
    const batchTargets = new Float32Array(batchSize * targetWidth);
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      for (let k = 0; k < size; k++) {
        const n = order[start + k];
        batchXs.set(xs.subarray(n * width, (n + 1) * width), k * width);
        batchTargets.set(targets.subarray(n * targetWidth, (n + 1) * targetWidth), k * targetWidth);
      }
      tf.tidy(() => {
        // The tensors copy the values (the CPU backend keeps the array it is given).
        const inputs = tf.tensor2d(batchXs.slice(0, size * width), [size, width]);
        const target = tf.tensor2d(batchTargets.slice(0, size * targetWidth), [size, targetWidth]);
        this.sgdStep(inputs, target, size);
      });
    }
  }

  private sgdStep(inputs: Tensor2D, targets: Tensor2D, size: number): void {
    const tf = this.tf;
    const layers = this.forwardToLogits(inputs);
    const logits = layers[layers.length - 1];
    const output = this.outputActivation(logits);
    // −rate/n × dLoss/dlogits: (output − target) for both cross-entropies, times (1 − output²) for tanh.
    const step = -this.config.learningRate / size;
    let delta: Tensor2D = tf.sub(output, targets);
    if (this.config.output === "tanh") delta = tf.mul(delta, tf.sub(1, tf.square(output)));
    delta = tf.mul(delta, step);

    const updates: { variable: Variable; value: Tensor }[] = [];
    for (let l = this.kernels.length - 1; l >= 0; l--) {
      const layerInput = l === 0 ? inputs : layers[l - 1];
      const kernel = this.kernels[l];
      const bias = this.biases[l];
      // The error for the layer below uses this layer's weights before the step.
      const below = l > 0 ? tf.mul<Tensor2D>(tf.matMul(delta, kernel, false, true), this.activationSlope(layerInput)) : null;
      updates.push({ variable: kernel, value: tf.add(this.shrunk(kernel), tf.matMul(layerInput, delta, true, false)) });
      updates.push({ variable: bias, value: tf.add(bias, tf.sum(delta, 0)) });
      if (below) delta = below;
    }
    for (const { variable, value } of updates) variable.assign(value);
  }

  /** The kernel after this step's penalty: w − rate·2λw (L2) or w − rate·λ·sign(w) (L1). */
  private shrunk(kernel: Variable): Tensor {
    const { kind, rate } = this.config.regularization;
    if (kind === "none" || rate === 0) return kernel;
    const tf = this.tf;
    const learningRate = this.config.learningRate;
    if (kind === "l2") return tf.mul(kernel, 1 - 2 * rate * learningRate);
    return tf.sub(kernel, tf.mul(tf.sign(kernel), rate * learningRate));
  }

  /** The general path (Adam): gradients into the optimizer, one tidy per batch. */
  private trainEpochWithOptimizer(xs: Float32Array, ys: Float32Array, batchSize: number, order: Int32Array): void {
    const tf = this.tf;
    const count = ys.length;
    const inputs = this.inputTensor(xs, count);
    const targets = this.targetTensor(ys);
    for (let start = 0; start < count; start += batchSize) {
      const end = Math.min(start + batchSize, count);
      tf.tidy(() => {
        const indices = tf.tensor1d(order.subarray(start, end), "int32");
        const { gradients } = this.lossAndGradients(tf.gather(inputs, indices), tf.gather(targets, indices));
        this.optimizer.applyGradients(gradients);
      });
    }
    inputs.dispose();
    targets.dispose();
  }

  /**
   * Every layer's output for a batch of inputs: each hidden layer after its activation, then
   * the output layer after its own (probabilities for sigmoid and softmax, −1..1 for tanh).
   * With the shown weights (the running average, when on). The caller disposes them.
   */
  forwardAll(x: Tensor2D): Tensor2D[] {
    return this.tf.tidy(() => {
      const layers = this.forwardToLogits(x, true);
      const logits = layers.pop() as Tensor2D;
      return [...layers, this.outputActivation(logits)];
    });
  }

  /**
   * Mean data loss, without regularization: cross-entropy (binary for sigmoid, categorical for
   * softmax), or ½(out − target)² for a tanh output. With the shown weights.
   */
  loss(xs: Float32Array, ys: Float32Array): number {
    const count = ys.length;
    if (count === 0) return Number.NaN;
    return this.tf.tidy(() => {
      const logits = this.forwardToLogits(this.inputTensor(xs, count), true).pop() as Tensor2D;
      const loss = this.lossFromLogits(logits, this.targetTensor(ys));
      return loss.dataSync()[0];
    });
  }

  /** Fraction of examples whose most likely class is the label (one unit: output at or above its midpoint means 1). With the shown weights. */
  accuracy(xs: Float32Array, ys: Float32Array): number {
    const tf = this.tf;
    const count = ys.length;
    if (count === 0) return Number.NaN;
    return tf.tidy(() => {
      const logits = this.forwardToLogits(this.inputTensor(xs, count), true).pop() as Tensor2D;
      const predicted =
        this.config.output === "softmax"
          ? tf.argMax(logits, 1)
          : tf.cast(tf.greaterEqual(tf.reshape(logits, [count]), 0), "int32");
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
    if (weights.kernels.length !== layerCount || weights.biases.length !== layerCount) {
      throw new Error(`Expected weights for ${layerCount} layers`);
    }
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
    for (const variable of new Set([...this.kernels, ...this.biases, ...this.shownKernels, ...this.shownBiases])) variable.dispose();
    this.optimizer.dispose();
  }

  private createVariable(values: Float32Array, shape: number[]): Variable {
    const initial = this.tf.tensor(values, shape, "float32");
    const variable = this.tf.variable(initial);
    initial.dispose(); // the variable holds its own reference to the data
    return variable;
  }

  /** Hidden layers after activation, then the output layer's logits: with the trained weights, or the shown ones. */
  private forwardToLogits(x: Tensor2D, shown = false): Tensor2D[] {
    const kernels = shown ? this.shownKernels : this.kernels;
    const biases = shown ? this.shownBiases : this.biases;
    const outputs: Tensor2D[] = [];
    let current: Tensor2D = x;
    const lastLayer = kernels.length - 1;
    for (let l = 0; l <= lastLayer; l++) {
      const preActivation = this.tf.add<Tensor2D>(this.tf.matMul(current, kernels[l]), biases[l]);
      current = l === lastLayer ? preActivation : this.activate(preActivation);
      outputs.push(current);
    }
    return outputs;
  }

  private activate(z: Tensor2D): Tensor2D {
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

  private outputActivation(logits: Tensor2D): Tensor2D {
    switch (this.config.output) {
      case "softmax":
        return this.tf.softmax(logits);
      case "sigmoid":
        return this.tf.sigmoid(logits);
      case "tanh":
        return this.tf.tanh(logits);
    }
  }

  /** Mean data loss from the output logits; cross-entropy from logits is numerically safer than from probabilities. */
  private lossFromLogits(logits: Tensor2D, targets: Tensor2D): Scalar {
    const tf = this.tf;
    switch (this.config.output) {
      case "softmax":
        return tf.losses.softmaxCrossEntropy(targets, logits);
      case "sigmoid":
        return tf.losses.sigmoidCrossEntropy(targets, logits);
      case "tanh":
        return tf.mul<Scalar>(0.5, tf.mean(tf.square(tf.sub(tf.tanh(logits), targets))));
    }
  }

  /**
   * The batch's mean data loss, and the gradient of (data loss + penalty) for every
   * variable, keyed by variable name in a fixed order (Adam pairs its moments by position).
   */
  private lossAndGradients(inputs: Tensor2D, targets: Tensor2D): { dataLoss: Scalar; gradients: NamedTensorMap } {
    const tf = this.tf;
    const layers = this.forwardToLogits(inputs);
    const logits = layers[layers.length - 1];
    const dataLoss = this.lossFromLogits(logits, targets);

    // For sigmoid + binary and softmax + categorical cross-entropy alike, the gradient of the
    // mean loss with respect to the logits is (output - target) / n; for tanh + ½(out - target)²
    // it is (output - target)(1 - output²) / n.
    const output = this.outputActivation(logits);
    let error: Tensor2D = tf.sub(output, targets);
    if (this.config.output === "tanh") error = tf.mul(error, tf.sub(1, tf.square(output)));
    let delta: Tensor2D = tf.div(error, inputs.shape[0]);

    const kernelGradients: Tensor2D[] = [];
    const biasGradients: Tensor1D[] = [];
    for (let l = this.kernels.length - 1; l >= 0; l--) {
      const layerInput = l === 0 ? inputs : layers[l - 1];
      kernelGradients[l] = this.withPenaltyGradient(tf.matMul(layerInput, delta, true, false), this.kernels[l]);
      biasGradients[l] = tf.sum(delta, 0);
      if (l > 0) delta = tf.mul(tf.matMul(delta, this.kernels[l], false, true), this.activationSlope(layerInput));
    }

    const gradients: NamedTensorMap = {};
    this.kernels.forEach((kernel, l) => {
      gradients[kernel.name] = kernelGradients[l];
      gradients[this.biases[l].name] = biasGradients[l];
    });
    return { dataLoss, gradients };
  }

  /** Derivative of the hidden activation, written in terms of its output. */
  private activationSlope(activated: Tensor2D): Tensor2D {
    const tf = this.tf;
    switch (this.config.activation) {
      case "relu":
        return tf.step(activated); // 1 where the unit is active, else 0
      case "tanh":
        return tf.sub<Tensor2D>(1, tf.square(activated));
      case "sigmoid":
        return tf.mul(activated, tf.sub(1, activated));
      case "linear":
        return tf.onesLike(activated);
    }
  }

  /** Adds the gradient of the penalty rate·Σ|w| (L1) or rate·Σw² (L2) on this kernel. */
  private withPenaltyGradient(dataGradient: Tensor2D, kernel: Variable): Tensor2D {
    const { kind, rate } = this.config.regularization;
    if (kind === "none" || rate === 0) return dataGradient;
    const tf = this.tf;
    const penaltyGradient = kind === "l1" ? tf.mul(tf.sign(kernel), rate) : tf.mul(kernel, 2 * rate);
    return tf.add(dataGradient, penaltyGradient);
  }

  private inputTensor(xs: Float32Array, count: number): Tensor2D {
    return this.tf.tensor2d(xs, [count, this.config.inputSize]);
  }

  /** 0/1 labels as a column for sigmoid, as −1/+1 for tanh; class indices as one-hot rows for softmax. */
  private targetTensor(ys: Float32Array): Tensor2D {
    const width = this.config.output === "softmax" ? this.config.outputSize : 1;
    return this.tf.tensor2d(this.targetValues(ys), [ys.length, width]);
  }

  /** The values of `targetTensor`, row-major. */
  private targetValues(ys: Float32Array): Float32Array {
    if (this.config.output === "sigmoid") return ys;
    if (this.config.output === "tanh") return ys.map((y) => 2 * y - 1);
    const classes = this.config.outputSize;
    const oneHot = new Float32Array(ys.length * classes);
    ys.forEach((y, n) => (oneHot[n * classes + y] = 1));
    return oneHot;
  }
}

/** TensorFlow Playground's starting bias for every neuron. */
const PLAYGROUND_BIAS = 0.1;

function uniformValues(count: number, limit: number, rng: () => number): Float32Array {
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = (2 * rng() - 1) * limit;
  return values;
}

function inOrder(count: number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}

function shuffledIndices(count: number, rng: () => number): Int32Array {
  const order = inOrder(count);
  shuffleInPlace(order, rng);
  return order;
}

function expectLength(values: Float32Array, length: number, what: string): void {
  if (values.length !== length) throw new Error(`${what}: expected ${length} values, got ${values.length}`);
}
