import type { MetadataRoute } from "next";
import { loadComparisons } from "@/lib/content/compare";
import { glossary } from "@/lib/content/load";
import { letters } from "@/lib/letters/load";
import { sitemapItems } from "@/lib/seo/sitemap";
import { site } from "@/lib/site";

export default function sitemap(): MetadataRoute.Sitemap {
  const { entries, categories } = glossary();
  return sitemapItems({ siteUrl: site.url, entries, categories, letters: letters(), comparisons: loadComparisons(glossary()) });
}
