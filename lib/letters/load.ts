import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ContentErrors, fromZodError, type ContentError } from "../content/errors";

const letterSchema = z.strictObject({
  subject: z.string().min(5).max(120),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
    .refine((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 1, "must be a Monday (letters go out on Mondays)"),
  preheader: z.string().min(10).max(140),
});

export type Letter = z.infer<typeof letterSchema> & { slug: string; file: string; body: string };

/** Letters in content/letters/<slug>.mdx, newest first. Bad front matter names the file and field. */
export function loadLetters(): Letter[] {
  const dir = path.join(process.cwd(), "content", "letters");
  if (!fs.existsSync(dir)) return [];
  const problems: ContentError[] = [];
  const letters: Letter[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".mdx"))) {
    const file = path.join("content", "letters", name);
    const source = fs.readFileSync(path.join(dir, name), "utf8");
    const { data, content } = matter(source, { engines: { yaml: (text) => parseYaml(text) as object } });
    const parsed = letterSchema.safeParse(data);
    if (!parsed.success) problems.push(...fromZodError(file, parsed.error));
    else letters.push({ ...parsed.data, slug: path.basename(name, ".mdx"), file, body: content });
  }
  if (problems.length > 0) throw new ContentErrors(problems);
  return letters.sort((a, b) => b.date.localeCompare(a.date));
}

let cached: Letter[] | undefined;
export function letters(): Letter[] {
  cached ??= loadLetters();
  return cached;
}
