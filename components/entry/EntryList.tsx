import { escapeHtml } from "@/lib/html";
import type { Entry } from "@/lib/content/schema";
import { entryPath } from "@/lib/site";

/**
 * Titles with their one-line definitions, as on the index, category and search pages: static
 * markup, handed to React as one string. A list like the A–Z page (169 entries and growing) is words
 * and plain links that never change in the browser, yet as React elements every reader's browser
 * would parse them again from the page's RSC payload and hydrate each one: Lighthouse's blocking
 * time on /glossary went past budget that way, first with a next/link per entry, then with plain
 * links at 169 entries. As a string, the payload is smaller and hydration skips the list.
 */
export function EntryList({ entries }: { entries: Pick<Entry, "slug" | "title" | "definition">[] }) {
  const html = entries.map((e) => `<li><a href="${escapeHtml(entryPath(e.slug))}">${escapeHtml(e.title)}</a><p>${escapeHtml(e.definition)}</p></li>`).join("");
  return <ul className="entry-list" dangerouslySetInnerHTML={{ __html: html }} />;
}
