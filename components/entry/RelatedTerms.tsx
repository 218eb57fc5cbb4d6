import Link from "next/link";
import { entryPath } from "@/lib/site";

type Related = { slug: string; title: string; gloss: string };

export function RelatedTerms({ terms }: { terms: Related[] }) {
  return (
    <section className="related" aria-labelledby="related-title">
      <h2 id="related-title">Related terms</h2>
      <ul className="card-grid">
        {terms.map((term) => (
          <li key={term.slug} className="card">
            <Link href={entryPath(term.slug)} className="card__link">
              <span className="card__title">{term.title}</span>
            </Link>
            <p className="card__gloss">{term.gloss}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
