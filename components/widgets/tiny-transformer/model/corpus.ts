// The tiny transformer's corpus: the prose of LumoMate's glossary entries and letters, read from
// the MDX syntax tree so front matter, JSX props, math and code never reach the model. Node only
// (it reads files); the widget receives text, never this module.
import fs from "node:fs";
import path from "node:path";
import { parseMdx } from "../../../../lib/content/mdx-tree";

type Node = { type: string; value?: string; children?: Node[] };

/** Block nodes that are never prose. */
const SKIP_BLOCK = new Set(["code", "math", "mdxjsEsm", "mdxFlowExpression", "html", "yaml", "toml", "thematicBreak", "definition", "image"]);

/** The words of phrasing content; undefined when it holds math or code, which read badly without it. */
function phrasing(nodes: Node[]): string | undefined {
  let text = "";
  for (const node of nodes) {
    if (node.type === "text") text += node.value ?? "";
    else if (node.type === "inlineMath" || node.type === "inlineCode" || node.type === "mdxTextExpression") return undefined;
    else if (node.type === "break") text += " ";
    else if (node.children) {
      const inner = phrasing(node.children);
      if (inner === undefined) return undefined;
      text += inner;
    }
  }
  return text;
}

const isPhrasingNode = (node: Node) => !SKIP_BLOCK.has(node.type) && !["paragraph", "heading", "list", "listItem", "table", "tableRow", "tableCell", "blockquote", "mdxJsxFlowElement", "root"].includes(node.type);

/** Paragraphs of prose in reading order: paragraphs, headings, list items, table cells, text inside JSX blocks. */
function paragraphsOf(nodes: Node[], into: string[]): string[] {
  let loose: Node[] = [];
  const flush = () => {
    if (loose.length) push(phrasing(loose));
    loose = [];
  };
  const push = (text: string | undefined) => {
    const clean = text?.replace(/\s+/g, " ").trim();
    if (clean) into.push(clean);
  };
  for (const node of nodes) {
    if (isPhrasingNode(node)) {
      loose.push(node);
      continue;
    }
    flush();
    if (SKIP_BLOCK.has(node.type)) continue;
    if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") push(phrasing(node.children ?? []));
    else paragraphsOf(node.children ?? [], into);
  }
  flush();
  return into;
}

/** The prose of one MDX file (front matter stripped), one paragraph a line. */
export function proseOfMdx(source: string): string {
  return paragraphsOf((parseMdx(source) as unknown as Node).children ?? [], []).join("\n");
}

export type CorpusDocument = { id: string; text: string };
export type Corpus = { train: CorpusDocument[]; heldOut: CorpusDocument[] };

/** Every 10th glossary entry in slug order (the 10th, 20th, …) is held out; letters always train. */
export const HELD_OUT_EVERY = 10;

/** Splits entries (sorted by slug) and letters into the fixed training and held-out sets. */
export function splitCorpus(entries: CorpusDocument[], letters: CorpusDocument[]): Corpus {
  const sorted = entries.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const heldOut = sorted.filter((_, i) => i % HELD_OUT_EVERY === HELD_OUT_EVERY - 1);
  const train = sorted.filter((_, i) => i % HELD_OUT_EVERY !== HELD_OUT_EVERY - 1).concat(letters);
  return { train, heldOut };
}

const mdxFiles = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".mdx"))
        .sort()
    : [];

/** Reads content/glossary and content/letters under `root` and splits them. */
export function readCorpus(root = process.cwd()): Corpus {
  const read = (folder: string, prefix: string) =>
    mdxFiles(path.join(root, "content", folder)).map((f) => ({ id: `${prefix}/${path.basename(f, ".mdx")}`, text: proseOfMdx(fs.readFileSync(path.join(root, "content", folder, f), "utf8")) }));
  return splitCorpus(read("glossary", "glossary"), read("letters", "letters"));
}
