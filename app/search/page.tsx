import type { Metadata } from "next";
import Link from "next/link";
import { EntryList } from "@/components/entry/EntryList";
import { searchEntries } from "@/lib/search";
import { siteIndex } from "@/lib/search/server";
import "@/components/search/search.css";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

const queryOf = async (searchParams: Props["searchParams"]) => {
  const { q } = await searchParams;
  return (Array.isArray(q) ? q[0] : q)?.trim().slice(0, 200) ?? "";
};

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = await queryOf(searchParams);
  return {
    title: query ? `Search: ${query}` : "Search",
    description: "Search the LumoMate glossary by term, abbreviation or any word in a definition.",
    // Results pages are for readers, not for search engines.
    robots: { index: false, follow: true },
  };
}

/** Server-rendered search: the same index and ranking as the dialog, and no JavaScript needed. */
export default async function SearchPage({ searchParams }: Props) {
  const query = await queryOf(searchParams);
  const hits = query ? searchEntries(await siteIndex(), query) : [];
  return (
    <div className="page search-page">
      <header className="page__header">
        <p className="eyebrow">Search</p>
        <h1>{query ? <>Results for “{query}”</> : "Search the glossary"}</h1>
      </header>
      <form role="search" action="/search" method="get" className="search-form">
        <label htmlFor="search-page-q" className="search-form__label">
          Search the glossary
        </label>
        <div className="search-form__row">
          <input
            id="search-page-q"
            className="search-form__input"
            type="search"
            name="q"
            defaultValue={query}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
          />
          <button type="submit" className="button search-form__submit">
            Search
          </button>
        </div>
        <p className="search-form__hint">Titles, abbreviations such as LLM, and any word in a definition. Small typos are fine.</p>
      </form>
      {query && (
        <section aria-labelledby="search-count" className="search-page__results">
          <h2 id="search-count" className="search-page__count">
            {hits.length === 0 ? `No results for “${query}”` : `${hits.length} ${hits.length === 1 ? "result" : "results"}`}
          </h2>
          {hits.length > 0 ? (
            <EntryList entries={hits} />
          ) : (
            <p>
              Try fewer letters or another spelling, or <Link href="/glossary">browse every term A to Z</Link>.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
