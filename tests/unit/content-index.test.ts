import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeContentIndex } from "@/lib/content/content-index";
import { ContentErrors } from "@/lib/content/errors";
import { GENERATED_LINK_GRAPH, GENERATED_TERMS, readGenerated } from "@/lib/content/generated.mjs";
import { linkGraphFromJson, type LinkGraphJson } from "@/lib/content/graph";
import { loadGlossary } from "@/lib/content/load";
import remarkGlossaryLinks from "@/lib/mdx/remark-glossary-links.mjs";
import { GENERATED_SEARCH_INDEX, loadIndex } from "@/lib/search";

// The generated files are what the build's compilers and page workers read instead of the
// glossary's source: they must say what the source says.
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "lumomate-generated-"));
  fs.cpSync("content", path.join(root, "content"), { recursive: true });
  writeContentIndex({ contentDir: path.join(root, "content"), root });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("writeContentIndex", () => {
  it("writes a link graph that is the glossary's own, entry for entry", () => {
    const graph = linkGraphFromJson(readGenerated(GENERATED_LINK_GRAPH, root) as LinkGraphJson);
    const own = loadGlossary().graph;
    expect(graph.mentionedIn).toEqual(own.mentionedIn);
    expect(graph.outgoing).toEqual(own.outgoing);
    expect(graph.level).toEqual(own.level);
    expect(graph.mentionedIn.get("neural-network")!.length).toBeGreaterThan(10);
  });

  it("writes the term list the remark plugin links by, aliases included", () => {
    const compile = (markdown: string) =>
      String(unified().use(remarkParse).use(remarkMdx).use(remarkGlossaryLinks, { root, slug: "epoch" }).use(remarkStringify).processSync(markdown)).trim();
    expect(compile("Backprop runs after every batch.")).toBe("[Backprop](/glossary/backpropagation) runs after every [batch](/glossary/batch).");
  });

  it("writes the search index the release searches", () => {
    const index = loadIndex(fs.readFileSync(path.join(root, GENERATED_SEARCH_INDEX), "utf8"));
    expect(index.search("LayerNorm")[0].id).toBe("layer-normalization");
    expect(index.documentCount).toBe(loadGlossary().entries.length);
  });

  it("refuses a glossary with a broken entry and leaves the last good files as they were", () => {
    const files = [GENERATED_TERMS, GENERATED_LINK_GRAPH, GENERATED_SEARCH_INDEX].map((f) => path.join(root, f));
    const before = files.map((f) => fs.readFileSync(f, "utf8"));
    const entry = path.join(root, "content", "glossary", "epoch.mdx");
    fs.writeFileSync(entry, fs.readFileSync(entry, "utf8").replace(/^title: .*$/m, "title:"));
    expect(() => writeContentIndex({ contentDir: path.join(root, "content"), root })).toThrow(ContentErrors);
    expect(files.map((f) => fs.readFileSync(f, "utf8"))).toEqual(before);
  });
});
