import type { Entry } from "./schema";

const WORDS_PER_MINUTE = 220;

export function readingMinutes(entry: Pick<Entry, "body" | "definition" | "takeaways">): number {
  // Formulas ($…$, $$…$$) are read as one word; tags (<Cite id="…" />, <MorePrecisely>) as none.
  const prose = entry.body.replace(/\$\$[\s\S]*?\$\$|(?<!\\)\$(?:[^$\\]|\\.)+\$/g, " formula ").replace(/<[^>]+>|[#*|`_[\]()-]/g, " ");
  const text = [entry.definition, ...entry.takeaways, prose].join(" ");
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** A–Z groups for the index: the first letter of each title, in alphabetical order. */
export function groupByInitial<T extends { title: string }>(items: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.title.localeCompare(b.title, "en"))) {
    const letter = item.title[0].toUpperCase();
    groups.set(letter, [...(groups.get(letter) ?? []), item]);
  }
  return [...groups.entries()];
}

/** The entries a category page lists: an entry belongs to every category on its breadcrumb path, so "AI" holds machine learning too. */
export function membersOf<T extends Pick<Entry, "category">>(entries: T[], categorySlug: string): T[] {
  return entries.filter((e) => e.category.includes(categorySlug));
}
