import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, -)");

/** YAML turns `2026-11-20` into a Date; authors may also quote it. Both become "YYYY-MM-DD". */
const isoDate = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
    const date = value instanceof Date ? value : new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || (typeof value === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(value))) {
      ctx.addIssue({ code: "custom", message: "must be a date written YYYY-MM-DD" });
      return z.NEVER;
    }
    return date.toISOString().slice(0, 10);
  });

export const sourceSchema = z.strictObject({
  /** What `<Cite id="…" />` names in the body: author-year style, e.g. srivastava-2014. */
  id: slug,
  authors: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().min(1),
  year: z.number().int().min(1800).max(2100),
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** When a living document (web page, vendor guide, model card) was read. */
  accessed: isoDate.optional(),
});

/** The fact-check record: when, by whom, and against which of the entry's sources. */
export const checkedSchema = z.strictObject({
  date: isoDate,
  reviewer: z.string().min(1),
  consulted: z.array(z.string().min(1)).min(1, "must name the ids of the sources the claims were checked against"),
});

export const relatedSchema = z.strictObject({
  slug,
  gloss: z.string().min(10).max(160),
});

export const frontMatterSchema = z.strictObject({
  title: z.string().min(1).max(80),
  definition: z.string().min(40, "is too short for a definition (40+ characters)").max(220, "must fit on one line (220 characters at most)"),
  category: z.array(slug).min(1, "needs at least one category"),
  aliases: z.array(z.string().min(1)).default([]),
  updated: isoDate,
  illustration: z.strictObject({
    src: z.string().regex(/^\/illustrations\/[a-z0-9-]+\.svg$/, "must be /illustrations/<name>.svg"),
    alt: z.string(),
  }),
  takeaways: z.array(z.string().min(10)).length(3, "must have exactly 3 bullets"),
  related: z.array(relatedSchema).min(3, "needs at least 3 related terms").max(6, "lists at most 6 related terms: keep the closest"),
  sources: z
    .array(sourceSchema)
    .min(2, "needs at least 2 sources")
    .superRefine((sources, ctx) => {
      const seen = new Set<string>();
      sources.forEach((source, i) => {
        if (seen.has(source.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `"${source.id}" is used by another source of this entry` });
        seen.add(source.id);
      });
    }),
  checked: checkedSchema,
}).superRefine((entry, ctx) => {
  const ids = new Set(entry.sources.map((s) => s.id));
  entry.checked.consulted.forEach((id, i) => {
    if (!ids.has(id)) ctx.addIssue({ code: "custom", path: ["checked", "consulted", i], message: `"${id}" is not the id of one of this entry's sources` });
  });
});

export const categorySchema = z.strictObject({
  slug,
  label: z.string().min(1),
  description: z.string().min(1),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Entry = FrontMatter & { slug: string; file: string; body: string };
