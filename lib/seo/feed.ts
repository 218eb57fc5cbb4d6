import { Feed } from "feed";
import type { Category, Entry } from "@/lib/content/schema";
import { entryPath } from "@/lib/site";
import { absoluteUrl } from "./urls";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Entries, most recently updated first; ties in title order so the feed is the same on every build. */
export function byUpdatedDesc<T extends Pick<Entry, "updated" | "title">>(entries: T[]): T[] {
  return [...entries].sort((a, b) => b.updated.localeCompare(a.updated) || a.title.localeCompare(b.title, "en"));
}

/**
 * RSS 2.0 of new and updated entries. An item's guid carries the `updated` date, so a reader
 * shows an entry again when it is revised; its link is the entry's page.
 */
export function glossaryFeed(options: {
  siteUrl: string;
  siteName: string;
  entries: Pick<Entry, "slug" | "title" | "definition" | "category" | "updated">[];
  categories: Pick<Category, "slug" | "label">[];
}): string {
  const { siteUrl, siteName, entries, categories } = options;
  const glossaryUrl = absoluteUrl(siteUrl, "/glossary");
  const labels = new Map(categories.map((c) => [c.slug, c.label]));
  const ordered = byUpdatedDesc(entries);
  const feed = new Feed({
    title: `${siteName} glossary`,
    description: "New and updated entries in the LumoMate glossary of AI and machine learning, each with its one-line definition.",
    id: glossaryUrl,
    link: glossaryUrl,
    language: "en",
    copyright: siteName,
    // The newest entry's date, not the build's clock: the same content gives the same feed.
    ...(ordered[0] && { updated: day(ordered[0].updated) }),
    feedLinks: { rss: absoluteUrl(siteUrl, "/glossary/feed.xml") },
  });
  for (const entry of ordered) {
    const url = absoluteUrl(siteUrl, entryPath(entry.slug));
    feed.addItem({
      title: entry.title,
      id: `${url}#updated-${entry.updated}`,
      link: url,
      description: entry.definition,
      date: day(entry.updated),
      category: entry.category.map((slug) => ({ name: labels.get(slug) ?? slug })),
    });
  }
  return feed.rss2();
}
