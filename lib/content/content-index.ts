import fs from "node:fs";
import path from "node:path";
import { buildIndex, GENERATED_SEARCH_INDEX } from "../search";
import { GENERATED_LINK_GRAPH, GENERATED_TERMS } from "./generated.mjs";
import { linkGraphToJson } from "./graph";
import { loadGlossary, type LoadOptions } from "./load";
import { termsOf } from "./terms.mjs";

/**
 * Writes what the build and the release read instead of the glossary's source: the term list the
 * remark plugin links by, the link graph the pages draw from and the search index. Each file is
 * written whole and then renamed, so a reader never sees half of one. Throws (writing nothing) when
 * an entry has a problem.
 */
export function writeContentIndex(options: LoadOptions & { root?: string } = {}): { entries: number; bytes: number } {
  const root = options.root ?? process.cwd();
  const { entries, graph } = loadGlossary({ ...options, editorialChecks: false });
  const files: [string, string][] = [
    [GENERATED_TERMS, JSON.stringify(termsOf(entries))],
    [GENERATED_LINK_GRAPH, JSON.stringify(linkGraphToJson(graph))],
    [GENERATED_SEARCH_INDEX, JSON.stringify(buildIndex(entries))],
  ];
  for (const [file, json] of files) {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(`${full}.tmp`, json);
    fs.renameSync(`${full}.tmp`, full);
  }
  return { entries: entries.length, bytes: files.reduce((sum, [, json]) => sum + json.length, 0) };
}
