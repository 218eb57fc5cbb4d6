import { unified } from "unified";
import { visit } from "unist-util-visit";
import remarkGlossaryLinks from "../mdx/remark-glossary-links.mjs";
import { parseMdx } from "./mdx-tree";
import type { Term } from "./terms.mjs";

/**
 * The entries an entry's body links to once compiled — written links and the first mentions the
 * glossary-links plugin adds — found by running the very plugin the site's MDX build runs, on the
 * body parsed as that build parses it (math included, so `{…}` in a formula is not read as code).
 */
export function linkedSlugs(body: string, slug: string, terms: Term[]): string[] {
  const tree = unified().use(remarkGlossaryLinks, { terms, slug }).runSync(parseMdx(body));
  const slugs: string[] = [];
  visit(tree, "link", (node: { url: string }) => {
    const target = /^\/glossary\/([a-z0-9-]+)$/.exec(node.url)?.[1];
    if (target && target !== slug && !slugs.includes(target)) slugs.push(target);
  });
  return slugs;
}
