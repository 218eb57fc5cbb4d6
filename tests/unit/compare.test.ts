import { describe, expect, it } from "vitest";
import { comparisonsFor, loadComparisons, type Comparison } from "@/lib/content/compare";
import { loadGlossary } from "@/lib/content/load";
import { splitSentences, wordCount } from "@/lib/content/sentences";

// The compare pages the site ships: they load against the real glossary, hold to the house rule
// on sentence length, and each entry they set side by side links back to them.
describe("the shipped compare pages", () => {
  const glossary = loadGlossary();
  const comparisons = loadComparisons(glossary);
  const bySlug = new Map(comparisons.map((c) => [c.slug, c]));

  it("load, each with two or three sides and one value per side in every row", () => {
    expect(comparisons.length).toBeGreaterThanOrEqual(9);
    for (const c of comparisons) {
      expect(c.sides.length, c.slug).toBeGreaterThanOrEqual(2);
      expect(c.sides.length, c.slug).toBeLessThanOrEqual(3);
      for (const row of c.rows) expect(row.values, `${c.slug}: ${row.aspect}`).toHaveLength(c.sides.length);
    }
    expect(bySlug.get("supervised-vs-unsupervised-vs-reinforcement-learning")!.sides.map((s) => s.slug)).toEqual([
      "supervised-learning",
      "unsupervised-learning",
      "reinforcement-learning",
    ]);
  });

  it("keep every sentence to 30 words or fewer", () => {
    const texts = (c: Comparison) => [
      c.description,
      c.intro,
      c.verdict,
      ...c.sides.filter((s) => !s.slug).map((s) => s.definition),
      ...c.rows.flatMap((r) => r.values),
    ];
    const long = comparisons.flatMap((c) =>
      texts(c)
        .flatMap(splitSentences)
        .filter((s) => wordCount(s) > 30)
        .map((s) => `${c.slug}: ${s}`),
    );
    expect(long).toEqual([]);
  });

  it("are found from every entry they compare, including an entry that explains both sides", () => {
    const titles = (slug: string) => comparisonsFor(slug, comparisons).map((c) => c.slug);
    expect(titles("precision-and-recall")).toEqual(["precision-vs-recall"]);
    expect(titles("fine-tuning").sort()).toEqual(["fine-tuning-vs-rag", "lora-vs-full-fine-tuning", "prompt-engineering-vs-fine-tuning-vs-rag"]);
    expect(titles("gpu")).toEqual(["gpu-vs-cpu"]);
    // A side can send readers to two entries: the one that explains both sides, and its own failure.
    for (const slug of ["bias-variance-tradeoff", "underfitting", "overfitting"]) expect(titles(slug), slug).toEqual(["bias-vs-variance"]);
    for (const c of comparisons)
      for (const side of c.sides) for (const slug of [side.slug, ...(side.see ?? [])].filter(Boolean) as string[]) expect(titles(slug), slug).toContain(c.slug);
  });
});
