import Link from "next/link";
import type { Entry } from "@/lib/content/schema";
import { entryPath } from "@/lib/site";

/** Titles with their one-line definitions, as on the index and category pages. */
export function EntryList({ entries }: { entries: Pick<Entry, "slug" | "title" | "definition">[] }) {
  return (
    <ul className="entry-list">
      {entries.map((entry) => (
        <li key={entry.slug}>
          <Link href={entryPath(entry.slug)}>{entry.title}</Link>
          <p>{entry.definition}</p>
        </li>
      ))}
    </ul>
  );
}
