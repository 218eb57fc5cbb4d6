import Link from "next/link";
import { CategoryList } from "@/components/entry/CategoryList";
import { foundationsRoute } from "@/lib/content/graph";
import { glossary } from "@/lib/content/load";
import { entryPath } from "@/lib/site";

const FEATURED = "deep-learning";

export default function Home() {
  const { entries, categories, bySlug, graph } = glossary();
  const route = foundationsRoute(entries, graph).map((slug) => bySlug.get(slug)!);
  const featured = bySlug.get(FEATURED);
  return (
    <div className="page page--wide home">
      <section className="home__intro">
        <p className="eyebrow">An interactive glossary</p>
        <h1>AI, explained one idea at a time</h1>
        <p className="dek">
          LumoMate explains artificial intelligence and machine learning for curious people with no maths background.
          Each entry is short, written in plain words, and leaves you with one picture to keep.
        </p>
        <p>
          <Link href="/glossary" className="button">
            Browse the glossary
          </Link>
        </p>
      </section>
      {featured && (
        <section className="home__featured" aria-labelledby="featured-title">
          <p className="eyebrow">Featured</p>
          <h2 id="featured-title">
            <Link href={entryPath(featured.slug)}>{featured.title}</Link>
          </h2>
          <p>{featured.definition}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- our own SVG art: next/image has nothing to optimise, and width/height reserve the space */}
          <img src={featured.illustration.src} alt="" width={800} height={400} />
        </section>
      )}
      <section className="start-route" aria-labelledby="route-title">
        <p className="eyebrow">Start here</p>
        <h2 id="route-title">A route through the foundations</h2>
        <p>New to all this? Read these in order. Each takes about five minutes and builds on the one before.</p>
        <ol>
          {route.map((e) => (
            <li key={e.slug}>
              <Link href={entryPath(e.slug)}>{e.title}</Link>
              <p>{e.definition}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="categories-title" className="home__categories">
        <h2 id="categories-title">Explore by category</h2>
        <CategoryList categories={categories} entries={entries} />
        <p className="home__all">
          <Link href="/glossary">All {entries.length} entries, A to Z</Link>
        </p>
      </section>
    </div>
  );
}
