import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadGlossary } from "@/lib/content/load";
import { buildIndex, fuzziness, loadIndex, searchEntries } from "@/lib/search";
import { SEARCH_CASES } from "../support/search-cases";

// The real glossary: the same entries the build serialises into /search-index.json.
const { entries } = loadGlossary();
const index = buildIndex(entries);
const top = (query: string) => searchEntries(index, query, 1)[0]?.slug;

describe("search over the shipped glossary", () => {
  // What a reader types → the entry that must come first. Typos, aliases, abbreviations and
  // words found only in a definition.
  const cases = SEARCH_CASES;

  it.each(cases)("%s → %s first", (query, slug) => {
    expect(top(query)).toBe(slug);
  });

  it("finds every entry first by its own title", () => {
    const misses = entries.filter((e) => top(e.title) !== e.slug).map((e) => `${e.title} → ${top(e.title)}`);
    expect(misses).toEqual([]);
  });

  it("finds every entry first by each of its aliases", () => {
    const misses = entries.flatMap((e) => e.aliases.filter((alias) => top(alias) !== e.slug).map((alias) => `${alias} → ${top(alias)}, not ${e.slug}`));
    expect(misses).toEqual([]);
  });

  it("finds nothing for an empty query, a lone stop word or nonsense", () => {
    expect(searchEntries(index, "")).toEqual([]);
    expect(searchEntries(index, "   ")).toEqual([]);
    expect(searchEntries(index, "the")).toEqual([]);
    expect(searchEntries(index, "xqzvw")).toEqual([]);
  });

  it("does not stretch short words into others: gan is not gpu", () => {
    expect(fuzziness("gan")).toBe(false);
    expect(searchEntries(index, "gan").map((h) => h.slug)).not.toContain("gpu");
  });

  it("returns title and definition, best first, at most `limit`", () => {
    const hits = searchEntries(index, "learning", 4);
    expect(hits).toHaveLength(4);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    const gpu = searchEntries(index, "gpu")[0];
    expect(gpu).toMatchObject({ slug: "gpu", title: "GPU", definition: entries.find((e) => e.slug === "gpu")!.definition });
  });

  it("gives the same results from the serialised index the browser loads", () => {
    const revived = loadIndex(JSON.stringify(index));
    const slugs = (i: typeof index, query: string) => searchEntries(i, query).map((h) => h.slug);
    for (const [query] of cases) expect(slugs(revived, query), query).toEqual(slugs(index, query));
  });

  it("keeps the index within 60 KB gzipped", () => {
    expect(entries.length).toBeGreaterThanOrEqual(45);
    const gzipped = gzipSync(JSON.stringify(index), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(60 * 1024);
  });
});
