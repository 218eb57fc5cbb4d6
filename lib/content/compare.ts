import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ContentError, ContentErrors, fromZodError } from "./errors";
import type { Glossary } from "./load";

const side = z.union([
  z.strictObject({ entry: z.string() }),
  z.strictObject({
    title: z.string().min(1),
    definition: z.string().min(40).max(220),
    // The entry (or entries) a side sends readers to; each of them lists the page in turn.
    see: z.union([z.string(), z.array(z.string()).min(1).max(3).refine((a) => new Set(a).size === a.length, "name each entry once")]).optional(),
  }),
]);

const comparisonSchema = z
  .strictObject({
    title: z.string().min(5),
    description: z.string().min(40).max(200),
    intro: z.string().min(40),
    sides: z.array(side).min(2).max(3),
    rows: z.array(z.strictObject({ aspect: z.string().min(2), values: z.array(z.string().min(1)) })).min(4),
    verdict: z.string().min(20),
  })
  .refine((c) => c.rows.every((r) => r.values.length === c.sides.length), { message: "every row needs one value per side", path: ["rows"] });

export type ComparisonSide = { title: string; definition: string; slug?: string; see?: string[]; takeaways: string[] };
export type Comparison = Omit<z.infer<typeof comparisonSchema>, "sides"> & { slug: string; sides: ComparisonSide[] };

/**
 * Pages for terms readers confuse. Each side is pulled from its entry's structured fields (title,
 * definition, takeaways) or, for a thing with no entry of its own, written out in the YAML.
 */
export function loadComparisons(glossary: Glossary): Comparison[] {
  const dir = path.join(process.cwd(), "content", "compare");
  if (!fs.existsSync(dir)) return [];
  const problems: ContentError[] = [];
  const comparisons: Comparison[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
    const file = path.join("content", "compare", name);
    const parsed = comparisonSchema.safeParse(parseYaml(fs.readFileSync(path.join(dir, name), "utf8")));
    if (!parsed.success) {
      problems.push(...fromZodError(file, parsed.error));
      continue;
    }
    const sides: ComparisonSide[] = [];
    parsed.data.sides.forEach((s, i) => {
      if ("entry" in s) {
        const entry = glossary.bySlug.get(s.entry);
        if (!entry) problems.push(new ContentError(file, `sides[${i}].entry`, `"${s.entry}" has no entry in content/glossary/`));
        else sides.push({ title: entry.title, definition: entry.definition, slug: entry.slug, takeaways: entry.takeaways });
      } else {
        const see = s.see === undefined ? undefined : typeof s.see === "string" ? [s.see] : s.see;
        for (const slug of see ?? [])
          if (!glossary.bySlug.has(slug)) problems.push(new ContentError(file, `sides[${i}].see`, `"${slug}" has no entry in content/glossary/`));
        sides.push({ title: s.title, definition: s.definition, see, takeaways: [] });
      }
    });
    comparisons.push({ ...parsed.data, slug: path.basename(name, ".yaml"), sides });
  }
  if (problems.length > 0) throw new ContentErrors(problems);
  return comparisons.sort((a, b) => a.title.localeCompare(b.title, "en"));
}

/**
 * The comparisons an entry takes part in: as one of the sides, or as the entry a side sends readers
 * to ("Read more"), so an entry that explains two sides at once (precision and recall) links its page too.
 * A side may send readers to up to three entries (bias: the bias–variance tradeoff and underfitting), and each lists the page.
 */
export function comparisonsFor(slug: string, comparisons: Comparison[]): Comparison[] {
  return comparisons.filter((c) => c.sides.some((s) => s.slug === slug || (s.see?.includes(slug) ?? false)));
}
