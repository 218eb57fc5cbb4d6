import { execFileSync } from "node:child_process";
import path from "node:path";
import createMDX from "@next/mdx";
import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security-headers.mjs";

/** A deployment's id: DEPLOYMENT_ID when the release sets one, else the commit, else "local". */
function buildId(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return "local";
  }
}

/** The signup bench's own build: it adds the routes in `*.bench.ts` files and builds into .next-bench/. */
const benchBuild = process.env.LUMOMATE_BENCH_BUILD === "1";

const nextConfig: NextConfig = {
  // MDX entries are imported by the glossary route, never served as pages of their own.
  pageExtensions: benchBuild ? ["ts", "tsx", "bench.ts"] : ["ts", "tsx"],
  distDir: benchBuild ? ".next-bench" : ".next",
  poweredByHeader: false,
  // A server of its own in .next/standalone (server.js with only the files it needs), served alone by
  // `npm start` or behind the proxy in deploy/ (scripts/finish-build.mjs adds the static files).
  output: "standalone",
  // The letters are read (and rendered for e-mail) at run time by the worker; the OG images' font.
  // The search index prebuild generates (the /search page reads it at run time).
  outputFileTracingIncludes: { "/**": ["./content/letters/**/*", "./node_modules/@fontsource/jetbrains-mono/files/*-normal.woff", "./.generated/search-index.json"] },
  // Pages are prerendered and search reads the generated index, so the release carries no glossary
  // source; never local mail, databases or test output either, whatever a dynamic path in server code
  // could reach (scripts/finish-build.mjs refuses a release that carries them).
  outputFileTracingExcludes: {
    "/**": ["./content/glossary/**", "./content/compare/**", "./content/categories.yaml", "./outbox/**", "./data/**", "./test-results/**", "./e2e/**", "./.scratch/**", "**/*.eml"],
  },
  // Skew protection: every chunk URL carries this build's id, and a page of an older build that
  // asks the new server for a route gets a full reload instead of mismatched chunks.
  deploymentId: process.env.DEPLOYMENT_ID ?? buildId(),
  reactStrictMode: true,
  experimental: {
    // A restarted instance answers sooner: route code loads on its first request rather than all of
    // it before the server listens (nginx serves prerendered pages from disk, so few routes reach Next).
    preloadEntriesOnStart: false,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.SITE_URL ?? "http://127.0.0.1:3000") }];
  },
};

// Plugin names are strings so Turbopack can pass them to its loader. Math ($…$, $$…$$) becomes
// MathML at build time: no KaTeX stylesheet, fonts or client script, and screen readers read it.
// The config reads no content: `prebuild` checks every entry (scripts/check-content.ts) before
// anything compiles, and the glossary-links plugin reads the term list prebuild generates (.generated/).
const withMDX = createMDX({
  extension: /\.mdx$/,
  options: {
    remarkPlugins: [
      ["remark-frontmatter", ["yaml"]],
      "remark-gfm",
      "remark-math",
      path.join(process.cwd(), "lib/mdx/remark-glossary-links.mjs"),
      path.join(process.cwd(), "lib/mdx/remark-citations.mjs"),
    ],
    rehypePlugins: [["rehype-katex", { output: "mathml" }], path.join(process.cwd(), "lib/mdx/rehype-mathml-core.mjs")],
  },
});

export default withMDX(nextConfig);
