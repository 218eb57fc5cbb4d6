import { loadGlossary } from "../lib/content/load";

/** Every page a reader can land on, from the same content the site is built from. */
export const glossary = loadGlossary();
export const entrySlugs = glossary.entries.map((e) => e.slug);
export const pages = [
  "/",
  "/glossary",
  ...glossary.categories.map((c) => `/glossary/category/${c.slug}`),
  ...entrySlugs.map((s) => `/glossary/${s}`),
  "/compare",
  "/newsletter",
  "/letters",
];
export const NOT_FOUND_PAGE = "/glossary/no-such-term";

/** The MDX components that set prose; every other component an entry uses is a widget. */
const PROSE_COMPONENTS = new Set(["Analogy", "Cite", "ContrastNote", "Figure", "KeyTakeaway", "MorePrecisely", "NotATerm", "Steps", "Table"]);

/**
 * What an entry's page is built from beyond plain paragraphs: its MDX components, tables and
 * formulas, and each widget in each mode it is set to (`Tokenizer preset=long`: a prop whose value
 * is one word picks a mode; numbers and free text such as a prompt only fill it).
 */
export function partsOf(body: string): Set<string> {
  const parts = new Set([...body.matchAll(/<([A-Z][A-Za-z]*)/g)].map((m) => m[1]));
  for (const [, name, props] of body.matchAll(/<([A-Z][A-Za-z]*)\b([^>]*?)\/>/g)) {
    if (PROSE_COMPONENTS.has(name)) continue;
    for (const [, prop, value] of props.matchAll(/(\w+)="([a-z][a-z-]*)"/g)) parts.add(`${name} ${prop}=${value}`);
  }
  if (/^\|.*\|\s*$/m.test(body)) parts.add("table");
  if (body.includes("$$")) parts.add("display math");
  else if (/\$[^$\n]+\$/.test(body)) parts.add("inline math");
  return parts;
}

/**
 * A few entries that between them use every part any entry uses (the first, by slug, to use each
 * part not yet covered), which includes every widget in each of its modes. Entries are one template
 * filled with words (each widget's own spec runs it on every entry that embeds it), so
 * checks that cost seconds a page (axe, running every widget) run on these; checks of what the words
 * themselves could break run on every page (every-page.spec.ts).
 */
export const coveringEntries = (() => {
  const covered = new Set<string>();
  const chosen = new Set<string>();
  for (const entry of [...glossary.entries].sort((a, b) => a.slug.localeCompare(b.slug))) {
    const fresh = [...partsOf(entry.body)].filter((part) => !covered.has(part));
    if (fresh.length === 0) continue;
    fresh.forEach((part) => covered.add(part));
    chosen.add(`/glossary/${entry.slug}`);
  }
  return [...chosen];
})();

/** Every page that is not an entry, plus the covering entries. */
export const samplePages = [...pages.filter((p) => !p.startsWith("/glossary/") || p.startsWith("/glossary/category/")), ...coveringEntries];

/**
 * The entries a widget's axe check visits in a colour scheme: all of them in light, the first in
 * dark. Dark mode changes colours, not structure, and the widget's colours are the same on every
 * entry (as accessibility.spec.ts checks dark mode on a sample of pages).
 */
export function entriesInScheme<T>(colorScheme: "light" | "dark", entries: readonly T[]): readonly T[] {
  return colorScheme === "dark" ? entries.slice(0, 1) : entries;
}
