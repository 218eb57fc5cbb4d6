import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ContentError, ContentErrors, fromZodError } from "./errors";
import { linkGraph, type LinkGraph } from "./graph";
import { categorySchema, frontMatterSchema, type Category, type Entry } from "./schema";

export type Glossary = {
  entries: Entry[];
  graph: LinkGraph;
  categories: Category[];
  bySlug: Map<string, Entry>;
  categoryBySlug: Map<string, Category>;
};

export type LoadOptions = {
  /** Folder holding `glossary/*.mdx` and `categories.yaml`. */
  contentDir?: string;
  /** Folder that serves `/illustrations/…`; checked so an entry never points at a missing picture. */
  publicDir?: string;
};

const INTERNAL_GLOSSARY_LINK = /\]\(\/glossary\/([a-z0-9-]+)(?:[#?][^)]*)?\)|href="\/glossary\/([a-z0-9-]+)"/g;

/** Files are named as the author sees them: `content/glossary/x.mdx`, whatever the working folder. */
const displayPath = (contentDir: string, file: string) => path.join(path.basename(contentDir), path.relative(contentDir, file));

function loadCategories(contentDir: string): Category[] {
  const file = path.join(contentDir, "categories.yaml");
  const rel = displayPath(contentDir, file);
  const parsed = z.array(categorySchema).safeParse(parseYaml(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new ContentErrors(fromZodError(rel, parsed.error));
  return parsed.data;
}

function parseEntry(contentDir: string, file: string, problems: ContentError[]): Entry | undefined {
  const rel = displayPath(contentDir, file);
  let data: unknown;
  let body: string;
  try {
    ({ data, content: body } = matter(fs.readFileSync(file, "utf8"), { engines: { yaml: (text) => parseYaml(text) as object } }));
  } catch (error) {
    problems.push(new ContentError(rel, "(front matter)", `is not valid YAML: ${(error as Error).message.split("\n")[0]}`));
    return undefined;
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    problems.push(...fromZodError(rel, parsed.error));
    return undefined;
  }
  return { ...parsed.data, slug: path.basename(file, ".mdx"), file: rel, body };
}

/** Checks that need every entry at once: links, related terms and categories that must exist. */
function crossCheck(entries: Entry[], slugs: Set<string>, categories: Category[], publicDir: string, problems: ContentError[]) {
  const categorySlugs = new Set(categories.map((c) => c.slug));
  for (const entry of entries) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry.slug)) {
      problems.push(new ContentError(entry.file, "(file name)", "must be the kebab-case slug of the title"));
    }
    entry.related.forEach((rel, i) => {
      if (rel.slug === entry.slug) problems.push(new ContentError(entry.file, `related[${i}].slug`, "points at the entry itself"));
      else if (!slugs.has(rel.slug)) problems.push(new ContentError(entry.file, `related[${i}].slug`, `"${rel.slug}" has no entry in content/glossary/`));
    });
    entry.category.forEach((cat, i) => {
      if (!categorySlugs.has(cat)) problems.push(new ContentError(entry.file, `category[${i}]`, `"${cat}" is not in content/categories.yaml`));
    });
    for (const match of entry.body.matchAll(INTERNAL_GLOSSARY_LINK)) {
      const target = match[1] ?? match[2];
      if (target !== "category" && !slugs.has(target)) {
        problems.push(new ContentError(entry.file, "body", `links to /glossary/${target}, which has no entry`));
      }
    }
    if (!fs.existsSync(path.join(publicDir, entry.illustration.src))) {
      problems.push(new ContentError(entry.file, "illustration.src", `${entry.illustration.src} is not in public/`));
    }
  }
}

export function loadGlossary(options: LoadOptions = {}): Glossary {
  const contentDir = options.contentDir ?? path.join(process.cwd(), "content");
  const publicDir = options.publicDir ?? path.join(process.cwd(), "public");
  const categories = loadCategories(contentDir);
  const glossaryDir = path.join(contentDir, "glossary");
  const problems: ContentError[] = [];
  const files = fs.readdirSync(glossaryDir).filter((name) => name.endsWith(".mdx"));
  // A slug exists when its file does, even if that file is broken: one mistake, one message.
  const slugs = new Set(files.map((name) => path.basename(name, ".mdx")));
  const entries = files
    .map((name) => parseEntry(contentDir, path.join(glossaryDir, name), problems))
    .filter((e): e is Entry => e !== undefined);
  crossCheck(entries, slugs, categories, publicDir, problems);
  if (problems.length > 0) throw new ContentErrors(problems);
  entries.sort((a, b) => a.title.localeCompare(b.title, "en"));
  return {
    entries,
    graph: linkGraph(entries),
    categories,
    bySlug: new Map(entries.map((e) => [e.slug, e])),
    categoryBySlug: new Map(categories.map((c) => [c.slug, c])),
  };
}

let cached: Glossary | undefined;

/** The site's glossary, read once per process (at build time for static pages). */
export function glossary(): Glossary {
  cached ??= loadGlossary();
  return cached;
}
