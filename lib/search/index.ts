import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import type { Entry } from "@/lib/content/schema";

/** What the index knows of an entry: enough to rank it and to show it as a result. */
export type SearchDocument = Pick<Entry, "slug" | "title" | "definition" | "aliases">;
export type SearchHit = { slug: string; title: string; definition: string; score: number };
export type SearchIndex = MiniSearch<SearchDocument>;

/** Words too common to help: dropped from the index and from queries alike. */
const STOP_WORDS = new Set(["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "them", "to", "with"]);

/** Lower case, accents folded ("régularisation" finds "regularisation"), stop words out. */
function processTerm(term: string): string | null {
  const folded = term.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return folded.length === 0 || STOP_WORDS.has(folded) ? null : folded;
}

/**
 * Typo tolerance by word length: none for 1–3 letters ("gan" must not find "gpu"), one edit up to
 * five letters ("tokn" → "token"), then 20% of the word but at least two edits, because MiniSearch
 * counts two swapped letters ("nueral") as two edits.
 */
export function fuzziness(term: string): number | false {
  if (term.length <= 3) return false;
  if (term.length <= 5) return 1;
  return Math.max(2, Math.round(term.length * 0.2));
}

/** The one set of search options: the build-time index, the dialog and the /search page all use it. */
export const searchOptions: SearchOptions = {
  boost: { title: 3, aliases: 2, definition: 1 },
  fuzzy: fuzziness,
  // A typo match weighs less than a word spelled right: MiniSearch's default is 0.45, at which a
  // one-word title one letter off ("clip") outscored a definition that has the word ("chip").
  weights: { fuzzy: 0.3, prefix: 0.375 },
  prefix: true,
  combineWith: "OR",
};

export const indexOptions: Options<SearchDocument> = {
  idField: "slug",
  fields: ["title", "aliases", "definition"],
  storeFields: ["title", "definition", "aliases"],
  // Aliases are a list: indexed as words, stored as the list.
  stringifyField: (value: unknown) => (Array.isArray(value) ? value.join(" · ") : String(value)),
  processTerm,
  searchOptions,
};

/**
 * Where `prebuild` writes the site's index (scripts/generate-content-index.ts), relative to the app's
 * directory: the release reads it there and needs no glossary source at run time.
 */
export const GENERATED_SEARCH_INDEX = ".generated/search-index.json";

/** Builds the index from glossary entries (at build time for /search-index.json, or on the server). */
export function buildIndex(entries: readonly SearchDocument[]): SearchIndex {
  const index = new MiniSearch<SearchDocument>(indexOptions);
  index.addAll(entries.map(({ slug, title, definition, aliases }) => ({ slug, title, definition, aliases })));
  return index;
}

/** Revives an index serialised with `JSON.stringify(index)`, with the same options it was built with. */
export function loadIndex(json: string): SearchIndex {
  return MiniSearch.loadJSON<SearchDocument>(json, indexOptions);
}

const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];
const nameWords = new Map<string, string[]>();
/** A name's words as the index sees them; names are few, so each is split once. */
function wordsOf(name: string): string[] {
  let words = nameWords.get(name);
  if (!words) {
    words = tokenize(name).map(processTerm).filter((w): w is string => w !== null);
    nameWords.set(name, words);
  }
  return words;
}

/**
 * How much of one of the entry's names (its title or an alias) the query covers, 0 to 1.
 * "neural network" covers all of Neural Network but two thirds of Convolutional Neural Network,
 * which BM25 alone ranks higher because its aliases say "neural" three times.
 */
function nameCoverage(names: string[], matched: Set<string>): number {
  let best = 0;
  for (const name of names) {
    const words = wordsOf(name);
    if (words.length === 0) continue;
    best = Math.max(best, words.filter((w) => matched.has(w)).length / words.length);
  }
  return best;
}

/** Whether the query is, word for word, one of these names ("RL" is an alias of one entry, a prefix of another's). */
function isOneOf(names: string[], queryWords: string[]): boolean {
  return names.some((name) => {
    const words = wordsOf(name);
    return words.length === queryWords.length && words.every((w, i) => w === queryWords[i]);
  });
}

/** Whether `word` is `term` with a plural ending: "networks" of "network", "boxes" of "box". */
function isPluralOf(word: string, term: string): boolean {
  return word === `${term}s` || word === `${term}es`;
}

/** The best matches for what the reader typed, best first; an empty query finds nothing. */
export function searchEntries(index: SearchIndex, query: string, limit = Infinity): SearchHit[] {
  if (query.trim() === "") return [];
  const queryWords = tokenize(query).map(processTerm).filter((w): w is string => w !== null);
  const results = index.search(query);
  // A typo match counts towards naming an entry only when the word typed is found nowhere as
  // spelled: "tokn" names Token, but "chip", a word of the GPU entry, does not name CLIP. A plural
  // counts as its singular spelled right: "neural networks" names Neural Network, though
  // "networks" is a word of other entries.
  const spelled = (term: string, word: string) => term.startsWith(word) || isPluralOf(word, term);
  const unmatched = queryWords.some((word) => !results.some((r) => r.terms.some((term) => spelled(term, word))));
  return results
    .map((result) => {
      const title = result.title as string;
      const names = [title, ...(result.aliases as string[])];
      const named = unmatched ? result.terms : result.terms.filter((term) => queryWords.some((word) => spelled(term, word)));
      const coverage = nameCoverage(names, new Set(named));
      const rank = isOneOf(names, queryWords) ? 2 : coverage === 1 ? 1 : 0;
      return { slug: result.id as string, title, definition: result.definition as string, score: result.score * (1 + coverage) ** 2, rank };
    })
    // The entry the query names exactly comes first; then one whose name the query covers in full
    // ("AI"), before entries that only share a word with it ("AI Agent"), however often their names
    // repeat that word.
    .sort((a, b) => b.rank - a.rank || b.score - a.score || a.title.localeCompare(b.title, "en"))
    .map(({ rank: _rank, ...hit }) => hit)
    .slice(0, limit);
}
