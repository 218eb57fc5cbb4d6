/// <reference lib="webworker" />
// Runs the shipped model off the page's thread: loads TF.js and the weights once, then answers
// each "inspect" with every head's attention, the next-piece logits and one head's step-through.
// Only the newest request matters: ones that queued behind a look in progress are skipped.
// It runs on the WASM backend, falling back to the CPU backend where WebAssembly cannot start: a
// whole look (every head, the logits, one step-through) is 5–9× faster there, and generation 7×
// (bench/tiny-transformer.mts prints both), for one 134 KiB gzipped binary that "Train it
// yourself" fetches anyway.
import { errorText } from "../../shared/errorText";
import { serveWorker, yieldToMessages, type Post } from "../../shared/serveWorker";
import { loadTensorFlow } from "../../shared/tf";
import type { Manifest } from "../model/manifest";
import { loadTinyTransformer, type TinyTransformer } from "../model/model";
import { headSize } from "../model/transformer";
import vocabJson from "@/public/widgets/tiny-transformer/vocab.json";
import type { VocabJson } from "../model/tokenizer";
import type { FromWorker, HeadStep, ToWorker } from "./protocol";

const BASE = "/widgets/tiny-transformer/";
const started = performance.now();

let latest: ToWorker | null = null;
let scheduled = false;
let numTensors = () => 0;

const fetchOk = async (file: string) => {
  const response = await fetch(BASE + file);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response;
};

const post: Post<FromWorker> = serveWorker<ToWorker, FromWorker>((message) => {
  if (message.type !== "inspect") return;
  latest = message;
  if (scheduled) return;
  scheduled = true;
  return Promise.all([loading, yieldToMessages()]).then(([model]) => work(model));
});

const loading = (async () => {
  const vocab = vocabJson as VocabJson;
  const [{ tf, backend }, manifest, weights] = await Promise.all([
    loadTensorFlow("wasm"),
    fetchOk("manifest.json").then((r) => r.json() as Promise<Manifest>),
    fetchOk("weights.bin").then((r) => r.arrayBuffer()),
  ]);
  const model = loadTinyTransformer(tf, manifest, new Uint8Array(weights), vocab);
  numTensors = () => tf.memory().numTensors;
  model.inspect([model.tokenizer.endId]); // warm up the kernels once
  const { config } = manifest;
  post({ type: "ready", context: config.context, layers: config.layers, heads: config.heads, headSize: headSize(config), parameters: manifest.parameters, backend, ms: performance.now() - started });
  return model;
})();
// Said at once, not only when the first look is asked for.
loading.catch((error: unknown) => post({ type: "error", message: errorText(error) }));

const join = (rows: Float32Array[], width: number) => {
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => out.set(row, i * width));
  return out;
};

function work(model: TinyTransformer) {
  scheduled = false;
  const request = latest;
  latest = null;
  if (!request || request.ids.length === 0) return;
  const t0 = performance.now();
  const win = model.window(request.ids);
  const T = win.length;
  const position = request.position === null ? T - 1 : Math.min(T - 1, Math.max(0, request.position));
  const look = model.inspect(win, position);
  const logits = Float32Array.from(look.nextLogits);
  const { layers, heads } = model.config;
  const attention = new Float32Array(layers * heads * T * T);
  for (let l = 0; l < layers; l++) for (let h = 0; h < heads; h++) attention.set(look.attention[l][h], (l * heads + h) * T * T);
  const view = look.heads[request.layer][request.head];
  const d = view.query.length;
  const step: HeadStep = { query: view.query, keys: join(view.keys, d), values: join(view.values, d), scores: view.scores, weights: view.weights, mixed: view.mixed };
  post(
    { type: "result", seq: request.seq, ids: win, dropped: request.ids.length - T, attention, logits, position, layer: request.layer, head: request.head, step, ms: performance.now() - t0, numTensors: numTensors() },
    [attention.buffer, logits.buffer],
  );
}

