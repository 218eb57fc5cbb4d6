import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { editorialProblems, type CheckedEntry } from "./editorial-checks";
import { ContentError, ContentErrors, fromZodError } from "./errors";
import { GENERATED_LINK_GRAPH, readGenerated } from "./generated.mjs";
import { linkGraph, linkGraphFromJson, type LinkGraph, type LinkGraphJson } from "./graph";
import { illustrationProblems } from "./illustrations";
import { glossarySignature } from "./terms.mjs";
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
  /**
   * Run the editorial checks of docs/editorial.md (about 1 s for the whole glossary). On by default;
   * off where a build has already passed them (the production server, the build's page workers).
   */
  editorialChecks?: boolean;
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

function parseEntry(contentDir: string, file: string, problems: ContentError[], editorialChecks = true): Entry | undefined {
  const rel = displayPath(contentDir, file);
  const raw = fs.readFileSync(file, "utf8");
  let data: unknown;
  let body: string;
  try {
    ({ data, content: body } = matter(raw, { engines: { yaml: (text) => parseYaml(text) as object } }));
  } catch (error) {
    problems.push(new ContentError(rel, "(front matter)", `is not valid YAML: ${(error as Error).message.split("\n")[0]}`));
    return undefined;
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) problems.push(...fromZodError(rel, parsed.error));
  // The body is the file's tail: count the lines before it so problems name lines of the file.
  // Checked even when the front matter is wrong, so the author sees every problem at once.
  if (editorialChecks) {
    const firstBodyLine = raw.slice(0, raw.length - body.length).split("\n").length;
    problems.push(...editorialProblems(looseFrontMatter(data), body, rel, firstBodyLine));
  }
  if (!parsed.success) return undefined;
  return { ...parsed.data, slug: path.basename(file, ".mdx"), file: rel, body };
}

/** The fields the editorial checks read, taken as far as they are usable from unvalidated front matter. */
function looseFrontMatter(data: unknown): CheckedEntry {
  const d = (data ?? {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const idOf = (s: unknown) => (s as { id?: unknown } | null | undefined)?.id;
  const sources = Array.isArray(d.sources) ? (d.sources as unknown[]).map(idOf).map((id) => ({ id: typeof id === "string" ? id : undefined })) : [];
  return { definition: typeof d.definition === "string" ? d.definition : undefined, aliases: strings(d.aliases), takeaways: strings(d.takeaways), sources };
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

/** Reads every entry and collects every problem, without stopping at the first. */
function readGlossary(options: LoadOptions) {
  const contentDir = options.contentDir ?? path.join(process.cwd(), "content");
  const publicDir = options.publicDir ?? path.join(process.cwd(), "public");
  const categories = loadCategories(contentDir);
  const glossaryDir = path.join(contentDir, "glossary");
  const problems: ContentError[] = [];
  const files = fs.readdirSync(glossaryDir).filter((name) => name.endsWith(".mdx"));
  // A slug exists when its file does, even if that file is broken: one mistake, one message.
  const slugs = new Set(files.map((name) => path.basename(name, ".mdx")));
  const entries = files
    .map((name) => parseEntry(contentDir, path.join(glossaryDir, name), problems, options.editorialChecks))
    .filter((e): e is Entry => e !== undefined);
  crossCheck(entries, slugs, categories, publicDir, problems);
  if (options.editorialChecks !== false) problems.push(...illustrationProblems(entries, publicDir));
  return { entries, categories, problems, slugs };
}

/**
 * Every problem of the given entries (all when `only` is empty), the same the build stops on,
 * for `scripts/check-content.ts`. Throws only when an asked-for slug has no file.
 */
export function contentProblems(options: LoadOptions = {}, only: string[] = []): ContentError[] {
  const { problems, slugs } = readGlossary(options);
  const unknown = only.filter((slug) => !slugs.has(slug));
  if (unknown.length > 0) throw new Error(`no entry named ${unknown.map((s) => `content/glossary/${s}.mdx`).join(", ")}`);
  const asked = new Set(only);
  return only.length === 0 ? problems : problems.filter((p) => p.file.endsWith(".mdx") && asked.has(path.basename(p.file, ".mdx")));
}

export function loadGlossary(options: LoadOptions = {}): Glossary {
  const valid = readValidGlossary(options);
  return { ...valid, graph: linkGraph(valid.entries) };
}

/** Every entry, validated, sorted by title: a Glossary but for the link graph, which costs a compile of every body. */
function readValidGlossary(options: LoadOptions): Omit<Glossary, "graph"> {
  const { entries, categories, problems } = readGlossary(options);
  if (problems.length > 0) throw new ContentErrors(problems);
  entries.sort((a, b) => a.title.localeCompare(b.title, "en"));
  return {
    entries,
    categories,
    bySlug: new Map(entries.map((e) => [e.slug, e])),
    categoryBySlug: new Map(categories.map((c) => [c.slug, c])),
  };
}

let cached: { key: string; glossary: Glossary } | undefined;

/**
 * The site's glossary, read once per process in production (at build time for static pages; the
 * editorial checks have already passed in `prebuild`). Under `next dev` it is read again when an
 * entry is added or changed, so a new entry shows up without a restart.
 */
export function glossary(): Glossary {
  const production = process.env.NODE_ENV === "production";
  const key = production ? "" : glossarySignature(path.join(process.cwd(), "content", "glossary")).key;
  if (cached?.key !== key) {
    const valid = readValidGlossary({ editorialChecks: !production });
    // A build's page workers read the graph prebuild generated instead of compiling every entry's
    // body again each; `next dev` computes it, so it follows every save.
    const graph = production ? linkGraphFromJson(readGenerated(GENERATED_LINK_GRAPH) as LinkGraphJson) : linkGraph(valid.entries);
    cached = { key, glossary: { ...valid, graph } };
  }
  return cached.glossary;
}
