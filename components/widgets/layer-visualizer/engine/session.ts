import type * as tfCore from "@tensorflow/tfjs-core";
import { generateDataset, splitTrainTest } from "../model/datasets";
import { DIGIT_CLASSES, DIGIT_PIXELS, type DigitsData } from "../../shared/digits";
import { splitDigits, type DigitsSplit } from "../model/digits";
import { featurize, gridInputs, toTensorData } from "../model/features";
import type { NetworkWeights } from "../../shared/dense-network/network";
import { VisualizerNetwork } from "../model/network";
import { createRng } from "../../shared/rng";
import { DIGITS_HIDDEN, POINT_COUNT, type VisualizerConfig } from "../state/config";

type TensorFlow = typeof tfCore;

/** Side of the square grid the neurons' small heatmaps are computed on: one batched pass, GRID² points. */
export const GRID = 40;
/** Side of the finer grid the output plane is computed on, as fine as TensorFlow Playground's. */
export const OUTPUT_GRID = 100;
const DIGITS_TEST_FRACTION = 0.25;
/** Epochs after which an epoch's weights count half as much in the picture (playground mode). */
export const AVERAGE_HALF_LIFE = 30;

export type Snapshot = {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** Share of test examples classified right (0..1). */
  testAccuracy: number;
  /**
   * Every layer's output, input layer first. Playground: GRID² rows per layer (row-major,
   * top row is y = +1), one column per neuron. Digits: one row, for the probed digit.
   */
  layers: Float32Array[];
  /** Playground: the output neuron over the finer OUTPUT_GRID² grid, laid out like `layers`. Empty in digits mode, and when not asked for. */
  output: Float32Array;
  layerSizes: number[];
  weights: NetworkWeights;
  numTensors: number;
};

type Data = { trainXs: Float32Array; trainYs: Float32Array; testXs: Float32Array; testYs: Float32Array };

/** One network and its data: trains, and reports what every layer computes. No DOM, no timers. */
export class Session {
  readonly config: VisualizerConfig;
  epoch = 0;
  private readonly tf: TensorFlow;
  private readonly data: Data;
  private readonly network: VisualizerNetwork;
  private readonly rng: () => number;
  private readonly grid?: tfCore.Tensor2D;
  private readonly outputGrid?: tfCore.Tensor2D;
  /** The digit whose activations digits mode shows: drawn by the reader or picked from the test set. */
  probe: Float32Array = new Float32Array(DIGIT_PIXELS);

  constructor(tf: TensorFlow, config: VisualizerConfig, digits?: DigitsData) {
    this.tf = tf;
    this.config = config;
    this.rng = createRng(config.seed * 7919 + 17);
    if (config.mode === "digits") {
      if (!digits) throw new Error("Digits mode needs the digits data");
      const { train, test } = splitDigits(digits, DIGITS_TEST_FRACTION, config.seed);
      this.data = { trainXs: train.xs, trainYs: train.ys, testXs: test.xs, testYs: test.ys };
      this.testSet = test;
      this.probe = test.xs.slice(0, DIGIT_PIXELS);
      this.network = new VisualizerNetwork(tf, {
        inputSize: DIGIT_PIXELS,
        hidden: DIGITS_HIDDEN,
        outputSize: DIGIT_CLASSES,
        activation: "relu",
        head: "softmax",
        optimizer: "adam",
        learningRate: 0.01,
        seed: config.seed,
      });
    } else {
      const points = generateDataset(config.dataset, { count: POINT_COUNT, noise: config.noise, seed: config.seed });
      const { train, test } = splitTrainTest(points, config.trainRatio, config.seed);
      const trainData = toTensorData(train, config.features);
      const testData = toTensorData(test, config.features);
      this.data = { trainXs: trainData.xs, trainYs: trainData.ys, testXs: testData.xs, testYs: testData.ys };
      this.network = new VisualizerNetwork(tf, {
        inputSize: config.features.length,
        hidden: config.hidden,
        outputSize: 1,
        activation: config.activation,
        // TensorFlow Playground's method (issue #18, docs/benchmarks.md): a tanh output trained on
        // ½·squared error stops pushing once a point is right, where sigmoid + cross-entropy kept
        // growing the weights around single training points and carved islands around them.
        head: "tanh",
        init: "playground",
        // What the reader sees (the planes, the weights, the losses and the accuracy) is a running
        // average of the recent weights, which holds the picture steady where SGD on batches of 10
        // keeps nudging the boundary to and fro (issue #18, docs/benchmarks.md). Training is not changed.
        averageHalfLife: AVERAGE_HALF_LIFE,
        learningRate: config.learningRate,
        penalty: config.regularization,
        seed: config.seed,
      });
      this.network.prepareEpochs(train.length, this.batchSize);
      this.grid = tf.tensor2d(gridInputs(GRID, config.features), [GRID * GRID, config.features.length]);
      this.outputGrid = tf.tensor2d(gridInputs(OUTPUT_GRID, config.features), [OUTPUT_GRID * OUTPUT_GRID, config.features.length]);
    }
  }

  private testSet?: DigitsSplit;

  get batchSize(): number {
    return this.config.mode === "digits" ? 32 : this.config.batchSize;
  }

  /** One pass over the training set. */
  step(): void {
    this.network.trainEpoch(this.data.trainXs, this.data.trainYs, this.batchSize, this.rng);
    this.epoch++;
  }

  /** Trains whole epochs until `budgetMs` has passed (at least one); returns how many ran. */
  trainFor(budgetMs: number, now: () => number = () => performance.now()): number {
    const start = now();
    let epochs = 0;
    do {
      this.step();
      epochs++;
    } while (now() - start < budgetMs);
    return epochs;
  }

  /** Every layer's output for one input: (x, y) on the plane, or 64 pixels in digits mode. */
  trace(input: { x: number; y: number } | Float32Array): number[][] {
    const row = input instanceof Float32Array ? input : Float32Array.from(featurize(input.x, input.y, this.config.features));
    const tf = this.tf;
    const outputs = tf.tidy(() => this.network.getActivations(tf.tensor2d(row, [1, row.length])));
    const values = outputs.map((t) => Array.from(t.dataSync()));
    tf.dispose(outputs);
    return [Array.from(row), ...values];
  }

  pickTestDigit(index: number): { pixels: Float32Array; label: number } {
    const test = this.testSet!;
    const i = ((index % test.count) + test.count) % test.count;
    this.probe = test.xs.slice(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS);
    return { pixels: this.probe, label: test.ys[i] };
  }

  /**
   * What the page draws: one batched forward pass that returns every layer, read back once, and
   * (unless `withOutput` is false) the output neuron again over the finer grid.
   */
  async snapshot(withOutput = true): Promise<Snapshot> {
    const tf = this.tf;
    const input = this.grid ?? tf.tensor2d(this.probe, [1, DIGIT_PIXELS]);
    const outputs = this.network.getActivations(input);
    // Copies: the CPU backend hands out its own storage, and the worker transfers these away.
    const layers = (await Promise.all(outputs.map((t) => t.data() as Promise<Float32Array>))).map((l) => l.slice());
    const inputData = ((await input.data()) as Float32Array).slice();
    tf.dispose(outputs);
    if (input !== this.grid) input.dispose();
    let output = new Float32Array(0);
    if (this.outputGrid && withOutput) {
      const fine = this.network.getActivations(this.outputGrid);
      output = ((await fine.at(-1)!.data()) as Float32Array).slice();
      tf.dispose(fine);
    }
    // Both losses at the weights drawn, as the Playground reports them.
    const trainLoss = this.network.loss(this.data.trainXs, this.data.trainYs);
    const testLoss = this.network.loss(this.data.testXs, this.data.testYs);
    const testAccuracy = this.network.accuracy(this.data.testXs, this.data.testYs);
    return {
      epoch: this.epoch,
      trainLoss,
      testLoss,
      testAccuracy,
      layers: [inputData, ...layers],
      output,
      layerSizes: this.network.layerSizes,
      weights: this.network.readWeights(),
      numTensors: tf.memory().numTensors,
    };
  }

  dispose(): void {
    this.network.dispose();
    this.grid?.dispose();
    this.outputGrid?.dispose();
  }
}
