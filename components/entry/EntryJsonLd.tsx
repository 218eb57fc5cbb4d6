import type { Category, Entry } from "@/lib/content/schema";
import { entryJsonLd, serializeJsonLd } from "@/lib/seo/jsonld";
import { site } from "@/lib/site";

/** schema.org data for an entry page: its DefinedTerm in the glossary's DefinedTermSet, and its breadcrumb. */
export function EntryJsonLd({ entry, trail }: { entry: Entry; trail: Category[] }) {
  const data = entryJsonLd({ entry, trail, siteUrl: site.url, siteName: site.name });
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
