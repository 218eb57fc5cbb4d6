import Link from "next/link";
import { entryPath } from "@/lib/site";

/** Backlinks: the entries whose text links here, computed at build from the same link graph. */
export function MentionedIn({ entries }: { entries: { slug: string; title: string }[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="mentioned-in" aria-labelledby="mentioned-in-title">
      <h2 id="mentioned-in-title">Mentioned in</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.slug}>
            <Link href={entryPath(e.slug)}>{e.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
