import Link from "next/link";

/** The compare pages that set this entry beside the terms readers mix it up with. */
export function CompareLinks({ comparisons }: { comparisons: { slug: string; title: string }[] }) {
  if (comparisons.length === 0) return null;
  return (
    <section className="compare-links" aria-labelledby="compare-links-title">
      <h2 id="compare-links-title">Compare side by side</h2>
      <ul>
        {comparisons.map((c) => (
          <li key={c.slug}>
            <Link href={`/compare/${c.slug}`}>{c.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
