import { glossary } from "@/lib/content/load";
import { glossaryFeed } from "@/lib/seo/feed";
import { site } from "@/lib/site";

export const dynamic = "force-static";

export function GET(): Response {
  const { entries, categories } = glossary();
  const rss = glossaryFeed({ siteUrl: site.url, siteName: site.name, entries, categories });
  return new Response(rss, { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
