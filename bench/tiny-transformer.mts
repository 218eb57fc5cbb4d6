// The tiny transformer's figures for issue 16, from the committed model, in Node on TF.js's CPU
// backend: payload size gzipped, generation speed, how many generated words are real words, the
// held-out loss against the unigram and bigram baselines, and the time of one full look inside;
// then generation and the look again on the WASM backend the widget runs, as a ratio to the CPU's.
//
//   npm run bench:tiny-transformer
//   Env: PIECES (500), SEED (1), TEMPERATURE (0.8), TOP_K (0 = no cut), PROMPT ("the model").
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import { readCorpus } from "../components/widgets/tiny-transformer/model/corpus";
import { HELD_OUT_SNAPSHOT, PUBLIC_DIR, type HeldOutSnapshot, type Manifest } from "../components/widgets/tiny-transformer/model/manifest";
import { Generator, loadTinyTransformer } from "../components/widgets/tiny-transformer/model/model";
import { encodeDocuments, normalizeText, type VocabJson } from "../components/widgets/tiny-transformer/model/tokenizer";
import { batchMatMulGradConfig } from "@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad";
import { plainMatMulGradConfig, registerTransformerGradients } from "../components/widgets/tiny-transformer/model/gradients";
import { DEFAULT_TRAINING, Trainer } from "../components/widgets/tiny-transformer/model/trainer";
import { TRAIN_CONTEXT, TRAIN_SETTINGS } from "../components/widgets/tiny-transformer/model/training";
import { initWeights, streamLoss } from "../components/widgets/tiny-transformer/model/transformer";

const PIECES = Number(process.env.PIECES ?? 500);
const SEED = Number(process.env.SEED ?? 1);
const TEMPERATURE = Number(process.env.TEMPERATURE ?? 0.8);
const TOP_K = Number(process.env.TOP_K ?? 0);
const PROMPT = process.env.PROMPT ?? "the model";
export const WORD_SHARE_GOAL = 0.85;

const read = (file: string) => fs.readFileSync(path.join(PUBLIC_DIR, file));
const manifest = JSON.parse(read("manifest.json").toString("utf8")) as Manifest;
const vocabText = read("vocab.json");
const vocab = JSON.parse(vocabText.toString("utf8")) as VocabJson;
const bin = new Uint8Array(read("weights.bin"));
const gz = (data: Uint8Array) => zlib.gzipSync(data, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Words as a reader sees them: letters, with inner apostrophes ("model's"). */
const wordsOf = (text: string) => text.match(/\p{L}+(?:'\p{L}+)*/gu) ?? [];

await tf.setBackend("cpu");
await tf.ready();
const model = loadTinyTransformer(tf, manifest, bin, vocab);
const tokenizer = model.tokenizer;
console.log(`tiny transformer: ${JSON.stringify(manifest.config)}, ${manifest.parameters.toLocaleString("en")} parameters; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`);

// Payload: what the widget downloads (weights, vocabulary, manifest).
const payload = { weights: gz(bin), vocab: gz(vocabText), manifest: gz(read("manifest.json")) };
const total = payload.weights + payload.vocab + payload.manifest;
console.log(`payload: ${kb(total)} gzipped (weights ${kb(payload.weights)}, vocabulary ${kb(payload.vocab)}, manifest ${kb(payload.manifest)}); goal ≤ 250 KB`);

// Generation: one piece per step, the whole window recomputed each time (as the widget's "Generate").
const prompt = tokenizer.encode(PROMPT);
const generator = new Generator(model, prompt, { temperature: TEMPERATURE, topK: TOP_K, seed: SEED });
model.nextLogits(prompt); // warm-up
const started = performance.now();
for (let i = 0; i < PIECES; i++) generator.step();
const seconds = (performance.now() - started) / 1000;
console.log(`generation: ${(PIECES / seconds).toFixed(1)} pieces/s on the CPU backend (${PIECES} pieces in ${seconds.toFixed(1)} s); goal ≥ 30`);

// Real words: of the words the generated pieces form, the share found in the training text.
const generated = tokenizer.decode(generator.ids.slice(prompt.length));
const words = wordsOf(generated).slice(0, -1); // the last word may be cut off mid-word
const { train } = readCorpus();
const known = new Set(train.flatMap((d) => wordsOf(normalizeText(d.text))));
const real = words.filter((w) => known.has(w)).length;
const share = real / words.length;
console.log(`words: ${real} of ${words.length} generated words (${(100 * share).toFixed(1)}%) appear in the training text (seed ${SEED}, temperature ${TEMPERATURE}${TOP_K ? `, top-k ${TOP_K}` : ""}); goal ≥ ${100 * WORD_SHARE_GOAL}%`);
const unknown = [...new Set(words.filter((w) => !known.has(w)))];
console.log(`  not in the text: ${unknown.slice(0, 25).join(", ")}${unknown.length > 25 ? ", …" : ""}`);
console.log(`  sample: "${PROMPT}${generated.slice(0, 400).replace(/\n/g, " ¶ ")}…"`);

// Held-out loss, measured here on the snapshot of the held-out entries, against the baselines.
const snapshot = JSON.parse(fs.readFileSync(HELD_OUT_SNAPSHOT, "utf8")) as HeldOutSnapshot;
const heldOut = encodeDocuments(tokenizer, snapshot.documents.map((d) => d.text));
const { nats, count } = streamLoss(tf, manifest.config, model.weights, heldOut);
const e = manifest.evaluation;
console.log(
  `held-out loss: ${(nats / count).toFixed(3)} nats per piece (manifest ${e.heldOutLoss.toFixed(3)}; ${e.bitsPerCharacter.toFixed(2)} bits per character) against unigram ${e.unigramLoss.toFixed(3)} and bigram ${e.bigramLoss.toFixed(3)}: ${(e.bigramLoss - nats / count).toFixed(3)} below the bigram`,
);
console.log(`training: ${manifest.training.steps} steps in ${manifest.training.seconds} s on ${manifest.training.backend}${manifest.training.stoppedByTimeCap ? " (stopped by the time cap)" : ""}`);

// One look inside, as the widget does on a keystroke: a full window, every head's attention.
const window = Array.from({ length: manifest.config.context }, (_, i) => heldOut[i]);
model.inspect(window);
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  model.inspect(window);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`inspect (${manifest.config.context} pieces, all layers and heads): median ${times[10].toFixed(1)} ms, p95 ${times[18].toFixed(1)} ms in Node, unthrottled`);
model.dispose();

// The widget's own backend: the same generation and look on WASM, interleaved with the CPU's so
// that other work on the machine weighs on both alike.
const speed = { cpu: { pieces: 0, seconds: 0, looks: [] as number[] }, wasm: { pieces: 0, seconds: 0, looks: [] as number[] } };
for (let round = 0; round < 3; round++) {
  for (const backend of ["cpu", "wasm"] as const) {
    await tf.setBackend(backend);
    await tf.ready();
    const m = loadTinyTransformer(tf, manifest, bin, vocab);
    const g = new Generator(m, prompt, { temperature: TEMPERATURE, topK: TOP_K, seed: SEED });
    m.nextLogits(prompt);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) g.step();
    speed[backend].pieces += 100;
    speed[backend].seconds += (performance.now() - t0) / 1000;
    m.inspect(window);
    for (let i = 0; i < 10; i++) {
      const t1 = performance.now();
      m.inspect(window);
      speed[backend].looks.push(performance.now() - t1);
    }
    m.dispose();
  }
}
// The same middle-of-sorted rule as the CPU figure above (bench/harness.mjs's median has no types for .mts).
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (b: "cpu" | "wasm") => speed[b].pieces / speed[b].seconds;
console.log(`WASM backend (the widget's): generation ${rate("wasm").toFixed(1)} pieces/s (×${(rate("wasm") / rate("cpu")).toFixed(1)} the CPU backend's ${rate("cpu").toFixed(1)}); one look ${median(speed.wasm.looks).toFixed(1)} ms (CPU ${median(speed.cpu.looks).toFixed(1)} ms, ×${(median(speed.cpu.looks) / median(speed.wasm.looks)).toFixed(1)} faster); 3 interleaved rounds, load ${os.loadavg()[0].toFixed(1)}`);

// "Train it yourself", one step as the widget's worker takes it (WASM, its context and batch), with
// TF.js's own matMul gradient and with the untransposed products it now registers, interleaved.
{
  await tf.setBackend("wasm");
  await tf.ready();
  registerTransformerGradients(tf);
  const stream = encodeDocuments(tokenizer, train.slice(0, 20).map((d) => d.text));
  const config = { ...manifest.config, context: TRAIN_CONTEXT };
  const settings = { ...DEFAULT_TRAINING, ...TRAIN_SETTINGS, seed: 16 };
  const steps = { stock: [] as number[], plain: [] as number[] };
  for (let round = 0; round < 3; round++) {
    for (const gradient of ["stock", "plain"] as const) {
      tf.registerGradient(gradient === "stock" ? batchMatMulGradConfig : plainMatMulGradConfig(tf));
      const trainer = new Trainer(tf, config, initWeights(config, 16), settings);
      trainer.trainStep(stream);
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        trainer.trainStep(stream);
        steps[gradient].push(performance.now() - t0);
      }
      trainer.dispose();
    }
  }
  console.log(`Train it yourself, one step on WASM (batch ${settings.batchSize} × ${TRAIN_CONTEXT} pieces): ${median(steps.plain).toFixed(0)} ms with untransposed products, ${median(steps.stock).toFixed(0)} ms with TF.js's own matMul gradient (×${(median(steps.stock) / median(steps.plain)).toFixed(1)}); load ${os.loadavg()[0].toFixed(1)}`);
}
