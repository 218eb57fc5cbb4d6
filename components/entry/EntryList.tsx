import { escapeHtml } from "@/lib/html";
import type { Entry } from "@/lib/content/schema";
import { entryPath } from "@/lib/site";

type Listed = Pick<Entry, "slug" | "title" | "definition">;

/**
 * Entries as a list of links, each with its one-line definition (category, search and home pages)
 * or as titles alone (`titlesOnly`, the A–Z index, where a definition shows on hover or focus).
 * Static markup, handed to React as one string: the words and plain links never change in the
 * browser, and as React elements every reader's browser would parse them again from the page's RSC
 * payload and hydrate each one. As a string the payload is smaller and hydration skips the list.
 */
export function EntryList({ entries, titlesOnly = false }: { entries: Listed[]; titlesOnly?: boolean }) {
  const item = (e: Listed) => `<li><a href="${escapeHtml(entryPath(e.slug))}">${escapeHtml(e.title)}</a>${titlesOnly ? "" : `<p>${escapeHtml(e.definition)}</p>`}</li>`;
  return <ul className={titlesOnly ? "entry-list entry-list--titles" : "entry-list"} dangerouslySetInnerHTML={{ __html: entries.map(item).join("") }} />;
}
