import { compile, run } from "@mdx-js/mdx";
import { createElement } from "react";
import * as runtime from "react/jsx-runtime";
import { renderToStaticMarkup } from "react-dom/server";
import rehypeKatex from "rehype-katex";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { describe, expect, it } from "vitest";
import { Sources } from "@/components/entry/Sources";
import { Cite } from "@/components/mdx/Cite";
import { ContrastNote } from "@/components/mdx/ContrastNote";
import { MorePrecisely } from "@/components/mdx/MorePrecisely";
import { citationsOf, numberSources, type Citation } from "@/lib/content/citations.mjs";
import { parseMdx } from "@/lib/content/mdx-tree";
import type { Source } from "@/lib/content/schema";
import rehypeMathmlCore from "@/lib/mdx/rehype-mathml-core.mjs";
import remarkCitations from "@/lib/mdx/remark-citations.mjs";

const source = (id: string, year: number): Source => ({ id, authors: `Author of ${id}`, title: `Title of ${id}`, publisher: "A Press", year });
const SOURCES = [source("alpha-2001", 2001), source("beta-2002", 2002), source("gamma-2003", 2003)];
const FRONT = `---\nsources:\n${SOURCES.map((s) => `  - id: ${s.id}\n    title: ${s.title}`).join("\n")}\n---\n\n`;
const BODY = [
  'Beta comes first in the text.<Cite id="beta-2002" />',
  "",
  '- Then gamma.<Cite id="gamma-2003" /><Cite id="beta-2002" />',
  "",
  "<MorePrecisely>",
  "",
  'Exactly $y = \\frac{1}{2}x$.<Cite id="alpha-2001" />',
  "",
  "$$",
  "p = \\sum_i \\mathbf{w}_i + \\mathbb{E}[\\mathcal{L}] + \\mathrm{softmax}(z)",
  "$$",
  "",
  "</MorePrecisely>",
  "",
  '<ContrastNote title="Alpha or beta?">',
  "",
  'Alpha is not beta.<Cite id="beta-2002" />',
  "",
  "</ContrastNote>",
].join("\n");

/** Compiles an entry as next.config.ts does, and renders its body and its Sources list. */
async function render(text: string) {
  const code = await compile(text, {
    outputFormat: "function-body",
    remarkPlugins: [[remarkFrontmatter, ["yaml"]], remarkGfm, remarkMath, remarkCitations],
    rehypePlugins: [[rehypeKatex, { output: "mathml" }], rehypeMathmlCore],
  });
  const mod = (await run(code, { ...runtime, baseUrl: import.meta.url })) as { default: React.ComponentType<{ components: object }>; citations: Citation[] };
  const body = renderToStaticMarkup(createElement(mod.default, { components: { Cite, MorePrecisely, ContrastNote } }));
  const sources = renderToStaticMarkup(createElement(Sources, { sources: SOURCES, citations: mod.citations }));
  return { body, sources, citations: mod.citations };
}

describe("citationsOf", () => {
  it("orders sources by first citation and counts their markers", () => {
    expect(citationsOf(parseMdx(BODY))).toEqual([
      { id: "beta-2002", markers: 3 },
      { id: "gamma-2003", markers: 1 },
      { id: "alpha-2001", markers: 1 },
    ]);
  });
});

describe("numberSources", () => {
  it("numbers cited sources in citation order and keeps uncited ones, unnumbered, at the end", () => {
    const numbered = numberSources(SOURCES, [{ id: "gamma-2003", markers: 2 }, { id: "alpha-2001", markers: 1 }]);
    expect(numbered.map((s) => [s.id, s.number, s.markers])).toEqual([
      ["gamma-2003", 1, 2],
      ["alpha-2001", 2, 1],
      ["beta-2002", undefined, 0],
    ]);
  });
});

describe("an entry compiled with the citations plugin", () => {
  it("numbers each marker as its source is numbered in the Sources list, and links both ways", async () => {
    const { body, sources, citations } = await render(FRONT + BODY);
    expect(citations.map((c) => c.id)).toEqual(["beta-2002", "gamma-2003", "alpha-2001"]);
    const markers = [...body.matchAll(/<a href="#source-([a-z0-9-]+)" id="cite-([a-z0-9-]+)-(\d)" aria-label="([^"]+)">\u2060\[(\d)\]<\/a>/g)].map((m) => m.slice(1));
    expect(markers).toEqual([
      ["beta-2002", "beta-2002", "0", "Source 1: Title of beta-2002", "1"],
      ["gamma-2003", "gamma-2003", "0", "Source 2: Title of gamma-2003", "2"],
      ["beta-2002", "beta-2002", "1", "Source 1: Title of beta-2002", "1"],
      ["alpha-2001", "alpha-2001", "0", "Source 3: Title of alpha-2001", "3"],
      ["beta-2002", "beta-2002", "2", "Source 1: Title of beta-2002", "1"],
    ]);
    expect([...sources.matchAll(/<li id="source-([a-z0-9-]+)"/g)].map((m) => m[1])).toEqual(["beta-2002", "gamma-2003", "alpha-2001"]);
    // Every back-link lands on a marker that exists.
    const backLinks = [...sources.matchAll(/href="#(cite-[a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(backLinks).toEqual(["cite-beta-2002-0", "cite-beta-2002-1", "cite-beta-2002-2", "cite-gamma-2003-0", "cite-alpha-2001-0"]);
    for (const id of backLinks) expect(body).toContain(`id="${id}"`);
    expect(sources).toContain('aria-label="Back to citation 2 in the text">↩</a>');
  });

  it("renders math as MathML only, inside a details element that works without script", async () => {
    const { body } = await render(FRONT + BODY);
    expect(body).toMatch(/<details class="more-precisely"><summary>.*More precisely.*<\/summary>/);
    expect(body).toContain("<mfrac><mn>1</mn><mn>2</mn></mfrac>");
    // A display formula is its own block, which a keyboard can scroll on a narrow screen.
    expect(body).toContain('<div class="math-display" tabindex="0" role="group" aria-label="Formula"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    // An inline formula keeps the full stop that follows it.
    expect(body).toMatch(/<span class="math-inline"><span class="katex"><math [^]*?<\/math><\/span>\.<\/span><sup class="cite">/);
    expect(body).not.toMatch(/katex-html|\$/);
    // Bold, double-struck and script letters as Unicode math letters: MathML Core ignores mathvariant.
    expect(body).toContain("<mi>𝐰</mi>");
    expect(body).toContain("<mi>𝔼</mi>");
    expect(body).toContain("<mi>ℒ</mi>");
    // \mathrm{softmax} is one identifier, not seven letters a screen reader would spell out.
    expect(body).toContain('<mi mathvariant="normal">softmax</mi>');
    expect(body).toContain('<aside class="contrast-note" aria-label="Often confused: Alpha or beta?">');
  });

  it("stops on a marker naming no source of the entry", async () => {
    await expect(render(`${FRONT}Words.<Cite id="nobody-1999" />`)).rejects.toThrow('<Cite id="nobody-1999" /> names no source of this entry');
  });
});
