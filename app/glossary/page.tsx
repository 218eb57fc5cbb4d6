import type { Metadata } from "next";
import Link from "next/link";
import { CategoryList } from "@/components/entry/CategoryList";
import { EntryList } from "@/components/entry/EntryList";
import { LinkPreviews } from "@/components/entry/LinkPreviews";
import { groupByInitial } from "@/lib/content/derive";
import { glossary } from "@/lib/content/load";

export const metadata: Metadata = {
  title: "Glossary",
  description: "Every term in the LumoMate glossary, A to Z and by category.",
  alternates: { canonical: "/glossary" },
};

export default function GlossaryIndex() {
  const { entries, categories } = glossary();
  const groups = groupByInitial(entries);
  return (
    <div className="page page--wide">
      <header className="page__header">
        <p className="eyebrow">Glossary</p>
        <h1>Every term, A to Z</h1>
        <p className="dek">
          {entries.length} entries, each readable in about five minutes. Start anywhere; every page links onward. Mixing two up?{" "}
          <Link href="/compare">Compare them side by side</Link>.
        </p>
      </header>
      <nav aria-label="Letters" className="letter-bar">
        <ul>
          {groups.map(([letter]) => (
            <li key={letter}>
              <a href={`#letter-${letter}`}>{letter}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="index-columns">
        <section aria-labelledby="az-title" className="az-index">
          <h2 id="az-title" className="visually-hidden">
            A to Z
          </h2>
          {groups.map(([letter, items]) => (
            <section key={letter} aria-labelledby={`letter-${letter}`} className="letter-group">
              <h3 id={`letter-${letter}`} className="letter-group__letter">
                {letter}
              </h3>
              <EntryList entries={items} titlesOnly />
            </section>
          ))}
        </section>
        <section aria-labelledby="by-category" className="by-category">
          <h2 id="by-category">By category</h2>
          <p className="by-category__lead">Each category's page lists its entries with their one-line definitions.</p>
          <CategoryList categories={categories} entries={entries} />
        </section>
      </div>
      <LinkPreviews scope=".az-index" />
    </div>
  );
}
