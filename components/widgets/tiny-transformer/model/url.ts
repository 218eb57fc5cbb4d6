// The widget's state in the page address, so a reader can share what they see: the prompt, the head
// shown large, the piece picked, temperature and top-k. Keys start with "tt-"; the rest is kept.
import { normalize, type Initial } from "./props";

export type UrlState = Initial & { /** The piece picked, from 0; null follows the last piece. */ piece: number | null };

const KEY = { prompt: "tt-prompt", layer: "tt-layer", head: "tt-head", temperature: "tt-t", topK: "tt-k", piece: "tt-piece" } as const;

const numberOf = (value: string | null) => (value === null || value.trim() === "" ? undefined : Number(value));

/** The state a query asks for, on top of the entry's own first state `base`. */
export function stateFromQuery(query: URLSearchParams, base: Initial): UrlState {
  const state = normalize({
    prompt: query.get(KEY.prompt) ?? base.prompt,
    layer: numberOf(query.get(KEY.layer)) ?? base.layer + 1,
    head: numberOf(query.get(KEY.head)) ?? base.head + 1,
    temperature: numberOf(query.get(KEY.temperature)) ?? base.temperature,
    topK: numberOf(query.get(KEY.topK)) ?? base.topK,
  });
  const piece = numberOf(query.get(KEY.piece));
  return { ...state, piece: piece !== undefined && Number.isInteger(piece) && piece >= 1 ? piece - 1 : null };
}

/** The current address with the widget's keys set to `state` (only where it differs from `base`). */
export function withState(href: string, state: UrlState, base: Initial): string {
  const url = new URL(href);
  for (const key of Object.values(KEY)) url.searchParams.delete(key);
  if (state.prompt !== base.prompt) url.searchParams.set(KEY.prompt, state.prompt);
  if (state.layer !== base.layer) url.searchParams.set(KEY.layer, String(state.layer + 1));
  if (state.head !== base.head) url.searchParams.set(KEY.head, String(state.head + 1));
  if (state.temperature !== base.temperature) url.searchParams.set(KEY.temperature, String(state.temperature));
  if (state.topK !== base.topK) url.searchParams.set(KEY.topK, String(state.topK));
  if (state.piece !== null) url.searchParams.set(KEY.piece, String(state.piece + 1));
  return url.pathname + url.search + url.hash;
}
