// A remark plugin: in a glossary entry, the first mention of every other entry's term becomes a
// link to it (unless the author already linked that entry). Plain JS so Turbopack's MDX loader,
// which takes plugins by name, can load it. A build links by the term list prebuild generated
// (.generated/terms.json); `next dev` reads the entries' front matter at each compile instead, so an
// entry saved a moment ago is linked at once (a generated file would lag the save that changed it).
import path from "node:path";
import { findAndReplace } from "mdast-util-find-and-replace";
import { visit } from "unist-util-visit";
import { GENERATED_TERMS, readGenerated } from "../content/generated.mjs";
import { readTerms } from "../content/terms.mjs";

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const isAbbreviation = (name) => /^[A-Z0-9]{2,}$/.test(name);
/** `<NotATerm>temperature</NotATerm>`: the word in its everyday sense (the weather), never linked. */
const isNotATerm = (node) => node.type === "mdxJsxTextElement" && node.name === "NotATerm";

/**
 * @param {{ terms?: { slug: string, names: string[] }[], root?: string, glossaryDir?: string, slug?: string }} [options]
 *   `terms`: a fixed list (the link graph, tests). Otherwise the generated list under `root` when
 *   given or in a production build (the app's directory), else every entry in `glossaryDir`
 *   (default content/glossary).
 *   `slug`: the entry being compiled; otherwise taken from the file name under content/glossary/.
 */
export default function remarkGlossaryLinks(options) {
  if (options?.terms) return linker(options.terms, options.slug);
  const generated = options?.root !== undefined || (options?.glossaryDir === undefined && process.env.NODE_ENV === "production");
  const glossaryDir = options?.glossaryDir ?? path.join(process.cwd(), "content", "glossary");
  let built = { terms: /** @type {unknown} */ (null), transform: /** @type {ReturnType<typeof linker> | null} */ (null) };
  return (tree, file) => {
    // Both readers return the same list until it changes: build its pattern only then.
    const terms = generated ? /** @type {{ slug: string, names: string[] }[]} */ (readGenerated(GENERATED_TERMS, options?.root)) : readTerms(glossaryDir);
    if (built.terms !== terms) built = { terms, transform: linker(terms, options?.slug) };
    return built.transform(tree, file);
  };
}

/** The transform for one term list. */
function linker(terms, slug) {
  const bySlugAndName = [];
  for (const term of terms) for (const name of term.names) bySlugAndName.push({ slug: term.slug, name });
  // Longest names first, so "neural network" wins over "network".
  bySlugAndName.sort((a, b) => b.name.length - a.name.length);
  const byLowerName = new Map(bySlugAndName.map((t) => [t.name.toLowerCase(), t]));
  const pattern = bySlugAndName.length
    ? new RegExp(`(?<![\\w-])(${bySlugAndName.map((t) => escape(t.name)).join("|")})(?:s|es)?(?![\\w-])`, "gi")
    : null;

  return (tree, file) => {
    const path = String(file?.path ?? file?.history?.at?.(-1) ?? "");
    const fromPath = path.match(/content\/glossary\/([a-z0-9-]+)\.mdx$/)?.[1];
    const self = slug ?? fromPath;
    if (!pattern || !self) return;
    const linked = new Set([self]);
    visit(tree, "link", (node) => {
      const target = /^\/glossary\/([a-z0-9-]+)$/.exec(node.url)?.[1];
      if (target) linked.add(target);
    });
    findAndReplace(
      tree,
      [
        [
          pattern,
          (whole, name) => {
            const term = byLowerName.get(name.toLowerCase());
            // "GPU" and "RAG" are names only in capitals: "rag" in a sentence is just a rag.
            if (!term || (isAbbreviation(term.name) && name !== term.name)) return false;
            const slug = term.slug;
            // Already linked: keep the words as they are, but consume them, so that a shorter
            // term inside ("model" in "large language model") is not linked in their place.
            if (linked.has(slug)) return whole;
            linked.add(slug);
            return { type: "link", url: `/glossary/${slug}`, title: null, children: [{ type: "text", value: whole }] };
          },
        ],
      ],
      { ignore: ["link", "linkReference", "heading", "inlineCode", "code", "definition", isNotATerm] },
    );
  };
}
