import type { Entry } from "./schema";

export type Term = { slug: string; names: string[] };

/**
 * The names under which an entry is mentioned in prose: its title (a parenthesis split off as a
 * second name, so "Parameters (Weights)" gives "Parameters" and "Weights") and its aliases.
 */
export function termsOf(entries: Pick<Entry, "slug" | "title" | "aliases">[]): Term[] {
  return entries.map((entry) => {
    const [main, inner] = entry.title.split(/\s*\(|\)/).filter(Boolean);
    const names = [main, inner, ...entry.aliases].filter((n): n is string => !!n && n.trim().length > 1).map((n) => n.trim());
    return { slug: entry.slug, names: [...new Set(names)] };
  });
}
