import "server-only";
import { evaluate } from "@mdx-js/mdx";
import type { ReactElement, ReactNode } from "react";
import * as runtime from "react/jsx-runtime";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { styles } from "./EmailLayout";

/**
 * The same MDX the web archive shows, rendered with mail-safe elements: inline styles, and every
 * link made absolute to our own pages — never through a redirect that counts clicks.
 */
export async function letterBody(source: string, siteUrl: string): Promise<ReactElement> {
  const absolute = (href = "") => (href.startsWith("/") ? `${siteUrl}${href}` : href);
  const components = {
    p: ({ children }: { children?: ReactNode }) => <p className="lm-ink" style={styles.p}>{children}</p>,
    h2: ({ children }: { children?: ReactNode }) => <h2 className="lm-ink" style={styles.h2}>{children}</h2>,
    li: ({ children }: { children?: ReactNode }) => <li className="lm-ink" style={styles.li}>{children}</li>,
    a: ({ href, children }: { href?: string; children?: ReactNode }) => (
      <a href={absolute(href)} style={styles.a}>
        {children}
      </a>
    ),
  };
  const { default: Body } = await evaluate(source, { ...runtime, remarkPlugins: [[remarkFrontmatter, ["yaml"]], remarkGfm], useMDXComponents: () => components });
  return <Body />;
}
