import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import remarkGlossaryLinks from "./remark-glossary-links.mjs";

const terms = [
  { slug: "neural-network", names: ["Neural Network", "NN"] },
  { slug: "network-effect", names: ["Network"] },
  { slug: "gpu", names: ["GPU", "graphics card"] },
  { slug: "retrieval-augmented-generation", names: ["Retrieval-Augmented Generation", "RAG"] },
  { slug: "deep-learning", names: ["Deep Learning"] },
];

function link(markdown: string, slug = "deep-learning") {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGlossaryLinks, { terms, slug }).use(remarkStringify);
  return String(processor.processSync(markdown)).trim();
}

describe("remark-glossary-links", () => {
  it("links the first mention of a term, and only the first", () => {
    expect(link("A neural network learns. Every neural network has layers.")).toBe(
      "A [neural network](/glossary/neural-network) learns. Every neural network has layers.",
    );
  });

  it("prefers the longest name and keeps plurals inside the link", () => {
    expect(link("Neural networks train on GPUs.")).toBe("[Neural networks](/glossary/neural-network) train on [GPUs](/glossary/gpu).");
  });

  it("never links the entry to itself, inside headings, or a term the author linked already", () => {
    expect(link("## Neural network\n\nDeep learning uses a [neural net](/glossary/neural-network), a neural network.")).toBe(
      "## Neural network\n\nDeep learning uses a [neural net](/glossary/neural-network), a neural network.",
    );
  });

  it("matches abbreviations only in capitals, and only as whole words", () => {
    expect(link("Wipe it with a rag. RAG finds documents. GPUish is not a word.")).toBe(
      "Wipe it with a rag. [RAG](/glossary/retrieval-augmented-generation) finds documents. GPUish is not a word.",
    );
  });

  it("leaves code alone", () => {
    expect(link("Run `gpu` then use a GPU.")).toBe("Run `gpu` then use a [GPU](/glossary/gpu).");
  });

  it("leaves a word marked <NotATerm> unlinked, and links the term's next real mention", () => {
    expect(link("Wash the <NotATerm>network</NotATerm> cable. A network learns.")).toBe(
      "Wash the <NotATerm>network</NotATerm> cable. A [network](/glossary/network-effect) learns.",
    );
  });
});

/** Runs `body` with a fresh temporary folder, removed afterwards. */
function inTempDir(prefix: string, body: (dir: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Compiles Deep Learning's markdown with the plugin reading its terms as `options` say. */
const compileWith = (options: { root: string } | { glossaryDir: string }) => (markdown: string) =>
  String(unified().use(remarkParse).use(remarkMdx).use(remarkGlossaryLinks, { ...options, slug: "deep-learning" }).use(remarkStringify).processSync(markdown)).trim();

describe("remark-glossary-links reading the generated term list", () => {
  it("reads the list again when prebuild rewrites it, and says plainly when it is missing", () =>
    inTempDir("generated-", (root) => {
      fs.mkdirSync(path.join(root, ".generated"));
      const writeTerms = (terms: { slug: string; names: string[] }[]) => fs.writeFileSync(path.join(root, ".generated", "terms.json"), JSON.stringify(terms));
      const compile = compileWith({ root });
      expect(() => compile("Text.")).toThrow(/terms\.json is missing/);
      writeTerms([{ slug: "deep-learning", names: ["Deep Learning"] }, { slug: "neural-network", names: ["Neural Network", "NN"] }]);
      expect(compile("A neural network with a softmax output.")).toBe("A [neural network](/glossary/neural-network) with a softmax output.");
      writeTerms([{ slug: "deep-learning", names: ["Deep Learning"] }, { slug: "neural-network", names: ["Neural Network", "NN"] }, { slug: "softmax", names: ["Softmax", "softmax function"] }]);
      expect(compile("A neural network with a softmax output.")).toBe("A [neural network](/glossary/neural-network) with a [softmax](/glossary/softmax) output.");
    }));
});

describe("remark-glossary-links reading the glossary folder", () => {
  it("links an entry added after the first compile, as `next dev` needs, without a restart", () =>
    inTempDir("glossary-", (dir) => {
      const write = (slug: string, title: string, aliases: string[] = []) =>
        fs.writeFileSync(path.join(dir, `${slug}.mdx`), `---\ntitle: ${title}\naliases: [${aliases.join(", ")}]\n---\nText.\n`);
      write("deep-learning", "Deep Learning");
      write("neural-network", "Neural Network", ["NN"]);
      const compile = compileWith({ glossaryDir: dir });
      expect(compile("A neural network with a softmax output.")).toBe("A [neural network](/glossary/neural-network) with a softmax output.");
      write("softmax", "Softmax", ["softmax function"]);
      expect(compile("A neural network with a softmax output.")).toBe("A [neural network](/glossary/neural-network) with a [softmax](/glossary/softmax) output.");
    }));
});
