import "server-only";
import fs from "node:fs";
import path from "node:path";
import { buildIndex, GENERATED_SEARCH_INDEX, loadIndex, type SearchIndex } from "./index";

let cached: Promise<SearchIndex> | undefined;

/**
 * The site's index on the server, the same one /search-index.json serves. A build reads the file
 * `prebuild` generated (a restarted server answers its first search without reading a single entry);
 * `next dev` builds it from the entries, so a new entry is found without a restart.
 */
export function siteIndex(): Promise<SearchIndex> {
  if (process.env.NODE_ENV !== "production") return import("@/lib/content/load").then(({ glossary }) => buildIndex(glossary().entries));
  cached ??= fs.promises
    .readFile(path.join(/* turbopackIgnore: true */ process.cwd(), GENERATED_SEARCH_INDEX), "utf8")
    .then(loadIndex, (error: Error) => {
      cached = undefined;
      throw new Error(`${GENERATED_SEARCH_INDEX} is missing: \`npm run build\` generates it (prebuild). ${error.message}`);
    });
  return cached;
}
