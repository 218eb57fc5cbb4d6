// A remark plugin: numbers the <Cite id="…" /> markers of a glossary entry and exports the order.
// Each marker gets its number (`n`, by first citation), which of its source's markers it is (`k`,
// for the Sources list's back-links) and the source's title (for its accessible name). The module
// also exports `citations`, the order the page numbers its Sources list by: both come from the
// same compile, so they agree even while `next dev` recompiles an edited entry.
// The sources are read from the file's own YAML front matter (remark-frontmatter keeps it as a
// node), not from build options, so an edit to them is seen at once.
import { parse as parseYaml } from "yaml";
import { visit } from "unist-util-visit";
import { citationsOf, citeId, isCite } from "../content/citations.mjs";

/** @param {string} name @param {string} value */
const attribute = (name, value) => ({ type: "mdxJsxAttribute", name, value });

/** `export const citations = [{ id, markers }, …]` as the ESM node MDX compiles. */
function exportCitations(citations) {
  const literal = (value) => ({ type: "Literal", value, raw: JSON.stringify(value) });
  const array = {
    type: "ArrayExpression",
    elements: citations.map(({ id, markers }) => ({
      type: "ObjectExpression",
      properties: Object.entries({ id, markers }).map(([key, value]) => ({
        type: "Property",
        kind: "init",
        method: false,
        shorthand: false,
        computed: false,
        key: { type: "Identifier", name: key },
        value: literal(value),
      })),
    })),
  };
  const declaration = {
    type: "VariableDeclaration",
    kind: "const",
    declarations: [{ type: "VariableDeclarator", id: { type: "Identifier", name: "citations" }, init: array }],
  };
  return {
    type: "mdxjsEsm",
    value: `export const citations = ${JSON.stringify(citations)};`,
    data: { estree: { type: "Program", sourceType: "module", body: [{ type: "ExportNamedDeclaration", declaration, specifiers: [], source: null }] } },
  };
}

export default function remarkCitations() {
  return (tree, file) => {
    let sources = [];
    visit(tree, "yaml", (node) => {
      const data = parseYaml(node.value);
      if (Array.isArray(data?.sources)) sources = data.sources;
    });
    const titles = new Map(sources.filter((s) => typeof s?.id === "string").map((s) => [s.id, String(s.title ?? "")]));
    const citations = citationsOf(tree);
    const numbers = new Map(citations.map((c, i) => [c.id, i + 1]));
    const seen = new Map();
    visit(tree, (node) => {
      if (!isCite(node)) return;
      const id = citeId(node);
      // The content loader stops the build on these first; this guards `next dev`.
      if (id === undefined) file.fail('<Cite> needs a literal id, e.g. <Cite id="srivastava-2014" />', node);
      if (!titles.has(id)) file.fail(`<Cite id="${id}" /> names no source of this entry (sources[].id in its front matter)`, node);
      const k = seen.get(id) ?? 0;
      seen.set(id, k + 1);
      node.attributes = [attribute("id", id), attribute("n", String(numbers.get(id))), attribute("k", String(k)), attribute("title", titles.get(id))];
    });
    tree.children.push(exportCitations(citations));
  };
}
