import type { Entry } from "@/lib/content/schema";
import { entryPath } from "@/lib/site";

/**
 * Titles with their one-line definitions, as on the index and category pages. Plain links, not
 * next/link: a reader opens one or two of a list this long, each a prerendered page the proxy serves
 * from disk, while a client component per link (145 on the A–Z page, twice) is work for every
 * reader's hydration; Lighthouse's blocking time on /glossary rose past budget at 145 entries.
 */
export function EntryList({ entries }: { entries: Pick<Entry, "slug" | "title" | "definition">[] }) {
  return (
    <ul className="entry-list">
      {entries.map((entry) => (
        <li key={entry.slug}>
          <a href={entryPath(entry.slug)}>{entry.title}</a>
          <p>{entry.definition}</p>
        </li>
      ))}
    </ul>
  );
}
