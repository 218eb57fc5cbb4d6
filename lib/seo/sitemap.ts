import type { MetadataRoute } from "next";
import type { Category, Entry } from "@/lib/content/schema";
import { membersOf } from "@/lib/content/derive";
import { categoryPath, entryPath } from "@/lib/site";
import { absoluteUrl } from "./urls";

type SitemapInput = {
  siteUrl: string;
  entries: Pick<Entry, "slug" | "updated" | "category">[];
  categories: Pick<Category, "slug">[];
  letters: { slug: string; date: string }[];
  comparisons?: { slug: string }[];
};

const latest = (dates: string[]): string | undefined => (dates.length > 0 ? [...dates].sort().at(-1) : undefined);

/**
 * Every page a search engine should know: home, the glossary, its categories and entries (dated by
 * `updated`), the newsletter page, and the letters. Pages reached only from an e-mail are left out.
 */
export function sitemapItems({ siteUrl, entries, categories, letters, comparisons = [] }: SitemapInput): MetadataRoute.Sitemap {
  const url = (path: string) => absoluteUrl(siteUrl, path);
  const newestEntry = latest(entries.map((e) => e.updated));
  const dated = (path: string, lastModified: string | undefined) => ({ url: url(path), ...(lastModified && { lastModified }) });
  return [
    dated("/", newestEntry),
    dated("/glossary", newestEntry),
    // A category page lists every entry on its path, so it changes when any of them does.
    ...categories.map((c) => dated(categoryPath(c.slug), latest(membersOf(entries, c.slug).map((e) => e.updated)))),
    ...entries.map((e) => dated(entryPath(e.slug), e.updated)),
    ...(comparisons.length > 0 ? [{ url: url("/compare") }, ...comparisons.map((c) => ({ url: url(`/compare/${c.slug}`) }))] : []),
    { url: url("/newsletter") },
    dated("/letters", latest(letters.map((l) => l.date))),
    ...letters.map((l) => dated(`/letters/${l.slug}`, l.date)),
  ];
}
