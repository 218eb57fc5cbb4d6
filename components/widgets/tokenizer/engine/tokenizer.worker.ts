/// <reference lib="webworker" />
// Tokenizes off the main thread: the vocabulary (≈ 100,000 entries) is parsed and indexed here, and
// a long paste is encoded here, so typing never waits for either.
import { serveWorker, yieldToMessages, type Post } from "../../shared/serveWorker";
import { cl100k } from "../model/codec";
import { countAll } from "../model/stats";
import { tokenize } from "../model/tokens";
import type { FromWorker, ToWorker } from "./protocol";

const started = performance.now();

// Only the newest text matters: requests that queued up while one was being encoded are skipped.
let latest: ToWorker | null = null;
let scheduled = false;

function work() {
  scheduled = false;
  const request = latest;
  latest = null;
  if (!request) return;
  const t0 = performance.now();
  const { tokens, count } = tokenize(request.text, cl100k, request.limit);
  const counts = countAll(request.text, count);
  post({ type: "result", seq: request.seq, tokens, counts, ms: performance.now() - t0 });
}

const post: Post<FromWorker> = serveWorker<ToWorker, FromWorker>((message) => {
  if (message.type !== "encode") return;
  latest = message;
  if (scheduled) return;
  scheduled = true;
  return yieldToMessages().then(work);
});

// Encode once so the first real request does not pay for warming up the encoder.
cl100k.encode("warm up");
post({ type: "ready", encoding: cl100k.name, vocabularySize: cl100k.vocabularySize, ms: performance.now() - started });
