// @ts-check
// The names under which each entry is mentioned in prose. Plain JS so the glossary-links remark
// plugin (loaded by name by Turbopack), the content scripts and the TypeScript loader share one
// definition. A build links by the list prebuild generated from these (lib/content/generated.mjs).
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";

/** @typedef {{ slug: string, names: string[] }} Term */

/**
 * An entry's title (a parenthesis split off as a second name, so "Parameters (Weights)" gives
 * "Parameters" and "Weights") and its aliases.
 * @param {{ slug: string, title: string, aliases: string[] }[]} entries
 * @returns {Term[]}
 */
export function termsOf(entries) {
  return entries.map((entry) => {
    const [main, inner] = entry.title.split(/\s*\(|\)/).filter(Boolean);
    const names = [main, inner, ...entry.aliases].filter((n) => !!n && n.trim().length > 1).map((n) => n.trim());
    return { slug: entry.slug, names: [...new Set(names)] };
  });
}

/**
 * Changes whenever an entry in `glossaryDir` is added, removed or edited: its files' names and times.
 * @param {string} glossaryDir
 * @returns {{ files: string[], key: string }}
 */
export function glossarySignature(glossaryDir) {
  const files = fs.readdirSync(glossaryDir).filter((name) => name.endsWith(".mdx")).sort();
  return { files, key: files.map((name) => `${name}:${fs.statSync(path.join(glossaryDir, name)).mtimeMs}`).join("|") };
}

/** @type {{ key: string, terms: Term[] } | undefined} */
let cache;

/**
 * The terms of every entry in `glossaryDir`, from their front matter alone (validation is the
 * loader's job, and the build runs it first). Read again whenever a file is added, removed or
 * changed, so `next dev` links a new entry without a restart; otherwise from memory.
 * @param {string} glossaryDir
 * @returns {Term[]}
 */
export function readTerms(glossaryDir) {
  const { files, key } = glossarySignature(glossaryDir);
  if (cache?.key === key) return cache.terms;
  const entries = files.map((name) => {
    const data = matter(fs.readFileSync(path.join(glossaryDir, name), "utf8")).data;
    return { slug: name.replace(/\.mdx$/, ""), title: String(data.title ?? ""), aliases: Array.isArray(data.aliases) ? data.aliases.map(String) : [] };
  });
  cache = { key, terms: termsOf(entries) };
  return cache.terms;
}
