import type { Counts } from "../model/stats";
import type { Token } from "../model/tokens";

/** Messages from the page to the tokenizer worker. */
export type ToWorker = { type: "encode"; seq: number; text: string; limit: number };

/** What the worker found for one text. */
export type Result = {
  seq: number;
  /** The first `limit` tokens, for drawing. */
  tokens: Token[];
  counts: Counts;
  /** Milliseconds the worker spent on this text. */
  ms: number;
};

/** Messages from the tokenizer worker to the page. */
export type FromWorker =
  | { type: "ready"; encoding: string; vocabularySize: number; ms: number }
  | ({ type: "result" } & Result)
  | { type: "error"; message: string };
