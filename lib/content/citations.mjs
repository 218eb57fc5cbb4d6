// Citation numbering, in one place: the order of sources is the order of their first <Cite id>
// in the body. The remark plugin that numbers the markers and the page that numbers the Sources
// list both take it from here, so a marker's number and its source's number cannot disagree.
// Plain JS so Turbopack's MDX loader, which loads remark plugins by name, can import it.
import { visit } from "unist-util-visit";

/** @param {any} node */
export const isCite = (node) => (node.type === "mdxJsxTextElement" || node.type === "mdxJsxFlowElement") && node.name === "Cite";

/**
 * The `id` a `<Cite id="…" />` names, or undefined when it has no literal id.
 * @param {any} node
 */
export function citeId(node) {
  const attribute = node.attributes?.find((a) => a.type === "mdxJsxAttribute" && a.name === "id");
  return typeof attribute?.value === "string" ? attribute.value : undefined;
}

/**
 * Every source the body cites, in order of first citation: its number is its index + 1, and
 * `markers` is how many times it is cited (the Sources list links back to each).
 * @param {import("unist").Node} tree an MDX syntax tree (remark-mdx)
 * @returns {{ id: string, markers: number }[]}
 */
export function citationsOf(tree) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  visit(tree, (node) => {
    if (!isCite(node)) return;
    const id = citeId(node);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  return [...counts].map(([id, markers]) => ({ id, markers }));
}

/**
 * Sources in citation order, each with its number; sources never cited (the build refuses them)
 * follow, unnumbered, so nothing is lost from the list.
 * @template {{ id: string }} S
 * @param {S[]} sources
 * @param {{ id: string, markers: number }[]} citations
 * @returns {(S & { number?: number, markers: number })[]}
 */
export function numberSources(sources, citations) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const cited = citations.filter((c) => byId.has(c.id)).map((c, i) => ({ ...byId.get(c.id), number: i + 1, markers: c.markers }));
  const citedIds = new Set(citations.map((c) => c.id));
  return [...cited, ...sources.filter((s) => !citedIds.has(s.id)).map((s) => ({ ...s, markers: 0 }))];
}
