// @ts-check
// The glossary's derived data, written by `prebuild` (scripts/generate-content-index.ts) for the
// build to read: the term list the glossary-links remark plugin links by and the link graph the pages
// draw "Read these first" and "Mentioned in" from. Plain JS so the remark plugin, which Turbopack
// loads by name, can read them too.
import fs from "node:fs";
import path from "node:path";

/** Relative to the app's directory, as GENERATED_SEARCH_INDEX (lib/search/index.ts). */
export const GENERATED_TERMS = ".generated/terms.json";
export const GENERATED_LINK_GRAPH = ".generated/link-graph.json";

/** @type {Map<string, { stamp: string, value: unknown }>} */
const cache = new Map();

/**
 * A generated JSON file, parsed once and read again only when it is rewritten (the same object
 * otherwise, so callers can build on it once per version).
 * @param {string} file one of the GENERATED_* paths
 * @param {string} [root] the app's directory
 * @returns {unknown}
 */
export function readGenerated(file, root = process.cwd()) {
  // Read where the build runs (prebuild wrote it there); never traced into the release.
  const full = path.join(/* turbopackIgnore: true */ root, file);
  let stat;
  try {
    stat = fs.statSync(/* turbopackIgnore: true */ full);
  } catch {
    throw new Error(`${file} is missing: \`npm run build\` writes it first (prebuild, scripts/generate-content-index.ts)`);
  }
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const hit = cache.get(full);
  if (hit?.stamp === stamp) return hit.value;
  const value = JSON.parse(fs.readFileSync(/* turbopackIgnore: true */ full, "utf8"));
  cache.set(full, { stamp, value });
  return value;
}
