import { describe, expect, it } from "vitest";
import { loadGlossary } from "@/lib/content/load";
import { linkedSlugs } from "@/lib/content/mentions";
import { termsOf } from "@/lib/content/terms.mjs";

// The real glossary: what the site ships must load, and every promise of the foundation holds.
describe("the shipped glossary", () => {
  const { entries, bySlug } = loadGlossary();

  it("has Deep Learning and every term it relates to", () => {
    const deep = bySlug.get("deep-learning");
    expect(deep?.related.map((r) => r.slug)).toEqual(["machine-learning", "neural-network", "large-language-model", "artificial-intelligence", "gpu"]);
    for (const r of deep!.related) expect(bySlug.has(r.slug)).toBe(true);
  });

  it("gives every entry the full structure in its body", () => {
    for (const entry of entries) {
      const headings = [...entry.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(headings[0], entry.slug).toMatch(/^What (is|are) /);
      expect(headings.slice(1), entry.slug).toEqual(["A real-world analogy", "Why it matters", "How it works", "Common examples", "Key takeaway"]);
      expect(entry.body, entry.slug).toMatch(/<Analogy>[\s\S]+<\/Analogy>/);
      expect(entry.body, entry.slug).toMatch(/<Steps>\s+1\. [\s\S]+<\/Steps>/);
      expect(entry.body, entry.slug).toMatch(/<KeyTakeaway>[\s\S]+<\/KeyTakeaway>/);
    }
  });

  it("makes every entry reachable from at least two others, through prose links or related terms", () => {
    const terms = termsOf(entries);
    const links = new Map(entries.map((e) => [e.slug, linkedSlugs(e.body, e.slug, terms)]));
    for (const entry of entries) {
      const linkers = entries.filter((other) => other !== entry && (links.get(other.slug)!.includes(entry.slug) || other.related.some((r) => r.slug === entry.slug)));
      expect(linkers.length, entry.slug).toBeGreaterThanOrEqual(2);
    }
  });

  it("has the 45 entries the glossary promises", () => {
    expect(entries.length).toBeGreaterThanOrEqual(45);
  });
});
