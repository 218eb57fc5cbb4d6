import Link from "next/link";
import type { Entry } from "@/lib/content/schema";
import { entryPath } from "@/lib/site";

/**
 * Titles with their one-line definitions, as on the index and category pages. A list this long is
 * not prefetched: a reader opens one or two of its entries, and 80+ prefetches on a phone cost more
 * than the one fetch a click makes (served from the proxy's cache).
 */
export function EntryList({ entries }: { entries: Pick<Entry, "slug" | "title" | "definition">[] }) {
  return (
    <ul className="entry-list">
      {entries.map((entry) => (
        <li key={entry.slug}>
          <Link href={entryPath(entry.slug)} prefetch={false}>
            {entry.title}
          </Link>
          <p>{entry.definition}</p>
        </li>
      ))}
    </ul>
  );
}
