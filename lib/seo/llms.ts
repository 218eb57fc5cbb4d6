import type { Entry } from "@/lib/content/schema";
import { entryPath } from "@/lib/site";
import { absoluteUrl } from "./urls";

/** Text safe inside a Markdown link label: brackets and backslashes escaped. */
const label = (text: string) => text.replace(/[\\[\]]/g, (c) => `\\${c}`);
/** One line of text: no line breaks can split a list item. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * /llms.txt after https://llmstxt.org: an H1 with the site's name, a one-line summary in a
 * blockquote, a short paragraph, then H2 sections of `- [name](url): notes` links. "Optional" holds
 * what a reader with little room may skip.
 */
export function llmsTxt(options: {
  siteUrl: string;
  site: { name: string; tagline: string; description: string };
  entries: Pick<Entry, "slug" | "title" | "definition">[];
}): string {
  const { siteUrl, site, entries } = options;
  const url = (path: string) => absoluteUrl(siteUrl, path);
  return [
    `# ${site.name}`,
    "",
    `> ${oneLine(site.tagline)} ${oneLine(site.description)}`,
    "",
    `Each glossary entry explains one term in plain words: a one-line definition, an everyday analogy, why it matters, how it works, examples and three takeaways. Entries link to related terms and cite their sources. ${entries.length} terms so far, listed below with their definitions.`,
    "",
    "## Glossary",
    "",
    ...entries.map((e) => `- [${label(oneLine(e.title))}](${url(entryPath(e.slug))}): ${oneLine(e.definition)}`),
    "",
    "## Optional",
    "",
    `- [Glossary as JSON](${url("/glossary.json")}): every term with its definition, aliases, categories, related terms and URL`,
    `- [Glossary feed](${url("/glossary/feed.xml")}): RSS of new and updated entries`,
    `- [Letters feed](${url("/letters/feed.xml")}): RSS of the weekly letter`,
    "",
  ].join("\n");
}
