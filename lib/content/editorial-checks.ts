// The checks of docs/editorial.md that a program can make, run on the MDX syntax tree so that JSX
// props (`<Figure number={1}>`, widget settings), math and code are never read as prose:
// traceable claims carry a <Cite> in their paragraph, markers and sources match, the definition is
// one short sentence, no sentence runs over 30 words, and every alias is used in the text.
import { citationsOf, citeId, isCite } from "./citations.mjs";
import { BodyError, ContentError } from "./errors";
import { parseMdx } from "./mdx-tree";
import { claimIn, quote, splitSentences, wordCount } from "./sentences";

export const MAX_SENTENCE_WORDS = 30;

type Node = {
  type: string;
  value?: string;
  name?: string | null;
  children?: Node[];
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
};

/** A stretch of prose read as one: a paragraph, a table cell; `cites` are the markers in it. */
type Prose = { text: string; cites: Node[]; line?: number };

/** Block content that is never prose: code, display math, imports/exports, expressions, raw HTML, front matter. */
const NOT_PROSE = new Set(["code", "math", "mdxjsEsm", "mdxFlowExpression", "html", "yaml", "thematicBreak", "definition"]);

/** Phrasing content as a reader hears it: math and code become one placeholder word, markers vanish. */
function proseOf(nodes: Node[], into: Prose = { text: "", cites: [] }): Prose {
  for (const node of nodes) {
    into.line ??= node.position?.start.line;
    if (node.type === "text") into.text += node.value;
    else if (node.type === "inlineMath") into.text += "[math]";
    else if (node.type === "inlineCode") into.text += "[code]";
    else if (node.type === "break") into.text += " ";
    else if (isCite(node as never)) into.cites.push(node);
    else if (node.children && node.type !== "mdxTextExpression") proseOf(node.children, into);
  }
  return into;
}

const isPhrasing = (node: Node) => !NOT_PROSE.has(node.type) && !["paragraph", "heading", "list", "listItem", "table", "blockquote", "mdxJsxFlowElement"].includes(node.type);

type Unit = { prose: Prose; where: string; cells?: Prose[] };

/** Every unit a citation must sit in (paragraph, list item's paragraph, table row), in reading order. */
function unitsOf(nodes: Node[], where: string, units: Unit[] = []): Unit[] {
  let loose: Node[] = [];
  const flush = () => {
    if (loose.length) units.push({ prose: proseOf(loose), where });
    loose = [];
  };
  for (const node of nodes) {
    if (isPhrasing(node)) {
      loose.push(node); // text directly inside a JSX block, e.g. <Figure>Caption.</Figure>
      continue;
    }
    flush();
    if (NOT_PROSE.has(node.type) || node.type === "heading") continue;
    if (node.type === "paragraph") units.push({ prose: proseOf(node.children ?? []), where });
    else if (node.type === "table") {
      for (const row of node.children ?? []) {
        const cells = (row.children ?? []).map((cell) => proseOf(cell.children ?? []));
        const prose = { text: cells.map((c) => c.text).join(" · "), cites: cells.flatMap((c) => c.cites), line: row.position?.start.line };
        units.push({ prose, where: "table row", cells });
      }
    } else if (node.type === "listItem") unitsOf(node.children ?? [], "list item", units);
    else unitsOf(node.children ?? [], node.type === "mdxJsxFlowElement" ? "paragraph" : where, units);
  }
  flush();
  return units;
}

/** All visible words of the body, headings and contrast-note titles included (for the alias check). */
function visibleText(nodes: Node[]): string {
  return nodes
    .map((node) => {
      if (NOT_PROSE.has(node.type) || node.type === "mdxTextExpression") return "";
      if (node.type === "text") return node.value ?? "";
      const title = node.name === "ContrastNote" ? node.attributes?.find((a) => a.name === "title")?.value : undefined;
      return `${typeof title === "string" ? title : ""} ${visibleText(node.children ?? [])} `;
    })
    .join("");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Does the text use this name as a word of its own (plural allowed), whatever its case? */
export function mentions(text: string, name: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?:s|es)?(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/** What the checks read of the front matter; loose, so a file whose front matter is still wrong gets its body checked too. */
export type CheckedEntry = { definition?: string; aliases?: string[]; takeaways?: string[]; sources?: { id?: string }[] };

/** Markup that only the MDX body understands; front-matter text is shown raw (search, feeds, llms.txt, takeaways). */
const BODY_MARKUP = /<\/?[A-Za-z][^>]*>|\$[^$]*[\\^_{}][^$]*\$/; // a formula has \, ^, _ or braces; "$5 to $10" does not

/**
 * Every editorial problem of one entry, one per line. `file` names the entry as the author sees
 * it; `firstBodyLine` is the file line the body starts on, so lines point into the .mdx file.
 */
export function editorialProblems(entry: CheckedEntry, body: string, file: string, firstBodyLine = 1): ContentError[] {
  const problems: ContentError[] = [];
  const at = (line?: number) => (line === undefined ? undefined : line + firstBodyLine - 1);

  const definition = splitSentences(entry.definition ?? "");
  if (definition.length > 1) problems.push(new ContentError(file, "definition", `must be one sentence (it has ${definition.length})`));
  const definitionWords = wordCount(entry.definition ?? "");
  if (definitionWords > MAX_SENTENCE_WORDS) problems.push(new ContentError(file, "definition", `has ${definitionWords} words (at most ${MAX_SENTENCE_WORDS})`));

  const plain: [string, string | undefined][] = [["definition", entry.definition], ...(entry.takeaways ?? []).map((t, i): [string, string] => [`takeaways[${i}]`, t]), ...(entry.aliases ?? []).map((a, i): [string, string] => [`aliases[${i}]`, a])];
  for (const [field, text] of plain) {
    if (text && BODY_MARKUP.test(text)) problems.push(new ContentError(file, field, "must be plain text, without <Cite>, tags or $…$ math: it is shown as it is in search, feeds and llms.txt"));
  }

  let tree: Node;
  try {
    tree = parseMdx(body);
  } catch (error) {
    const e = error as { message: string; line?: number };
    problems.push(new BodyError(file, at(e.line), `is not valid MDX: ${e.message.split("\n")[0]}`));
    return problems;
  }

  const sources = entry.sources ?? [];
  // Until every source has an id, markers cannot be matched to sources: that check waits.
  const ids = sources.every((s) => typeof s.id === "string") ? new Set(sources.map((s) => s.id)) : undefined;
  for (const unit of unitsOf(tree.children ?? [], "paragraph")) {
    const { prose } = unit;
    for (const cite of prose.cites) {
      const id = citeId(cite as never);
      const line = at(cite.position?.start.line);
      if (id === undefined) problems.push(new BodyError(file, line, '<Cite> needs a literal id, e.g. <Cite id="srivastava-2014" />'));
      else if (ids && !ids.has(id)) problems.push(new BodyError(file, line, `<Cite id="${id}" /> names no source of this entry (sources[].id)`));
    }
    const sentences = splitSentences(prose.text);
    if (prose.cites.length === 0) {
      for (const sentence of sentences) {
        const claim = claimIn(sentence);
        if (claim) problems.push(new BodyError(file, at(prose.line), `sentence needs a citation in its ${unit.where} (it ${claim}): ${quote(sentence)}`));
      }
    }
    for (const cell of unit.cells ?? [prose]) {
      for (const sentence of splitSentences(cell.text)) {
        const words = wordCount(sentence);
        if (words > MAX_SENTENCE_WORDS) problems.push(new BodyError(file, at(cell.line ?? prose.line), `sentence has ${words} words (at most ${MAX_SENTENCE_WORDS}): ${quote(sentence)}`));
      }
    }
  }

  const cited = new Set(citationsOf(tree as never).map((c) => c.id));
  sources.forEach((source, i) => {
    if (ids && source.id && !cited.has(source.id)) problems.push(new ContentError(file, `sources[${i}].id`, `"${source.id}" is never cited: put <Cite id="${source.id}" /> after the claim it supports`));
  });

  const text = visibleText(tree.children ?? []);
  (entry.aliases ?? []).forEach((alias, i) => {
    if (!mentions(text, alias)) problems.push(new ContentError(file, `aliases[${i}]`, `"${alias}" does not appear in the body: use it where the text explains it`));
  });
  return problems;
}
