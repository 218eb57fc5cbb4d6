// The committed model in public/widgets/tiny-transformer: it loads, its held-out loss is the one
// the training script recorded, and it beats the baselines. CI never retrains; this is the check.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bigramLoss, unigramLoss, unigramModel } from "./baselines";
import { readCorpus } from "./corpus";
import { HELD_OUT_SNAPSHOT, PUBLIC_DIR, type HeldOutSnapshot, type Manifest } from "./manifest";
import { loadTinyTransformer, type TinyTransformer } from "./model";
import { encodeDocuments, type VocabJson } from "./tokenizer";
import { parameterCount, streamLoss } from "./transformer";

const root = path.resolve(__dirname, "../../../..");
const dir = path.join(root, PUBLIC_DIR);
const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
const vocab = JSON.parse(fs.readFileSync(path.join(dir, "vocab.json"), "utf8")) as VocabJson;
const bin = new Uint8Array(fs.readFileSync(path.join(dir, "weights.bin")));
const snapshot = JSON.parse(fs.readFileSync(path.join(root, HELD_OUT_SNAPSHOT), "utf8")) as HeldOutSnapshot;

/** How far the loss measured here may stray from the manifest's figure (nats per piece). */
const TOLERANCE = 0.005;
/** The margin the model must beat the bigram baseline by (nats per piece). */
export const BIGRAM_MARGIN = 0.15;

let model: TinyTransformer;
let heldOutLoss = NaN;
beforeAll(async () => {
  await tf.setBackend("cpu");
  model = loadTinyTransformer(tf, manifest, bin, vocab);
  const heldOut = encodeDocuments(model.tokenizer, snapshot.documents.map((d) => d.text));
  expect(heldOut.length).toBe(manifest.corpus.heldOutPieces);
  const { nats, count } = streamLoss(tf, manifest.config, model.weights, heldOut);
  heldOutLoss = nats / count;
}, 300_000); // about 15 s on a quiet machine, a minute on a busy one
afterAll(() => model.dispose());

describe("the shipped tiny transformer", () => {
  it("is the size the manifest says, within the issue's bounds", () => {
    expect(bin.length).toBe(manifest.weights.bytes);
    expect(manifest.parameters).toBe(parameterCount(manifest.config));
    expect(manifest.parameters).toBeGreaterThanOrEqual(100_000);
    expect(manifest.parameters).toBeLessThanOrEqual(500_000);
    expect(vocab.pieces.length).toBe(manifest.config.vocabSize);
    expect(vocab.pieces.length).toBeLessThanOrEqual(1024);
    const gz = zlib.gzipSync(bin, { level: 9 }).length + zlib.gzipSync(JSON.stringify(vocab), { level: 9 }).length;
    expect(gz).toBeLessThanOrEqual(250 * 1024);
  });

  it("was measured on held-out entries it never trained on", () => {
    expect(snapshot.documents.map((d) => d.id)).toEqual(manifest.corpus.heldOut);
    const trained = new Set(manifest.corpus.train);
    expect(trained.size).toBe(manifest.corpus.trainDocuments);
    for (const id of manifest.corpus.heldOut) expect(trained.has(id), id).toBe(false);
  });

  it("has the held-out loss the manifest records", () => {
    expect(Math.abs(heldOutLoss - manifest.evaluation.heldOutLoss)).toBeLessThan(TOLERANCE);
  });

  it("beats the unigram baseline by more than a nat per piece", () => {
    expect(heldOutLoss).toBeLessThan(manifest.evaluation.unigramLoss - 1);
  });

  it("beats the bigram baseline by a clear margin", () => {
    expect(heldOutLoss).toBeLessThan(manifest.evaluation.bigramLoss - BIGRAM_MARGIN);
  });

  it("records baselines that this code reproduces from the training text", { timeout: 120_000 }, () => {
    // Entries added since training shift the every-10th split: train on everything today except
    // the documents the model was measured on, so no held-out text leaks into the baselines.
    const { train, heldOut: heldOutToday } = readCorpus(root);
    const measured = new Set(snapshot.documents.map((d) => d.id));
    const tokenizer = model.tokenizer;
    const trainStream = encodeDocuments(tokenizer, [...train, ...heldOutToday].filter((d) => !measured.has(d.id)).map((d) => d.text));
    const heldOut = encodeDocuments(tokenizer, snapshot.documents.map((d) => d.text));
    // The training text has grown since; the baselines move a little, not a lot. More text only
    // helps the bigram, so the model must also still beat today's bigram by the same margin.
    expect(unigramLoss(unigramModel(trainStream, tokenizer.size), heldOut)).toBeCloseTo(manifest.evaluation.unigramLoss, 1);
    const bigramToday = bigramLoss(trainStream, heldOut, tokenizer.size);
    expect(Math.abs(bigramToday - manifest.evaluation.bigramLoss)).toBeLessThan(0.15);
    expect(heldOutLoss).toBeLessThan(bigramToday - BIGRAM_MARGIN);
  });
});
