import createMDX from "@next/mdx";
import type { NextConfig } from "next";

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
    remarkPlugins: [["remark-frontmatter", ["yaml"]], "remark-gfm"],
  },
});

export default withMDX(nextConfig);
