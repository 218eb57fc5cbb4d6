import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";

// The syntax the site's MDX build reads (next.config.ts): MDX, front matter, GFM tables, math.
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkMath);

/** An entry body as the MDX compiler sees it; throws with a line number when the MDX is malformed. */
export function parseMdx(body: string): Root {
  return parser.runSync(parser.parse(body)) as Root;
}
