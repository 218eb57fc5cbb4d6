import path from "node:path";
import createMDX from "@next/mdx";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { loadGlossary } from "./lib/content/load";
import { termsOf } from "./lib/content/terms";
import { securityHeaders } from "./lib/security-headers";


const nextConfig: NextConfig = {
  // MDX entries are imported by the glossary route, never served as pages of their own.
  pageExtensions: ["ts", "tsx"],
  poweredByHeader: false,
  // Node gzips every response afresh, which costs more CPU than serving the page. Instances behind a
  // proxy or CDN that compresses set HTTP_COMPRESSION=off at start (see docs/deploy.md, bench/serve).
  compress: process.env.HTTP_COMPRESSION !== "off",
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.SITE_URL ?? "http://127.0.0.1:3000") }];
  },
};

// Plugin names are strings so Turbopack can pass them to its loader. Math ($…$, $$…$$) becomes
// MathML at build time: no KaTeX stylesheet, fonts or client script, and screen readers read it.
const withMDX = (terms: ReturnType<typeof termsOf>) =>
  createMDX({
    extension: /\.mdx$/,
    options: {
      remarkPlugins: [
        ["remark-frontmatter", ["yaml"]],
        "remark-gfm",
        "remark-math",
        [path.join(process.cwd(), "lib/mdx/remark-glossary-links.mjs"), { terms }],
        path.join(process.cwd(), "lib/mdx/remark-citations.mjs"),
      ],
      rehypePlugins: [["rehype-katex", { output: "mathml" }], path.join(process.cwd(), "lib/mdx/rehype-mathml-core.mjs")],
    },
  });

// Read (and validate) the glossary here: a broken entry stops the build before anything compiles,
// and the glossary-links plugin gets every entry's names. The production server only needs the names:
// the build it serves has passed the editorial checks, so it skips their second of parsing.
export default function config(phase: string): NextConfig {
  const terms = termsOf(loadGlossary({ editorialChecks: phase !== PHASE_PRODUCTION_SERVER }).entries);
  return withMDX(terms)(nextConfig);
}
