import "server-only";
import { glossary } from "@/lib/content/load";
import { buildIndex, type SearchIndex } from "./index";

let cached: SearchIndex | undefined;

/** The site's index on the server, built once per process from the same entries as /search-index.json. */
export function siteIndex(): SearchIndex {
  cached ??= buildIndex(glossary().entries);
  return cached;
}
