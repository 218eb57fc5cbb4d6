import type * as tfCore from "@tensorflow/tfjs-core";
import type { Tensor, Tensor1D, Tensor2D, Variable } from "@tensorflow/tfjs-core";
import { DenseNetwork, type DenseConfig } from "../../shared/dense-network/network";
import { applyPenaltyStep, penaltyStep } from "../../shared/dense-network/penalty";
import { KeptConstants } from "./constants";
import { fused, fusedKernelsReady } from "./fusedKernels";

type TensorFlow = typeof tfCore;

/**
 * The layer visualizer's network: the shared dense network (TF.js autodiff), with one exception
 * kept for speed. Plain SGD on the tanh head without dropout (every plane preset) takes the step
 * below, which is the gradient step written out in 34 TF.js kernels. Through `tf.grads` the same
 * step costs 62: the tape clones every tensor a gradient keeps (17 Identity kernels), Add's
 * gradient reshapes (6), and each input's gradient runs in its own tidy. On the CPU backend a
 * kernel this small costs more in bookkeeping than in arithmetic, so that halves the epochs per
 * second (docs/benchmarks.md, "One dense-network module"). On the CPU backend the step fuses
 * runs of those kernels into four of its own (fusedKernels.ts): 18 a batch, the same weights bit
 * for bit. The tests hold this step to the autodiff one, weight for weight. Adam (digits) and
 * everything else are the shared module's.
 *
 * Within an epoch of that step, the first layer's bias is folded into its kernel as one more row,
 * fed by a column of ones added to the inputs in JavaScript: the bias then needs no add on the way
 * forward and no sum or add on the way back. After the epoch the two are put back apart.
 */
export class VisualizerNetwork extends DenseNetwork {
  private readonly constants: KeptConstants;
  /** Kernel 0 with bias 0 as an extra last row; current only during a written-out epoch. */
  private readonly firstLayer: Variable;
  private folded = false;
  /** The training inputs with a column of ones, by the array they were made from. */
  private readonly withOnes = new WeakMap<Float32Array, Float32Array>();

  /** Whether the step may use the fused CPU kernels (fusedKernels.ts); tests turn it off to compare. */
  private readonly fusedKernels: boolean;
  /** Whether this epoch's steps use them: the backend checked once an epoch, not once a batch. */
  private fast = false;

  constructor(tf: TensorFlow, config: DenseConfig, { fusedKernels = true }: { fusedKernels?: boolean } = {}) {
    super(tf, config);
    this.fusedKernels = fusedKernels;
    this.constants = new KeptConstants(tf);
    this.firstLayer = tf.tidy(() => tf.variable(tf.zeros([config.inputSize + 1, this.layerSizes[1]])));
  }

  /**
   * Makes now the kept tensors that epochs of `count` examples in batches of `batchSize` use, so
   * the tensor count does not move once training starts.
   */
  prepareEpochs(count: number, batchSize: number): void {
    if (!this.writtenOut()) return;
    this.stepConstants(batchSize);
    if (count % batchSize > 0) this.stepConstants(count % batchSize);
  }

  override trainEpoch(xs: Float32Array, ys: Float32Array, batchSize: number, rng: (() => number) | null): void {
    if (!this.writtenOut() || ys.length === 0) return super.trainEpoch(xs, ys, batchSize, rng);
    const tf = this.tf;
    tf.tidy(() => this.firstLayer.assign(tf.concat([this.kernels[0], tf.reshape(this.biases[0], [1, -1])], 0)));
    this.folded = true;
    this.fast = this.fusedKernels && fusedKernelsReady(tf);
    super.trainEpoch(this.onesColumnAdded(xs, ys.length), ys, batchSize, rng);
  }

  protected override finishEpoch(): void {
    if (this.folded) {
      const tf = this.tf;
      const [inputs, units] = this.firstLayer.shape;
      tf.tidy(() => {
        this.kernels[0].assign(tf.slice(this.firstLayer, [0, 0], [inputs - 1, units]));
        this.biases[0].assign(tf.reshape(tf.slice(this.firstLayer, [inputs - 1, 0], [1, units]), [units]));
      });
      this.folded = false;
    }
    super.finishEpoch();
  }

  protected override step(inputs: Tensor2D, targets: Tensor2D): void {
    if (!this.folded) return super.step(inputs, targets);
    const tf = this.tf;
    const rows = inputs.shape[0];
    const constants = this.stepConstants(rows);
    const last = this.kernels.length - 1;
    // Forward: each hidden layer's output, then the output layer's logits.
    const layers: Tensor2D[] = [];
    for (let l = 0; l <= last; l++) {
      const z = l === 0 ? tf.matMul<Tensor2D>(inputs, this.firstLayer) : tf.add<Tensor2D>(tf.matMul<Tensor2D>(layers[l - 1], this.kernels[l]), this.biases[l]);
      layers.push(l === last ? z : this.activate(z));
    }
    const output = tf.tanh(layers[last]);
    // On the CPU backend, fused kernels for the steps below (the same arithmetic, see fusedKernels.ts);
    // an L1 penalty's step is not a scaling, so its kernel steps keep TF.js's kernels.
    const fast = this.fast;
    const fastKernelSteps = fast && constants.penalty?.kind !== "l1";
    // −rate/n × d(½·mean squared error)/dlogits = −rate/n × (output − target)(1 − output²).
    let delta: Tensor2D = fast
      ? fused.tanhHeadDelta(tf, output, targets, -this.config.learningRate / rows)
      : tf.mul(tf.mul(tf.sub(output, targets), tf.sub(constants.one, tf.square(output))), constants.scale);
    const updates: [Variable, Tensor][] = [];
    for (let l = last; l > 0; l--) {
      const below = layers[l - 1];
      // The error for the layer below uses this layer's weights before the step.
      const back = tf.matMul<Tensor2D>(delta, this.kernels[l], false, true);
      const next = fast && this.config.activation === "tanh" ? fused.throughTanh(tf, back, below) : this.throughActivation(back, below);
      const kernel = this.kernels[l];
      updates.push([
        kernel,
        fastKernelSteps
          ? fused.scaledPlusProduct(tf, kernel as Tensor as Tensor2D, below, delta, constants.penalty?.factor ?? 1)
          : tf.add(applyPenaltyStep(tf, constants.penalty, kernel, constants.kernelFactor), tf.matMul(below, delta, true, false)),
      ]);
      const bias = this.biases[l];
      updates.push([bias, fast ? fused.plusColumnSums(tf, bias as Tensor as Tensor1D, delta) : tf.add(bias, tf.sum(delta, 0))]);
      delta = next;
    }
    // The first layer's kernel and bias in one: the penalty leaves the bias row alone.
    const first = this.firstLayer;
    updates.push([
      first,
      fastKernelSteps
        ? fused.scaledPlusProduct(tf, first as Tensor as Tensor2D, inputs, delta, constants.firstLayerFactor ?? 1)
        : tf.add(applyPenaltyStep(tf, constants.penalty, first, constants.firstLayerFactor), tf.matMul(inputs, delta, true, false)),
    ]);
    for (const [variable, value] of updates) variable.assign(value);
  }

  override dispose(): void {
    super.dispose();
    this.firstLayer.dispose();
    this.constants.dispose();
  }

  /** The kept tensors a written-out step on `rows` examples uses, made on first use. */
  private stepConstants(rows: number) {
    const penalty = penaltyStep(this.settings.penalty, this.config.learningRate);
    const [inputRows, units] = this.firstLayer.shape;
    return {
      one: this.constants.scalar(1),
      /** −rate/n: the step for the mean over the batch. */
      scale: this.constants.scalar(-this.config.learningRate / rows),
      penalty,
      kernelFactor: penalty ? this.constants.scalar(penalty.factor) : undefined,
      firstLayerFactor: penalty ? this.constants.lastRowApart(penalty.factor, penalty.untouched, inputRows, units) : undefined,
    };
  }

  /** Plain SGD on the tanh head without dropout: the step written out above. */
  private writtenOut(): boolean {
    return !this.optimizer && this.config.head === "tanh" && this.settings.dropout === 0;
  }

  private onesColumnAdded(xs: Float32Array, count: number): Float32Array {
    let added = this.withOnes.get(xs);
    if (!added) {
      const width = xs.length / count;
      added = new Float32Array(count * (width + 1));
      for (let n = 0; n < count; n++) {
        added.set(xs.subarray(n * width, (n + 1) * width), n * (width + 1));
        added[n * (width + 1) + width] = 1;
      }
      this.withOnes.set(xs, added);
    }
    return added;
  }

  /** The error through a hidden layer's activation, from the layer's output `activated`. */
  private throughActivation(error: Tensor2D, activated: Tensor2D): Tensor2D {
    const tf = this.tf;
    const one = this.constants.scalar(1);
    switch (this.config.activation) {
      case "relu":
        return tf.mul(error, tf.step(activated));
      case "tanh":
        return tf.mul(error, tf.sub(one, tf.square(activated)));
      case "sigmoid":
        return tf.mul(error, tf.mul(activated, tf.sub(one, activated)));
      case "linear":
        return error;
    }
  }
}
