// Writes the site's search index for the build and the release to read (lib/search/server.ts), so
// no page and no server needs the glossary's source to search it. Runs in `prebuild`, after
// check-content has passed.
import fs from "node:fs";
import path from "node:path";
import { loadGlossary } from "../lib/content/load";
import { buildIndex, GENERATED_SEARCH_INDEX } from "../lib/search";

const started = performance.now();
const { entries } = loadGlossary({ editorialChecks: false });
const json = JSON.stringify(buildIndex(entries));
fs.mkdirSync(path.dirname(GENERATED_SEARCH_INDEX), { recursive: true });
fs.writeFileSync(GENERATED_SEARCH_INDEX, json);
console.log(`generate-search-index: ${entries.length} entries, ${(json.length / 1024).toFixed(0)} KiB → ${GENERATED_SEARCH_INDEX} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
