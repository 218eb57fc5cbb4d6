/// <reference lib="webworker" />
// "Train it yourself": a transformer of the shipped shape (a shorter context, so a step is quick)
// starts from seeded random weights and learns from the glossary's prose or the reader's text, which
// never leaves the device. Training runs here, a step at a time, with messages (pause, step) let in
// between steps. The glossary is measured on held-out entries neither model has read; other text on
// its last tenth, held back. The model, the shipped model and a unigram baseline are all measured on
// the same pieces, so the three losses compare like for like.
import vocabJson from "@/public/widgets/tiny-transformer/vocab.json";
import { createRng } from "../../shared/rng";
import { errorText } from "../../shared/errorText";
import { serveWorker, yieldToMessages, type Post } from "../../shared/serveWorker";
import { loadTensorFlow } from "../../shared/tf";
import { unigramLoss, unigramModel } from "../model/baselines";
import { decodeGlossaryPieces, GLOSSARY_PIECES_FILE } from "../model/glossaryPieces";
import { registerTransformerGradients } from "../model/gradients";
import type { Manifest } from "../model/manifest";
import { nextPieceDistribution, samplePiece } from "../model/sampling";
import { DEFAULT_TRAINING, Trainer } from "../model/trainer";
import { Tokenizer, type VocabJson } from "../model/tokenizer";
import { forward, initWeights, streamLoss, weightTensors, type TransformerConfig, type WeightTensors } from "../model/transformer";
import { decodeWeights } from "../model/weightsFile";
import { trainingSplit, TRAIN_CONTEXT, TRAIN_SETTINGS } from "../model/training";
import type { Evaluation, FromTrainer, ToTrainer } from "./trainingProtocol";

const BASE = "/widgets/tiny-transformer/";
/** Measure on the held-back text at least this often while playing. */
const EVALUATE_MS = 2500;
const SAMPLE_PIECES = 24;

type TF = Awaited<ReturnType<typeof loadTensorFlow>>["tf"];
const tokenizer = new Tokenizer(vocabJson as VocabJson);

let engine: { tf: TF; backend: string; shipped: { config: TransformerConfig; weights: WeightTensors } } | null = null;
/** The run: its trainer, its pieces, and how often each piece occurs in its training text (add-one). */
let run: { trainer: Trainer; config: TransformerConfig; train: Int32Array; held: Int32Array; counts: Float64Array; seed: number } | null = null;
/** The glossary's pieces, fetched once however often the reader comes back to them. */
let glossary: Promise<{ train: Int32Array; held: Int32Array }> | null = null;
let playing = false;
let looping = false;
let evaluatedAt = 0;

async function loadEngine() {
  if (engine) return engine;
  const [{ tf, backend }, manifest, bin] = await Promise.all([
    loadTensorFlow("wasm"),
    fetch(BASE + "manifest.json").then((r) => r.json() as Promise<Manifest>),
    fetch(BASE + "weights.bin").then((r) => r.arrayBuffer()),
  ]);
  registerTransformerGradients(tf);
  const config = manifest.config;
  engine = { tf, backend, shipped: { config, weights: weightTensors(tf, config, decodeWeights(manifest.weights.tensors, new Uint8Array(bin))) } };
  return engine;
}

const numTensors = () => engine?.tf.memory().numTensors ?? 0;

function heldLoss(tf: TF, config: TransformerConfig, weights: WeightTensors, held: Int32Array): number {
  const { nats, count } = streamLoss(tf, config, weights, held);
  return nats / count;
}

/** A few pieces written by the model as it is now, after "the", with a fixed seed. */
function sample(tf: TF, config: TransformerConfig, weights: WeightTensors, seed: number): string {
  const rng = createRng(seed);
  const ids = tokenizer.encode("the");
  const start = ids.length;
  for (let i = 0; i < SAMPLE_PIECES; i++) {
    const win = ids.slice(Math.max(0, ids.length - config.context));
    const logits = tf.tidy(() => forward(tf, config, weights, tf.tensor2d(win, [1, win.length], "int32"), undefined, true).dataSync() as Float32Array);
    ids.push(samplePiece(nextPieceDistribution(logits, 0.8), rng));
  }
  return tokenizer.decode(ids.slice(0, start)) + tokenizer.decode(ids.slice(start));
}

function evaluate(): Evaluation {
  const { tf } = engine!;
  const { trainer, config, held, seed } = run!;
  evaluatedAt = performance.now();
  return { step: trainer.step, loss: heldLoss(tf, config, trainer.weights, held), sample: sample(tf, config, trainer.weights, seed) };
}

/**
 * Random weights, except the output's bias: it starts at how often each piece occurs in the training
 * text (add-one), as the shipped model's did, so step 0 guesses as well as counting and every step
 * after goes to learning from context.
 */
function newTrainer(seed: number, counts: Float64Array) {
  const { tf } = engine!;
  const config: TransformerConfig = { ...engine!.shipped.config, context: TRAIN_CONTEXT };
  const start = initWeights(config, seed);
  start["output.bias"] = Float32Array.from(counts, Math.log);
  return { trainer: new Trainer(tf, config, start, { ...DEFAULT_TRAINING, ...TRAIN_SETTINGS, seed }), config };
}

/** The pieces to train on and to measure on. */
async function piecesFor(message: Extract<ToTrainer, { type: "start" }>): Promise<{ train: Int32Array; held: Int32Array }> {
  if (message.source === "text") return trainingSplit(Int32Array.from(tokenizer.encode(message.text)), TRAIN_CONTEXT);
  glossary ??= fetch(BASE + GLOSSARY_PIECES_FILE).then(async (response) => {
    if (!response.ok) throw new Error(`The glossary's text did not load (HTTP ${response.status}).`);
    const { train, held } = decodeGlossaryPieces(await response.arrayBuffer());
    return { train: Int32Array.from(train), held: Int32Array.from(held) };
  });
  // A failed load is tried again on the next start.
  return glossary.catch((error: unknown) => {
    glossary = null;
    throw error;
  });
}

function oneStep() {
  const t0 = performance.now();
  const loss = run!.trainer.trainStep(run!.train);
  post({ type: "step", step: run!.trainer.step, loss, ms: performance.now() - t0, numTensors: numTensors() });
  if (performance.now() - evaluatedAt >= EVALUATE_MS) post({ type: "evaluation", evaluation: evaluate(), numTensors: numTensors() });
}

async function loop() {
  if (looping) return;
  looping = true;
  try {
    while (playing && run) {
      oneStep();
      await yieldToMessages(); // a Pause gets in here
    }
  } finally {
    looping = false;
  }
}

async function handle(message: ToTrainer) {
  switch (message.type) {
    case "start": {
      const [{ tf, backend, shipped }, { train, held }] = await Promise.all([loadEngine(), piecesFor(message)]);
      run?.trainer.dispose();
      const counts = unigramModel(train, tokenizer.size);
      run = { ...newTrainer(message.seed, counts), train, held, counts, seed: message.seed };
      const unigram = unigramLoss(counts, held);
      const shippedLoss = heldLoss(tf, shipped.config, shipped.weights, held);
      post({ type: "ready", backend, trainPieces: train.length, heldPieces: held.length, unigramLoss: unigram, shippedLoss, start: evaluate() });
      return;
    }
    case "play":
      playing = true;
      return loop();
    case "pause":
      playing = false;
      if (run) post({ type: "evaluation", evaluation: evaluate(), numTensors: numTensors() });
      post({ type: "paused", step: run?.trainer.step ?? 0 });
      return;
    case "step":
      if (!run || playing) return;
      oneStep();
      post({ type: "evaluation", evaluation: evaluate(), numTensors: numTensors() });
      return;
    case "reset":
      playing = false;
      while (looping) await yieldToMessages();
      if (!run) return;
      run.trainer.dispose();
      run = { ...run, ...newTrainer(message.seed, run.counts), seed: message.seed };
      post({ type: "evaluation", evaluation: evaluate(), numTensors: numTensors() });
      post({ type: "paused", step: 0 });
      return;
  }
}

const post: Post<FromTrainer> = serveWorker<ToTrainer, FromTrainer>((message) => handle(message));

self.addEventListener("unhandledrejection", (event) => post({ type: "error", message: errorText(event.reason) }));
