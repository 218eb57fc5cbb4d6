import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import remarkGlossaryLinks from "../mdx/remark-glossary-links.mjs";
import type { Term } from "./terms";

/**
 * The entries an entry's body links to once compiled — written links and the first mentions the
 * glossary-links plugin adds — found by running the very plugin the site's MDX build runs.
 */
export function linkedSlugs(body: string, slug: string, terms: Term[]): string[] {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkGlossaryLinks, { terms, slug });
  const tree = processor.runSync(processor.parse(body));
  const slugs: string[] = [];
  visit(tree, "link", (node: { url: string }) => {
    const target = /^\/glossary\/([a-z0-9-]+)$/.exec(node.url)?.[1];
    if (target && target !== slug && !slugs.includes(target)) slugs.push(target);
  });
  return slugs;
}
