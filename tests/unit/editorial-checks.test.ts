import { describe, expect, it } from "vitest";
import { editorialProblems, type CheckedEntry } from "@/lib/content/editorial-checks";

const FILE = "content/glossary/alpha-term.mdx";
const entry: CheckedEntry = {
  definition: "A made-up term that exists only so the checks have something to read.",
  aliases: [],
  sources: [{ id: "hinton-2012" }, { id: "srivastava-2014" }],
};
const BOTH_CITED = '\n\nBoth sources stand here.<Cite id="hinton-2012" /><Cite id="srivastava-2014" />\n';

/** The problem lines for a body (with both sources cited somewhere unless `alone`). */
function problems(body: string, over: Partial<CheckedEntry> = {}, alone = false) {
  return editorialProblems({ ...entry, ...over }, alone ? body : body + BOTH_CITED, FILE).map((p) => p.message);
}

describe("claims need a citation in their paragraph", () => {
  it("fails a sentence with a year and no marker, naming the file, line and sentence", () => {
    expect(problems("## What is it?\n\nCUDA arrived in 2007. It made GPUs easy to program.")).toEqual([
      'content/glossary/alpha-term.mdx:3: sentence needs a citation in its paragraph (it states "2007"): "CUDA arrived in 2007."',
    ]);
  });

  it("passes the same paragraph with a marker anywhere in it", () => {
    expect(problems('CUDA arrived in 2007.<Cite id="hinton-2012" /> It made GPUs easy to program.')).toEqual([]);
  });

  it("fails 'first' and plain numbers, in list items, steps, table rows and asides too", () => {
    const body = [
      "- The first network to win.",
      "",
      "<Steps>",
      "",
      "1. **Drop.** Switch off 50% of units.",
      "",
      "</Steps>",
      "",
      "| Field | Use |",
      "|---|---|",
      "| Vision | Won a contest in 2012. |",
      "| Speech | Fewer errors. |",
      "",
      "<MorePrecisely>",
      "",
      "Each unit is kept with probability 0.5.",
      "",
      "</MorePrecisely>",
    ].join("\n");
    expect(problems(body)).toEqual([
      'content/glossary/alpha-term.mdx:1: sentence needs a citation in its list item (it says "first"): "The first network to win."',
      'content/glossary/alpha-term.mdx:5: sentence needs a citation in its list item (it states "50"): "Switch off 50% of units."',
      'content/glossary/alpha-term.mdx:11: sentence needs a citation in its table row (it states "2012"): "Vision · Won a contest in 2012."',
      'content/glossary/alpha-term.mdx:16: sentence needs a citation in its paragraph (it states "0.5"): "Each unit is kept with probability 0.5."',
    ]);
  });

  it("accepts a marker in another cell of the same table row", () => {
    expect(problems('| Field | Use |\n|---|---|\n| Vision | Won a contest in 2012. <Cite id="hinton-2012" /> |')).toEqual([]);
  });

  it("does not need a marker for names with digits, or numbers in math, code, props and headings", () => {
    const body = [
      "## Why 2017 matters",
      "",
      "GPT-4 runs on H100 chips with int8 weights; Llama 3.1 is another model.",
      "",
      '<Figure number={1} src="/illustrations/a.svg" width={800} height={400} alt="">A drawing.</Figure>',
      "",
      '<Overfitting l2={0.01} highlight="l2" />',
      "",
      "The output is $y = 2x + 0.5$, written `f(3)` in code.",
      "",
      "$$",
      "p = 0.5",
      "$$",
    ].join("\n");
    expect(problems(body)).toEqual([]);
  });
});

describe("markers and sources match", () => {
  it("fails a marker naming a source the entry does not have", () => {
    expect(problems('It works.<Cite id="nobody-2020" />')).toEqual(['content/glossary/alpha-term.mdx:1: <Cite id="nobody-2020" /> names no source of this entry (sources[].id)']);
  });

  it("fails a source that is never cited, naming its field", () => {
    expect(problems('It works.<Cite id="hinton-2012" />', {}, true)).toEqual([
      'content/glossary/alpha-term.mdx: field "sources[1].id" "srivastava-2014" is never cited: put <Cite id="srivastava-2014" /> after the claim it supports',
    ]);
  });
});

describe("length", () => {
  const words = (n: number) => `${Array.from({ length: n }, (_, i) => (i === 0 ? "Word" : "word")).join(" ")}.`;

  it("fails a 31-word sentence and passes a 30-word one", () => {
    expect(problems(words(30))).toEqual([]);
    expect(problems(words(31))).toEqual([`content/glossary/alpha-term.mdx:1: sentence has 31 words (at most 30): "${words(31).slice(0, 90).replace(/\s+\S*$/, "")} …"`]);
  });

  it("counts each table cell on its own", () => {
    expect(problems(`| A | B |\n|---|---|\n| ${words(20)} | ${words(20)} |`)).toEqual([]);
  });

  it("fails a definition of two sentences or over 30 words", () => {
    expect(problems("Fine.", { definition: "A term. Another sentence here." })).toEqual(['content/glossary/alpha-term.mdx: field "definition" must be one sentence (it has 2)']);
    expect(problems("Fine.", { definition: words(32) })).toEqual(['content/glossary/alpha-term.mdx: field "definition" has 32 words (at most 30)']);
  });
});

describe("aliases", () => {
  it("fails an alias the body never uses, and finds one in any case, in a heading or a contrast-note title", () => {
    expect(problems("Dropout rate: the share of units switched off.", { aliases: ["dropout rate", "DL", "inverted dropout", "Bagging"] })).toEqual([
      'content/glossary/alpha-term.mdx: field "aliases[1]" "DL" does not appear in the body: use it where the text explains it',
      'content/glossary/alpha-term.mdx: field "aliases[2]" "inverted dropout" does not appear in the body: use it where the text explains it',
      'content/glossary/alpha-term.mdx: field "aliases[3]" "Bagging" does not appear in the body: use it where the text explains it',
    ]);
    expect(problems('## Inverted dropout\n\n<ContrastNote title="Bagging or dropout?">\n\nWords.\n\n</ContrastNote>', { aliases: ["inverted dropout", "bagging"] })).toEqual([]);
  });

  it("does not find an alias inside another word", () => {
    expect(problems("It handles models.", { aliases: ["DL"] })).toHaveLength(1);
  });
});

it("keeps markup out of front-matter text, which search, feeds and llms.txt show as it is", () => {
  expect(problems("Fine.", { definition: 'A term with a marker.<Cite id="hinton-2012" />', takeaways: ["Costs $5 to $10 a month.", "Scales as $n^2$.", "Plain."] })).toEqual([
    'content/glossary/alpha-term.mdx: field "definition" must be plain text, without <Cite>, tags or $…$ math: it is shown as it is in search, feeds and llms.txt',
    'content/glossary/alpha-term.mdx: field "takeaways[1]" must be plain text, without <Cite>, tags or $…$ math: it is shown as it is in search, feeds and llms.txt',
  ]);
});

it("reports malformed MDX with its line instead of throwing", () => {
  expect(problems("Fine.\n\n<Cite id=\"x\"", {}, true)[0]).toMatch(/^content\/glossary\/alpha-term\.mdx:3: is not valid MDX: /);
});
