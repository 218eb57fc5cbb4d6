import path from "node:path";
import createMDX from "@next/mdx";
import type { NextConfig } from "next";
import { loadGlossary } from "./lib/content/load";
import { termsOf } from "./lib/content/terms";

// Read (and validate) the glossary once here: a broken entry stops the build before anything compiles,
// and the glossary-links plugin gets every entry's names.
const terms = termsOf(loadGlossary().entries);

const nextConfig: NextConfig = {
  // MDX entries are imported by the glossary route, never served as pages of their own.
  pageExtensions: ["ts", "tsx"],
  poweredByHeader: false,
  reactStrictMode: true,
};

// Plugin names are strings so Turbopack can pass them to its loader.
const withMDX = createMDX({
  extension: /\.mdx$/,
  options: {
    remarkPlugins: [["remark-frontmatter", ["yaml"]], "remark-gfm", [path.join(process.cwd(), "lib/mdx/remark-glossary-links.mjs"), { terms }]],
  },
});

export default withMDX(nextConfig);
