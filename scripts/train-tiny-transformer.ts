// Trains the tiny transformer of issue 16 on LumoMate's own prose and writes what the widget
// loads: public/widgets/tiny-transformer/{weights.bin, manifest.json, vocab.json}.
//   npm run train:tiny-transformer [-- --steps N --max-seconds S --backend wasm|cpu]
// Seeded and reproducible: the same steps on the same backend give the same weights. The time cap
// is a guard for a busy machine; a run it stops is recorded as such in the manifest.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { bigramLoss, unigramLoss, unigramModel } from "../components/widgets/tiny-transformer/model/baselines";
import { readCorpus } from "../components/widgets/tiny-transformer/model/corpus";
import { registerTransformerGradients } from "../components/widgets/tiny-transformer/model/gradients";
import { HELD_OUT_SNAPSHOT, PUBLIC_DIR, type HeldOutSnapshot, type Manifest } from "../components/widgets/tiny-transformer/model/manifest";
import { encodeDocuments, learnBpe, Tokenizer } from "../components/widgets/tiny-transformer/model/tokenizer";
import { Trainer, type TrainingSettings } from "../components/widgets/tiny-transformer/model/trainer";
import { disposeWeights, initWeights, parameterCount, streamLoss, weightTensors, type TransformerConfig, type WeightValues } from "../components/widgets/tiny-transformer/model/transformer";
import { encodeWeights, decodeWeights } from "../components/widgets/tiny-transformer/model/weightsFile";

const { values: args } = parseArgs({
  options: {
    steps: { type: "string", default: "3000" },
    "max-seconds": { type: "string", default: "1800" },
    backend: { type: "string", default: "wasm" },
    "learning-rate": { type: "string", default: "0.006" },
    tied: { type: "boolean", default: false },
    out: { type: "string", default: PUBLIC_DIR },
  },
});

export const VOCAB_SIZE = 1024;
export const INIT_SEED = 16;
const steps = Number(args.steps);
const maxSeconds = Number(args["max-seconds"]);

async function switchBackend(name: string) {
  if (name === "wasm") await import("@tensorflow/tfjs-backend-wasm");
  if (!(await tf.setBackend(name))) throw new Error(`the ${name} backend did not start`);
  await tf.ready();
}

const log = (message: string) => console.log(message);

async function main() {
  const corpus = readCorpus();
  const trainTexts = corpus.train.map((d) => d.text);
  const heldOutTexts = corpus.heldOut.map((d) => d.text);
  const vocab = learnBpe(trainTexts, VOCAB_SIZE);
  const tokenizer = new Tokenizer(vocab);
  const trainStream = encodeDocuments(tokenizer, trainTexts);
  const heldOutStream = encodeDocuments(tokenizer, heldOutTexts);
  const heldOutChars = heldOutTexts.reduce((n, t) => n + t.length + 1, 0);
  log(`corpus: ${corpus.train.length} training documents (${trainStream.length} pieces), ${corpus.heldOut.length} held out (${heldOutStream.length} pieces); ${tokenizer.size} pieces`);

  const unigram = unigramLoss(unigramModel(trainStream, tokenizer.size), heldOutStream);
  const bigram = bigramLoss(trainStream, heldOutStream, tokenizer.size);
  log(`held-out baselines: unigram ${unigram.toFixed(3)}, bigram ${bigram.toFixed(3)} nats per piece`);

  const config: TransformerConfig = { vocabSize: tokenizer.size, context: 64, width: 64, layers: 2, heads: 4, mlp: 128, tiedOutput: args.tied };
  const settings: TrainingSettings = { batchSize: 8, learningRate: Number(args["learning-rate"]), warmupSteps: 30, decaySteps: steps, finalRate: 0.05, weightDecay: 0.05, beta1: 0.9, beta2: 0.98, seed: 1 };
  log(`model: ${JSON.stringify(config)}, ${parameterCount(config)} parameters; ${steps} steps of ${settings.batchSize}×${config.context} pieces`);

  await switchBackend(args.backend);
  registerTransformerGradients(tf);
  // The output bias starts at the log of each piece's training frequency (add-one), so step 0
  // already predicts as well as the unigram model and training spends its steps on context.
  const start = initWeights(config, INIT_SEED);
  start["output.bias"] = Float32Array.from(unigramModel(trainStream, tokenizer.size), Math.log);
  const trainer = new Trainer(tf, config, start, settings);
  const started = performance.now();
  let smoothed = NaN;
  let stoppedByTimeCap = false;
  let last = NaN;
  for (let step = 0; step < steps; step++) {
    last = trainer.trainStep(trainStream);
    smoothed = Number.isNaN(smoothed) ? last : 0.95 * smoothed + 0.05 * last;
    const seconds = (performance.now() - started) / 1000;
    if ((step + 1) % 25 === 0) log(`step ${step + 1}: training loss ${smoothed.toFixed(3)} (${seconds.toFixed(0)} s)`);
    if (seconds > maxSeconds && step + 1 < steps) {
      stoppedByTimeCap = true;
      log(`stopped by the ${maxSeconds} s cap after ${step + 1} steps`);
      break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const trained: WeightValues = trainer.values();
  const stepsDone = trainer.step;
  trainer.dispose();

  // Measured as the test and the widget will: the shipped int8 weights, on the CPU backend.
  const { bin, tensors } = encodeWeights(config, trained);
  await switchBackend("cpu");
  const measure = (values: WeightValues) => {
    const w = weightTensors(tf, config, values);
    const { nats, count } = streamLoss(tf, config, w, heldOutStream);
    disposeWeights(w);
    return { loss: nats / count, nats };
  };
  const shipped = measure(decodeWeights(tensors, bin));
  const unquantised = measure(trained);
  log(`held-out loss: ${shipped.loss.toFixed(4)} shipped (int8), ${unquantised.loss.toFixed(4)} before quantising; ${(shipped.nats / Math.LN2 / heldOutChars).toFixed(3)} bits per character`);

  const out = path.resolve(args.out);
  fs.mkdirSync(out, { recursive: true });
  const vocabJson = JSON.stringify(vocab);
  const gz = (data: Uint8Array | string) => zlib.gzipSync(data, { level: 9 }).length;
  const manifest: Manifest = {
    version: 1,
    config,
    parameters: parameterCount(config),
    weights: { file: "weights.bin", bytes: bin.length, tensors },
    vocab: { file: "vocab.json", pieces: tokenizer.size },
    corpus: {
      trainDocuments: corpus.train.length,
      heldOutDocuments: corpus.heldOut.length,
      train: corpus.train.map((d) => d.id),
      heldOut: corpus.heldOut.map((d) => d.id),
      trainPieces: trainStream.length,
      heldOutPieces: heldOutStream.length,
      trainCharacters: trainTexts.reduce((n, t) => n + t.length + 1, 0),
      heldOutCharacters: heldOutChars,
    },
    training: { ...settings, initSeed: INIT_SEED, steps: stepsDone, stepsPlanned: steps, stoppedByTimeCap, backend: args.backend, seconds: Math.round(seconds), finalTrainLoss: Number(smoothed.toFixed(4)) },
    evaluation: {
      heldOutLoss: Number(shipped.loss.toFixed(5)),
      heldOutLossUnquantised: Number(unquantised.loss.toFixed(5)),
      unigramLoss: Number(unigram.toFixed(5)),
      bigramLoss: Number(bigram.toFixed(5)),
      bitsPerCharacter: Number((shipped.nats / Math.LN2 / heldOutChars).toFixed(4)),
      backend: "cpu",
    },
    payload: { weightsGzipBytes: gz(bin), vocabGzipBytes: gz(vocabJson), totalGzipBytes: 0 },
  };
  manifest.payload.totalGzipBytes = manifest.payload.weightsGzipBytes + manifest.payload.vocabGzipBytes + gz(JSON.stringify(manifest));
  fs.writeFileSync(path.join(out, "weights.bin"), bin);
  fs.writeFileSync(path.join(out, "vocab.json"), vocabJson);
  fs.writeFileSync(path.join(out, "manifest.json"), JSON.stringify(manifest, null, 1) + "\n");
  // The held-out text as measured, so the shipped-weights test stays true while entries are edited.
  const snapshot: HeldOutSnapshot = { note: "Held-out text the shipped tiny transformer was measured on (never trained on). Written by npm run train:tiny-transformer.", documents: corpus.heldOut };
  if (args.out === PUBLIC_DIR) fs.writeFileSync(HELD_OUT_SNAPSHOT, JSON.stringify(snapshot, null, 1) + "\n");
  log(`wrote ${path.relative(process.cwd(), out)}: ${bin.length} bytes of weights; payload ${(manifest.payload.totalGzipBytes / 1024).toFixed(1)} KB gzipped; ${seconds.toFixed(0)} s of training`);
  void last;
}

await main();
