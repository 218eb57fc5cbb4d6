import type { Entry } from "@/lib/content/schema";
import { entryPath } from "@/lib/site";
import { absoluteUrl } from "./urls";

export type GlossaryJson = {
  name: string;
  url: string;
  terms: {
    slug: string;
    title: string;
    url: string;
    definition: string;
    aliases: string[];
    category: string[];
    related: { slug: string; url: string }[];
    updated: string;
  }[];
};

/** The whole glossary for machines: every term with its definition, names, links and date. */
export function glossaryJson(options: {
  siteUrl: string;
  siteName: string;
  entries: Pick<Entry, "slug" | "title" | "definition" | "aliases" | "category" | "related" | "updated">[];
}): GlossaryJson {
  const { siteUrl, siteName, entries } = options;
  const url = (slug: string) => absoluteUrl(siteUrl, entryPath(slug));
  return {
    name: `${siteName} glossary`,
    url: absoluteUrl(siteUrl, "/glossary"),
    terms: entries.map((e) => ({
      slug: e.slug,
      title: e.title,
      url: url(e.slug),
      definition: e.definition,
      aliases: e.aliases,
      category: e.category,
      related: e.related.map((r) => ({ slug: r.slug, url: url(r.slug) })),
      updated: e.updated,
    })),
  };
}
