import type { Tensor, Tensor2D, Variable } from "@tensorflow/tfjs-core";
import { DenseNetwork } from "../../shared/dense-network/network";
import { stepOnPenalty } from "../../shared/dense-network/penalty";

/**
 * The layer visualizer's network: the shared dense network (TF.js autodiff), with one exception
 * kept for speed. Plain SGD on the tanh head without dropout (every plane preset) takes the step
 * below, which is the gradient step written out in 37 TF.js kernels. Through `tf.grads` the same
 * step costs 62: the tape clones every tensor a gradient keeps (17 Identity kernels), Add's
 * gradient reshapes (6), and each input's gradient runs in its own tidy. On the CPU backend a
 * kernel this small costs more in bookkeeping than in arithmetic, so that halves the epochs per
 * second (docs/benchmarks.md, "One dense-network module"). The tests hold this step to the
 * autodiff one, weight for weight. Adam (digits) and everything else are the shared module's.
 */
export class VisualizerNetwork extends DenseNetwork {
  protected override step(inputs: Tensor2D, targets: Tensor2D): void {
    if (this.optimizer || this.config.head !== "tanh" || this.settings.dropout > 0) return super.step(inputs, targets);
    const tf = this.tf;
    const params = this.kernels.flatMap((kernel, l) => [kernel, this.biases[l]]);
    const layers = this.layers(params, inputs, true);
    const output = tf.tanh(layers.at(-1)!);
    // −rate/n × d(½·mean squared error)/dlogits = −rate/n × (output − target)(1 − output²).
    let delta: Tensor2D = tf.mul(tf.mul(tf.sub(output, targets), tf.sub(1, tf.square(output))), -this.config.learningRate / inputs.shape[0]);
    const updates: [Variable, Tensor][] = [];
    for (let l = this.kernels.length - 1; l >= 0; l--) {
      const below = l === 0 ? inputs : layers[l - 1];
      // The error for the layer below uses this layer's weights before the step.
      const next = l > 0 ? this.throughActivation(tf.matMul(delta, this.kernels[l], false, true), below) : null;
      updates.push([this.kernels[l], tf.add(stepOnPenalty(tf, this.settings.penalty, this.kernels[l], this.config.learningRate), tf.matMul(below, delta, true, false))]);
      updates.push([this.biases[l], tf.add(this.biases[l], tf.sum(delta, 0))]);
      if (next) delta = next;
    }
    for (const [variable, value] of updates) variable.assign(value);
  }

  /** The error through a hidden layer's activation, from the layer's output `activated`. */
  private throughActivation(error: Tensor2D, activated: Tensor2D): Tensor2D {
    const tf = this.tf;
    switch (this.config.activation) {
      case "relu":
        return tf.mul(error, tf.step(activated));
      case "tanh":
        return tf.mul(error, tf.sub(1, tf.square(activated)));
      case "sigmoid":
        return tf.mul(error, tf.mul(activated, tf.sub(1, activated)));
      case "linear":
        return error;
    }
  }
}
