import { linkedSlugs } from "./mentions";
import type { Entry } from "./schema";
import { termsOf } from "./terms.mjs";

export type LinkGraph = {
  /** Entries each entry points to: prose links (written or added for first mentions) and related terms. */
  outgoing: Map<string, string[]>;
  /** Entries whose prose mentions each entry, for "Mentioned in". */
  mentionedIn: Map<string, string[]>;
  /** How foundational an entry is: the length of its category path (Intelligence = 1, … ML = 3). */
  level: Map<string, number>;
};

export function linkGraph(entries: Entry[]): LinkGraph {
  const terms = termsOf(entries);
  const prose = new Map(entries.map((e) => [e.slug, linkedSlugs(e.body, e.slug, terms)]));
  const outgoing = new Map(entries.map((e) => [e.slug, [...new Set([...prose.get(e.slug)!, ...e.related.map((r) => r.slug)])]]));
  const mentionedIn = new Map<string, string[]>(entries.map((e) => [e.slug, []]));
  for (const e of entries) for (const target of prose.get(e.slug)!) mentionedIn.get(target)?.push(e.slug);
  const level = new Map(entries.map((e) => [e.slug, e.category.length]));
  return { outgoing, mentionedIn, level };
}

/** The graph as plain JSON, as `.generated/link-graph.json` holds it. */
export type LinkGraphJson = { [K in keyof LinkGraph]: Record<string, LinkGraph[K] extends Map<string, infer V> ? V : never> };

export function linkGraphToJson(graph: LinkGraph): LinkGraphJson {
  return { outgoing: Object.fromEntries(graph.outgoing), mentionedIn: Object.fromEntries(graph.mentionedIn), level: Object.fromEntries(graph.level) };
}

export function linkGraphFromJson(json: LinkGraphJson): LinkGraph {
  return { outgoing: new Map(Object.entries(json.outgoing)), mentionedIn: new Map(Object.entries(json.mentionedIn)), level: new Map(Object.entries(json.level)) };
}

/**
 * "Read these first": the more foundational entries this one builds on (what it links to, at a
 * shallower level), with their own prerequisites before them, most basic first.
 */
export function readingPath(slug: string, graph: LinkGraph, limit = 4): string[] {
  const own = graph.level.get(slug) ?? 0;
  const seen = new Set<string>([slug]);
  const path: string[] = [];
  const visit = (s: string, depth: number) => {
    if (depth > 2) return;
    const level = graph.level.get(s) ?? 0;
    const before = (graph.outgoing.get(s) ?? []).filter((t) => (graph.level.get(t) ?? 0) < level && !seen.has(t));
    before.sort((a, b) => (graph.level.get(a)! - graph.level.get(b)!) || (graph.mentionedIn.get(b)!.length - graph.mentionedIn.get(a)!.length));
    for (const t of before.slice(0, 2)) {
      seen.add(t);
      visit(t, depth + 1);
      path.push(t);
    }
  };
  visit(slug, 0);
  return path.filter((s) => (graph.level.get(s) ?? 0) < own).slice(-limit);
}

/** The home page's route through the foundations: most basic first, then the most mentioned. */
export function foundationsRoute(entries: Entry[], graph: LinkGraph, maxLevel = 3, length = 8): string[] {
  return entries
    .filter((e) => (graph.level.get(e.slug) ?? 99) <= maxLevel)
    .sort((a, b) => graph.level.get(a.slug)! - graph.level.get(b.slug)! || graph.mentionedIn.get(b.slug)!.length - graph.mentionedIn.get(a.slug)!.length)
    .slice(0, length)
    .map((e) => e.slug);
}
