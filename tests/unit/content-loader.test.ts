import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentErrors } from "@/lib/content/errors";
import { contentProblems, loadGlossary } from "@/lib/content/load";

const CATEGORIES = `- slug: intelligence\n  label: Intelligence\n  description: Big questions.\n- slug: ai\n  label: AI\n  description: The field.\n`;

function entry(overrides: Record<string, string> = {}, body = "## What is it?\n\nWords.\n") {
  const fields: Record<string, string> = {
    title: "Alpha Term",
    definition: "A made-up term that exists only so the loader has something valid to read.",
    category: "[intelligence, ai]",
    updated: "2026-11-20",
    illustration: "\n  src: /illustrations/alpha.svg\n  alt: \"\"",
    takeaways: "\n  - The first thing to remember.\n  - The second thing to remember.\n  - The third thing to remember.",
    related: "\n  - slug: beta-term\n    gloss: The term next door, for testing.\n  - slug: beta-term\n    gloss: Listed twice to reach the minimum.\n  - slug: beta-term\n    gloss: Listed thrice to reach the minimum.",
    sources: "\n  - id: author-2016\n    authors: A. Author\n    title: A Book\n    publisher: A Press\n    year: 2016\n  - id: author-2015\n    authors: B. Author\n    title: B Paper\n    publisher: B Journal\n    year: 2015\n    url: https://example.org/b\n    accessed: 2026-12-01",
    checked: "\n  date: 2026-12-02\n  reviewer: a test\n  consulted: [author-2016, author-2015]",
    ...overrides,
  };
  const yaml = Object.entries(fields)
    .filter(([, value]) => value !== "<omit>")
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}${CITES}`;
}

/** Every fixture entry cites both its sources, as the build requires. */
const CITES = '\nBoth sources say so.<Cite id="author-2016" /><Cite id="author-2015" />\n';

let dirs: string[] = [];
let lastFixture = { contentDir: "", publicDir: "" };
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A throwaway content tree: alpha-term (possibly broken) and a valid beta-term it relates to. */
function fixture(alpha: string, extra: Record<string, string> = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "lumomate-content-"));
  dirs.push(root);
  const contentDir = path.join(root, "content");
  const publicDir = path.join(root, "public");
  fs.mkdirSync(path.join(contentDir, "glossary"), { recursive: true });
  fs.mkdirSync(path.join(publicDir, "illustrations"), { recursive: true });
  fs.writeFileSync(path.join(contentDir, "categories.yaml"), CATEGORIES);
  for (const name of ["alpha", "beta"]) fs.writeFileSync(path.join(publicDir, "illustrations", `${name}.svg`), "<svg/>");
  const files: Record<string, string> = {
    "alpha-term.mdx": alpha,
    "beta-term.mdx": entry({
      title: "Beta Term",
      illustration: "\n  src: /illustrations/beta.svg\n  alt: A drawing of beta",
      related: "\n  - slug: alpha-term\n    gloss: Back to alpha, for testing.\n  - slug: alpha-term\n    gloss: Back to alpha, again here.\n  - slug: alpha-term\n    gloss: Back to alpha, once more.",
    }),
    ...extra,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(contentDir, "glossary", name), text);
  lastFixture = { contentDir, publicDir };
  return () => loadGlossary({ contentDir, publicDir });
}

function messagesOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentErrors);
    return (error as ContentErrors).errors.map((e) => e.message);
  }
  throw new Error("expected the content to be rejected");
}

describe("loadGlossary", () => {
  it("reads valid entries, sorted by title, with slugs from file names", () => {
    const { entries, bySlug } = fixture(entry())();
    expect(entries.map((e) => e.slug)).toEqual(["alpha-term", "beta-term"]);
    expect(bySlug.get("alpha-term")?.updated).toBe("2026-11-20");
    expect(bySlug.get("alpha-term")?.body).toContain("## What is it?");
    expect(bySlug.get("alpha-term")?.aliases).toEqual([]);
  });

  it("names the file and the field when a required field is missing", () => {
    const messages = messagesOf(fixture(entry({ definition: "<omit>" })));
    expect(messages).toEqual([expect.stringMatching(/content\/glossary\/alpha-term\.mdx: field "definition" is missing/)]);
  });

  it("rejects a wrong number of takeaways", () => {
    const messages = messagesOf(fixture(entry({ takeaways: "\n  - Only one bullet here." })));
    expect(messages).toEqual([expect.stringContaining('alpha-term.mdx: field "takeaways" must have exactly 3 bullets')]);
  });

  it("rejects a related slug that has no entry, naming the index", () => {
    const related = "\n  - slug: beta-term\n    gloss: Fine and present here.\n  - slug: gamma-term\n    gloss: There is no such entry.\n  - slug: beta-term\n    gloss: Fine and present again.";
    const messages = messagesOf(fixture(entry({ related })));
    expect(messages).toEqual([expect.stringContaining('alpha-term.mdx: field "related[1].slug" "gamma-term" has no entry in content/glossary/')]);
  });

  it("rejects more than six related terms", () => {
    const related = Array.from({ length: 7 }, (_, i) => `\n  - slug: beta-term\n    gloss: Listed once more, number ${i + 1}.`).join("");
    const messages = messagesOf(fixture(entry({ related })));
    expect(messages).toEqual([expect.stringContaining('alpha-term.mdx: field "related" lists at most 6 related terms')]);
  });

  it("rejects an unknown category", () => {
    const messages = messagesOf(fixture(entry({ category: "[intelligence, robots]" })));
    expect(messages).toEqual([expect.stringContaining('field "category[1]" "robots" is not in content/categories.yaml')]);
  });

  it("rejects a date that is not YYYY-MM-DD", () => {
    const messages = messagesOf(fixture(entry({ updated: "last tuesday" })));
    expect(messages).toEqual([expect.stringContaining('field "updated" must be a date written YYYY-MM-DD')]);
  });

  it("rejects a field it does not know, so typos do not pass silently", () => {
    const messages = messagesOf(fixture(entry({ defintion: "typo" })));
    expect(messages[0]).toMatch(/alpha-term\.mdx: field "\(front matter\)".*defintion/);
  });

  it("rejects front matter that is not valid YAML", () => {
    const messages = messagesOf(fixture(entry({ title: "[unclosed" })));
    expect(messages[0]).toMatch(/alpha-term\.mdx: field "\(front matter\)" is not valid YAML/);
  });

  it("rejects a body link to an entry that does not exist", () => {
    const messages = messagesOf(fixture(entry({}, "See [nothing](/glossary/nowhere-term) here.\n")));
    expect(messages).toEqual([expect.stringContaining('alpha-term.mdx: field "body" links to /glossary/nowhere-term, which has no entry')]);
  });

  it("rejects an illustration that redraws another entry's picture, even retitled, recoloured and nudged", () => {
    const drawing = (title: string, colour: string, dx: number) =>
      `<svg viewBox="0 0 800 400"><title>${title}</title><style>.a{stroke:${colour}}</style><g class="a">` +
      `<rect x="${54 + dx}" y="69" width="472" height="262" rx="131"/><circle cx="${300 + dx}" cy="200" r="40"/>` +
      `<path d="M${290 + dx} 69V121"/><line x1="10" y1="10" x2="${90 + dx}" y2="90"/><text x="5" y="5">${title}</text></g></svg>`;
    const load = fixture(entry());
    fs.writeFileSync(path.join(lastFixture.publicDir, "illustrations", "alpha.svg"), drawing("Alpha", "#123456", 0));
    fs.writeFileSync(path.join(lastFixture.publicDir, "illustrations", "beta.svg"), drawing("Beta, another idea", "#abcdef", 2));
    expect(messagesOf(load)).toEqual([expect.stringMatching(/illustration\.src.*alpha\.svg draws nearly the same picture as beta-term's \/illustrations\/beta\.svg \(100% of shapes in common\)/)]);

    fs.writeFileSync(path.join(lastFixture.publicDir, "illustrations", "beta.svg"), drawing("Beta", "#abcdef", 200));
    expect(() => load()).not.toThrow();
  });

  it("rejects an illustration that is not in public/", () => {
    const illustration = "\n  src: /illustrations/missing.svg\n  alt: \"\"";
    const messages = messagesOf(fixture(entry({ illustration })));
    expect(messages).toEqual([expect.stringContaining('field "illustration.src" /illustrations/missing.svg is not in public/')]);
  });

  it("reads source ids, access dates and the fact-check record", () => {
    const alpha = fixture(entry())().bySlug.get("alpha-term")!;
    expect(alpha.sources.map((s) => [s.id, s.accessed])).toEqual([["author-2016", undefined], ["author-2015", "2026-12-01"]]);
    expect(alpha.checked).toEqual({ date: "2026-12-02", reviewer: "a test", consulted: ["author-2016", "author-2015"] });
  });

  it("requires the fact-check record, with consulted ids that are sources of the entry", () => {
    expect(messagesOf(fixture(entry({ checked: "<omit>" })))).toEqual([expect.stringContaining('alpha-term.mdx: field "checked" is missing')]);
    const checked = "\n  date: 2026-12-02\n  reviewer: a test\n  consulted: [author-2016, nobody-1999]";
    expect(messagesOf(fixture(entry({ checked })))).toEqual([expect.stringContaining('field "checked.consulted[1]" "nobody-1999" is not the id of one of this entry\'s sources')]);
  });

  it("requires kebab-case source ids, each used once", () => {
    const sources = "\n  - id: Author 2016\n    authors: A\n    title: A\n    publisher: P\n    year: 2016\n  - id: author-2015\n    authors: B\n    title: B\n    publisher: P\n    year: 2015\n  - id: author-2015\n    authors: C\n    title: C\n    publisher: P\n    year: 2015";
    const messages = messagesOf(fixture(entry({ sources })));
    expect(messages).toContainEqual(expect.stringContaining('field "sources[0].id" must be kebab-case'));
    expect(messages).toContainEqual(expect.stringContaining('field "sources[2].id" "author-2015" is used by another source of this entry'));
  });

  it("stops on an editorial problem in the body, naming the line of the file", () => {
    const text = entry({}, "## What is it?\n\nIt was first described in 2014.\n");
    const line = text.split("\n").indexOf("It was first described in 2014.") + 1;
    expect(messagesOf(fixture(text))).toEqual([`content/glossary/alpha-term.mdx:${line}: sentence needs a citation in its paragraph (it states "2014"): "It was first described in 2014."`]);
  });

  it("lists the problems of the entries asked for only, without stopping", () => {
    fixture(entry({ checked: "<omit>" }), { "gamma-term.mdx": entry({ title: "<omit>" }) });
    const { contentDir, publicDir } = lastFixture;
    expect(contentProblems({ contentDir, publicDir }, ["gamma-term"]).map((p) => p.message)).toEqual([expect.stringContaining('gamma-term.mdx: field "title" is missing')]);
    expect(contentProblems({ contentDir, publicDir })).toHaveLength(2);
    expect(() => contentProblems({ contentDir, publicDir }, ["no-such-term"])).toThrow("no entry named content/glossary/no-such-term.mdx");
  });

  it("reports every broken entry at once", () => {
    const messages = messagesOf(fixture(entry({ definition: "<omit>" }), { "gamma-term.mdx": entry({ title: "<omit>" }) }));
    expect(messages).toHaveLength(2);
    expect(messages.join("\n")).toMatch(/alpha-term\.mdx: field "definition"/);
    expect(messages.join("\n")).toMatch(/gamma-term\.mdx: field "title"/);
  });
});
