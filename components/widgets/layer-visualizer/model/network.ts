import type * as tfCore from "@tensorflow/tfjs-core";
import type { NamedTensorMap, Optimizer, Scalar, Tensor1D, Tensor2D, Variable } from "@tensorflow/tfjs-core";
import { createRng, glorotUniform, shuffleInPlace } from "../../shared/rng";

type TensorFlow = typeof tfCore;

export type Activation = "relu" | "tanh" | "sigmoid" | "linear";
export type Regularization = { kind: "none" | "l1" | "l2"; rate: number };
export type NetworkConfig = {
  inputSize: number;
  hidden: number[];
  outputSize: number;
  activation: Activation;
  output: "sigmoid" | "softmax";
  learningRate: number;
  regularization: Regularization;
  seed: number;
  optimizer?: "sgd" | "adam";
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
  private readonly optimizer: Optimizer;

  constructor(tf: TensorFlow, config: NetworkConfig) {
    if (config.output === "sigmoid" && config.outputSize !== 1) {
      throw new Error(`A sigmoid output has one unit, not ${config.outputSize}`);
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
      this.kernels.push(this.createVariable(glorotUniform(fanIn, fanOut, rng), [fanIn, fanOut]));
      this.biases.push(this.createVariable(new Float32Array(fanOut), [fanOut]));
    }

    this.optimizer =
      config.optimizer === "adam" ? tf.train.adam(config.learningRate) : tf.train.sgd(config.learningRate);
  }

  /**
   * One pass over the examples in a shuffled order, one optimizer step per
   * mini-batch (the last may be smaller). Returns the mean loss over the pass,
   * without the regularization penalty, like `loss`.
   */
  trainEpoch(xs: Float32Array, ys: Float32Array, batchSize: number, rng: () => number): number {
    const tf = this.tf;
    const count = ys.length;
    if (count === 0) return Number.NaN;
    const order = shuffledIndices(count, rng);
    const inputs = this.inputTensor(xs, count);
    const targets = this.targetTensor(ys);
    let lossSum: Scalar = tf.scalar(0);

    for (let start = 0; start < count; start += batchSize) {
      const end = Math.min(start + batchSize, count);
      const nextSum = tf.tidy(() => {
        const indices = tf.tensor1d(order.subarray(start, end), "int32");
        const { dataLoss, gradients } = this.lossAndGradients(tf.gather(inputs, indices), tf.gather(targets, indices));
        this.optimizer.applyGradients(gradients);
        return tf.add(lossSum, tf.mul(dataLoss, end - start)) as Scalar;
      });
      lossSum.dispose();
      lossSum = nextSum;
    }

    // A single read per epoch: on a GPU backend each read is a pipeline stall.
    const meanLoss = lossSum.dataSync()[0] / count;
    lossSum.dispose();
    inputs.dispose();
    targets.dispose();
    return meanLoss;
  }

  /**
   * Every layer's output for a batch of inputs: each hidden layer after its
   * activation, then the output layer as probabilities. The caller disposes them.
   */
  forwardAll(x: Tensor2D): Tensor2D[] {
    return this.tf.tidy(() => {
      const layers = this.forwardToLogits(x);
      const logits = layers.pop() as Tensor2D;
      const probabilities = this.config.output === "softmax" ? this.tf.softmax(logits) : this.tf.sigmoid(logits);
      return [...layers, probabilities];
    });
  }

  /** Mean cross-entropy (binary for a sigmoid output, categorical for softmax), without regularization. */
  loss(xs: Float32Array, ys: Float32Array): number {
    const count = ys.length;
    if (count === 0) return Number.NaN;
    return this.tf.tidy(() => {
      const loss = this.dataLoss(this.inputTensor(xs, count), this.targetTensor(ys));
      return loss.dataSync()[0];
    });
  }

  /** Fraction of examples whose most likely class (probability ≥ 0.5 for sigmoid) is the label. */
  accuracy(xs: Float32Array, ys: Float32Array): number {
    const tf = this.tf;
    const count = ys.length;
    if (count === 0) return Number.NaN;
    return tf.tidy(() => {
      const logits = this.forwardToLogits(this.inputTensor(xs, count)).pop() as Tensor2D;
      const predicted =
        this.config.output === "softmax"
          ? tf.argMax(logits, 1)
          : tf.cast(tf.greaterEqual(tf.reshape(logits, [count]), 0), "int32");
      const labels = tf.tensor1d(Int32Array.from(ys), "int32");
      return tf.mean(tf.cast(tf.equal(predicted, labels), "float32")).dataSync()[0];
    });
  }

  /** Copies of the weights; kernels[l] is layerSizes[l] × layerSizes[l + 1], row-major. */
  readWeights(): NetworkWeights {
    return {
      kernels: this.kernels.map((kernel) => new Float32Array(kernel.dataSync())),
      biases: this.biases.map((bias) => new Float32Array(bias.dataSync())),
    };
  }

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
      }
    });
  }

  dispose(): void {
    for (const variable of [...this.kernels, ...this.biases]) variable.dispose();
    this.optimizer.dispose();
  }

  private createVariable(values: Float32Array, shape: number[]): Variable {
    const initial = this.tf.tensor(values, shape, "float32");
    const variable = this.tf.variable(initial);
    initial.dispose(); // the variable holds its own reference to the data
    return variable;
  }

  /** Hidden layers after activation, then the output layer's logits (before sigmoid/softmax). */
  private forwardToLogits(x: Tensor2D): Tensor2D[] {
    const outputs: Tensor2D[] = [];
    let current: Tensor2D = x;
    const lastLayer = this.kernels.length - 1;
    for (let l = 0; l <= lastLayer; l++) {
      const preActivation = this.tf.add(this.tf.matMul(current, this.kernels[l]), this.biases[l]) as Tensor2D;
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

  /** Mean cross-entropy from logits, which is numerically safer than from probabilities. */
  private dataLoss(inputs: Tensor2D, targets: Tensor2D): Scalar {
    return this.lossFromLogits(this.forwardToLogits(inputs).pop() as Tensor2D, targets);
  }

  private lossFromLogits(logits: Tensor2D, targets: Tensor2D): Scalar {
    return this.config.output === "softmax"
      ? this.tf.losses.softmaxCrossEntropy(targets, logits)
      : this.tf.losses.sigmoidCrossEntropy(targets, logits);
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

    // For sigmoid + binary and softmax + categorical cross-entropy alike, the
    // gradient of the mean loss with respect to the logits is (probability - target) / n.
    const probabilities = this.config.output === "softmax" ? tf.softmax(logits) : tf.sigmoid(logits);
    let delta: Tensor2D = tf.div(tf.sub(probabilities, targets), inputs.shape[0]);

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
        return tf.sub(1, tf.square(activated)) as Tensor2D;
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

  /** 0/1 labels as a column for sigmoid; class indices as one-hot rows for softmax. */
  private targetTensor(ys: Float32Array): Tensor2D {
    const tf = this.tf;
    if (this.config.output === "sigmoid") return tf.tensor2d(ys, [ys.length, 1]);
    return tf.tidy(() => {
      const classes = tf.tensor1d(Int32Array.from(ys), "int32");
      return tf.cast(tf.oneHot(classes, this.config.outputSize), "float32") as Tensor2D;
    });
  }
}

function shuffledIndices(count: number, rng: () => number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  shuffleInPlace(order, rng);
  return order;
}

function expectLength(values: Float32Array, length: number, what: string): void {
  if (values.length !== length) throw new Error(`${what}: expected ${length} values, got ${values.length}`);
}
