import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadGlossary } from "@/lib/content/load";
import type { Category, Entry } from "@/lib/content/schema";
import { byUpdatedDesc, glossaryFeed } from "@/lib/seo/feed";
import { fontCodePoints } from "@/lib/seo/font-coverage";
import { glossaryJson } from "@/lib/seo/glossary-json";
import { entryCrumbs, entryJsonLd, serializeJsonLd, type JsonLd } from "@/lib/seo/jsonld";
import { llmsTxt } from "@/lib/seo/llms";
import { DEFINITION_LINE_HEIGHT, OG_BOX, OG_SIZE, TITLE_LINE_HEIGHT, drawableText, lineCount, ogLayout } from "@/lib/seo/og";
import { sitemapItems } from "@/lib/seo/sitemap";
import { absoluteUrl } from "@/lib/seo/urls";

const SITE = "https://lumomate.test";
const categories: Category[] = [
  { slug: "ai", label: "AI", description: "Artificial intelligence." },
  { slug: "ml", label: "ML", description: "Machine learning." },
];
type Fixture = Pick<Entry, "slug" | "title" | "definition" | "aliases" | "category" | "related" | "updated">;
const entries: Fixture[] = [
  {
    slug: "gpu",
    title: "GPU",
    definition: "A chip with thousands of small cores that all do the same arithmetic at once.",
    aliases: ["graphics card"],
    category: ["ai"],
    related: [{ slug: "model", gloss: "What a GPU trains." }],
    updated: "2026-11-20",
  },
  {
    slug: "model",
    title: "Model",
    definition: "The learned pattern a program uses to make predictions </script><b>&amp;</b>.",
    aliases: [],
    category: ["ai", "ml"],
    related: [{ slug: "gpu", gloss: "Where a model is trained." }],
    updated: "2026-11-25",
  },
  {
    slug: "attention",
    title: "Attention [mechanism] & more",
    definition: "A way for a model to weigh every other word while working on one.",
    aliases: [],
    category: ["ai", "ml"],
    related: [{ slug: "model", gloss: "What attention is part of." }],
    updated: "2026-11-25",
  },
];

const graph = (data: JsonLd) => data["@graph"] as JsonLd[];

describe("absoluteUrl", () => {
  it("joins the site's origin and a path with one slash", () => {
    expect(absoluteUrl("https://x.org", "/glossary")).toBe("https://x.org/glossary");
    expect(absoluteUrl("https://x.org/", "/glossary")).toBe("https://x.org/glossary");
    expect(absoluteUrl("https://x.org", "llms.txt")).toBe("https://x.org/llms.txt");
  });
});

describe("entry JSON-LD", () => {
  const [gpu, model] = entries;
  const data = entryJsonLd({ entry: model, trail: categories, siteUrl: SITE, siteName: "LumoMate" });

  it("describes the entry as a DefinedTerm inside the glossary's DefinedTermSet", () => {
    const term = graph(data).find((n) => n["@type"] === "DefinedTerm")!;
    expect(data["@context"]).toBe("https://schema.org");
    expect(term).toMatchObject({
      name: "Model",
      description: model.definition,
      url: `${SITE}/glossary/model`,
      termCode: "model",
      inDefinedTermSet: { "@type": "DefinedTermSet", name: "LumoMate glossary", url: `${SITE}/glossary` },
    });
    expect(term).not.toHaveProperty("alternateName");
    const withAliases = graph(entryJsonLd({ entry: gpu, trail: [], siteUrl: SITE, siteName: "LumoMate" }))[0];
    expect(withAliases.alternateName).toEqual(["graphics card"]);
  });

  it("gives a BreadcrumbList of the visible trail, ending at the entry", () => {
    const list = graph(data).find((n) => n["@type"] === "BreadcrumbList")!;
    expect(list.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Glossary", item: `${SITE}/glossary` },
      { "@type": "ListItem", position: 2, name: "AI", item: `${SITE}/glossary/category/ai` },
      { "@type": "ListItem", position: 3, name: "ML", item: `${SITE}/glossary/category/ml` },
      { "@type": "ListItem", position: 4, name: "Model", item: `${SITE}/glossary/model` },
    ]);
    expect(entryCrumbs(SITE, gpu, []).map((c) => c.name)).toEqual(["Glossary", "GPU"]);
  });

  it("serializes with every < escaped, so nothing in the data can close the script element", () => {
    const json = serializeJsonLd(data);
    expect(json).not.toContain("<");
    expect(json).toContain("\\u003c/script>");
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe("sitemap", () => {
  const items = sitemapItems({ siteUrl: SITE, entries, categories, letters: [{ slug: "2026-11-30-first", date: "2026-11-30" }] });
  const at = (path: string) => items.find((i) => i.url === `${SITE}${path}`);

  it("lists every page once: home, glossary, categories, entries, newsletter, letters", () => {
    expect(items.map((i) => i.url.slice(SITE.length))).toEqual([
      "/",
      "/glossary",
      "/glossary/category/ai",
      "/glossary/category/ml",
      "/glossary/gpu",
      "/glossary/model",
      "/glossary/attention",
      "/newsletter",
      "/letters",
      "/letters/2026-11-30-first",
    ]);
  });

  it("dates entries by `updated`, lists by their newest entry or letter", () => {
    expect(at("/glossary/gpu")?.lastModified).toBe("2026-11-20");
    expect(at("/glossary")?.lastModified).toBe("2026-11-25");
    expect(at("/glossary/category/ai")?.lastModified).toBe("2026-11-25");
    expect(at("/letters")?.lastModified).toBe("2026-11-30");
    expect(at("/letters/2026-11-30-first")?.lastModified).toBe("2026-11-30");
    expect(at("/newsletter")).not.toHaveProperty("lastModified");
  });

  it("leaves a category with no entries undated rather than inventing a date", () => {
    const lone = sitemapItems({ siteUrl: SITE, entries: [], categories, letters: [] });
    expect(lone.find((i) => i.url.endsWith("/category/ai"))).not.toHaveProperty("lastModified");
  });
});

describe("glossary feed", () => {
  const rss = glossaryFeed({ siteUrl: SITE, siteName: "LumoMate", entries, categories });
  const items = [...rss.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]);

  it("is RSS 2.0 with one item per entry, most recently updated first, ties by title", () => {
    expect(rss).toMatch(/<rss version="2\.0"/);
    expect(items).toHaveLength(3);
    expect(items.map((i) => i.match(/<link>(.*)<\/link>/)![1])).toEqual([`${SITE}/glossary/attention`, `${SITE}/glossary/model`, `${SITE}/glossary/gpu`]);
    expect(byUpdatedDesc(entries).map((e) => e.slug)).toEqual(["attention", "model", "gpu"]);
  });

  it("gives an item a guid that changes with `updated`, and the definition as description", () => {
    expect(items[2]).toContain(`<guid isPermaLink="false">${SITE}/glossary/gpu#updated-2026-11-20</guid>`);
    expect(items[2]).toContain("<pubDate>Fri, 20 Nov 2026 00:00:00 GMT</pubDate>");
    expect(items[2]).toContain(entries[0].definition);
    expect(items[1]).toContain("<category>ML</category>");
  });

  it("dates the feed by its newest entry, so the same content gives the same bytes", () => {
    expect(rss).toContain("<lastBuildDate>Wed, 25 Nov 2026 00:00:00 GMT</lastBuildDate>");
    expect(glossaryFeed({ siteUrl: SITE, siteName: "LumoMate", entries, categories })).toBe(rss);
  });
});

describe("glossary.json", () => {
  it("has every term with its definition, aliases, categories, related URLs and date", () => {
    const json = glossaryJson({ siteUrl: SITE, siteName: "LumoMate", entries });
    expect(json.name).toBe("LumoMate glossary");
    expect(json.url).toBe(`${SITE}/glossary`);
    expect(json.terms).toHaveLength(3);
    expect(json.terms[0]).toEqual({
      slug: "gpu",
      title: "GPU",
      url: `${SITE}/glossary/gpu`,
      definition: entries[0].definition,
      aliases: ["graphics card"],
      category: ["ai"],
      related: [{ slug: "model", url: `${SITE}/glossary/model` }],
      updated: "2026-11-20",
    });
  });
});

describe("llms.txt", () => {
  const site = { name: "LumoMate", tagline: "AI, explained.", description: "An interactive glossary." };
  const text = llmsTxt({ siteUrl: SITE, site, entries });
  const lines = text.split("\n");

  it("follows the llms.txt layout: H1, blockquote summary, paragraph, H2 link lists", () => {
    expect(lines[0]).toBe("# LumoMate");
    expect(lines[2]).toBe("> AI, explained. An interactive glossary.");
    expect(lines[4]).toMatch(/^Each glossary entry .+ 3 terms so far/);
    expect(lines.filter((l) => l.startsWith("## "))).toEqual(["## Glossary", "## Optional"]);
    expect(text).toContain(`- [Glossary as JSON](${SITE}/glossary.json): `);
    expect(text).toContain(`- [Glossary feed](${SITE}/glossary/feed.xml): `);
  });

  it("lists every entry as `- [Title](url): definition`, brackets in titles escaped", () => {
    expect(lines).toContain(`- [GPU](${SITE}/glossary/gpu): ${entries[0].definition}`);
    expect(lines).toContain(`- [Attention \\[mechanism\\] & more](${SITE}/glossary/attention): ${entries[2].definition}`);
  });
});

describe("the social card", () => {
  // The shipped entries, read once (the editorial checks run in site-content.test.ts).
  const shipped = loadGlossary({ editorialChecks: false }).entries;
  const fontDir = path.join(process.cwd(), "node_modules/@fontsource/jetbrains-mono/files");
  const latin = fontCodePoints(fs.readFileSync(path.join(fontDir, "jetbrains-mono-latin-400-normal.woff")));
  const latinExt = fontCodePoints(fs.readFileSync(path.join(fontDir, "jetbrains-mono-latin-ext-400-normal.woff")));
  const canDraw = (cp: number) => latin.has(cp) || latinExt.has(cp);

  it("reads the code points a WOFF font draws from its cmap", () => {
    for (const ch of "Az09 .,:;!?()'\"-—’“”…é") expect(latin.has(ch.codePointAt(0)!), ch).toBe(true);
    expect(latin.has("ł".codePointAt(0)!)).toBe(false);
    expect(latinExt.has("ł".codePointAt(0)!)).toBe(true);
    expect(canDraw("😀".codePointAt(0)!)).toBe(false);
    expect(canDraw("中".codePointAt(0)!)).toBe(false);
  });

  it("refuses WOFF2, which satori cannot read, rather than guessing", () => {
    const woff2 = fs.readFileSync(path.join(process.cwd(), "node_modules/@fontsource/jetbrains-mono/files/jetbrains-mono-latin-400-normal.woff2"));
    expect(() => fontCodePoints(woff2)).toThrow(/not WOFF2/);
  });

  it("keeps only drawable characters, decomposing where it can", () => {
    expect(drawableText("Łódź café — “ok”", canDraw)).toBe("Łódź café — “ok”");
    expect(drawableText("GPUs 😀 rock", canDraw)).toBe("GPUs rock");
    expect(drawableText("ﬁne\u00a0tuning", canDraw)).toBe("fine tuning");
    expect(drawableText("模型 Model", canDraw)).toBe("Model");
  });

  it("draws every shipped title and definition whole: no character is dropped", () => {
    for (const e of shipped) {
      expect(drawableText(e.title, canDraw), e.slug).toBe(e.title);
      expect(drawableText(e.definition, canDraw), e.slug).toBe(e.definition);
    }
  });

  it("wraps text at word boundaries", () => {
    expect(lineCount("Deep Learning", 20)).toBe(1);
    expect(lineCount("Convolutional Neural Network", 20)).toBe(2);
    expect(lineCount("a".repeat(45), 20)).toBe(3);
  });

  it("sets a short title large and shrinks a long one to two lines", () => {
    expect(ogLayout("GPU", entries[0].definition)).toMatchObject({ titleSize: 96, titleLines: 1, definitionSize: 36 });
    const long = ogLayout("Convolutional Neural Network", "A neural network that scans an image with small learned filters, finding simple patterns first and building them up into edges, shapes and whole objects.");
    expect(long.titleLines).toBe(2);
    expect(long.titleSize).toBeLessThan(96);
    expect(long.definitionSize).toBeGreaterThanOrEqual(30);
  });

  it("fits every shipped entry on the card at a readable size", () => {
    const { padTop, padBottom, eyebrow, footer, gaps } = OG_BOX;
    for (const e of shipped) {
      const l = ogLayout(e.title, e.definition);
      const height = padTop + padBottom + eyebrow + footer + gaps + l.titleLines * l.titleSize * TITLE_LINE_HEIGHT + l.definitionLines * l.definitionSize * DEFINITION_LINE_HEIGHT;
      expect(height, e.slug).toBeLessThanOrEqual(OG_SIZE.height);
      expect(l.titleLines, e.slug).toBeLessThanOrEqual(2);
      expect(l.definitionSize, e.slug).toBeGreaterThanOrEqual(30);
    }
  });
});
