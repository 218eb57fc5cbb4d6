import type { Category, Entry } from "@/lib/content/schema";
import { categoryPath, entryPath } from "@/lib/site";
import { absoluteUrl } from "./urls";

export type JsonLd = { [key: string]: unknown };
export type Crumb = { name: string; url: string };

/** The glossary as a schema.org DefinedTermSet: the set every entry's DefinedTerm belongs to. */
export function glossaryTermSet(siteUrl: string, siteName: string): JsonLd {
  const url = absoluteUrl(siteUrl, "/glossary");
  return { "@type": "DefinedTermSet", "@id": url, name: `${siteName} glossary`, url };
}

/**
 * The trail an entry page shows (Glossary / category / …) followed by the entry itself, which the
 * page shows as its heading: search engines expect the list to end at the page it describes.
 */
export function entryCrumbs(siteUrl: string, entry: Pick<Entry, "slug" | "title">, trail: Pick<Category, "slug" | "label">[]): Crumb[] {
  return [
    { name: "Glossary", url: absoluteUrl(siteUrl, "/glossary") },
    ...trail.map((c) => ({ name: c.label, url: absoluteUrl(siteUrl, categoryPath(c.slug)) })),
    { name: entry.title, url: absoluteUrl(siteUrl, entryPath(entry.slug)) },
  ];
}

/** An entry page's structured data: its DefinedTerm (inside the glossary's DefinedTermSet) and its BreadcrumbList. */
export function entryJsonLd(options: {
  entry: Pick<Entry, "slug" | "title" | "definition" | "aliases">;
  trail: Pick<Category, "slug" | "label">[];
  siteUrl: string;
  siteName: string;
}): JsonLd {
  const { entry, trail, siteUrl, siteName } = options;
  const url = absoluteUrl(siteUrl, entryPath(entry.slug));
  const term: JsonLd = {
    "@type": "DefinedTerm",
    "@id": `${url}#term`,
    name: entry.title,
    description: entry.definition,
    url,
    termCode: entry.slug,
    ...(entry.aliases.length > 0 && { alternateName: entry.aliases }),
    inDefinedTermSet: glossaryTermSet(siteUrl, siteName),
  };
  const breadcrumb: JsonLd = {
    "@type": "BreadcrumbList",
    itemListElement: entryCrumbs(siteUrl, entry, trail).map((crumb, i) => ({ "@type": "ListItem", position: i + 1, name: crumb.name, item: crumb.url })),
  };
  return { "@context": "https://schema.org", "@graph": [term, breadcrumb] };
}

/**
 * JSON for a `<script type="application/ld+json">`: every `<` escaped as \u003c, so no value can
 * close the script element (`</script>`) or open a comment, and the JSON still parses to the same data.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
