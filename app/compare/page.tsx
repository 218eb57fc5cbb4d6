import type { Metadata } from "next";
import Link from "next/link";
import { loadComparisons } from "@/lib/content/compare";
import { glossary } from "@/lib/content/load";

export const metadata: Metadata = {
  title: "Compare terms people mix up",
  description: "Side-by-side pages for the AI terms readers most often confuse.",
  alternates: { canonical: "/compare" },
};

export default function CompareIndex() {
  const comparisons = loadComparisons(glossary());
  return (
    <div className="page">
      <header className="page__header">
        <p className="eyebrow">Glossary</p>
        <h1>Terms people mix up</h1>
        <p className="dek">Side by side, in plain words: what each one is, and how to tell them apart.</p>
      </header>
      <ul className="entry-list">
        {comparisons.map((c) => (
          <li key={c.slug}>
            <Link href={`/compare/${c.slug}`}>{c.title}</Link>
            <p>{c.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
