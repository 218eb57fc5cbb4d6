import { describe, expect, it } from "vitest";
import { groupByInitial, membersOf, readingMinutes } from "@/lib/content/derive";

describe("readingMinutes", () => {
  it("counts about 220 words a minute and never says zero", () => {
    const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");
    expect(readingMinutes({ definition: "", takeaways: [], body: words(1100) })).toBe(5);
    expect(readingMinutes({ definition: "", takeaways: [], body: "" })).toBe(1);
  });

  it("does not count markup as words", () => {
    const markup = "<Steps>\n| --- | --- |\n</Steps>\n".repeat(500);
    expect(readingMinutes({ definition: "", takeaways: [], body: markup })).toBe(1);
  });

  it("reads a formula as one word and a citation marker as none", () => {
    const body = '$\\mathbb{E}[x] = \\frac{p \\cdot h}{p} = h$<Cite id="srivastava-2014" /> '.repeat(440);
    expect(readingMinutes({ definition: "", takeaways: [], body })).toBe(2);
    expect(readingMinutes({ definition: "", takeaways: [], body: "$$\nE = m c^2 + a + b + c\n$$\n".repeat(440) })).toBe(2);
  });
});

describe("groupByInitial", () => {
  it("groups titles under their first letter, A to Z", () => {
    const groups = groupByInitial([{ title: "GPU" }, { title: "Artificial Intelligence" }, { title: "attention" }]);
    expect(groups.map(([letter, items]) => [letter, items.map((i) => i.title)])).toEqual([
      ["A", ["Artificial Intelligence", "attention"]],
      ["G", ["GPU"]],
    ]);
  });
});

describe("membersOf", () => {
  it("holds an entry in every category on its breadcrumb path, not only its last", () => {
    const entries = [
      { slug: "cnn", category: ["intelligence", "ai", "ml", "architectures"] },
      { slug: "agi", category: ["intelligence"] },
    ];
    expect(membersOf(entries, "ml").map((e) => e.slug)).toEqual(["cnn"]);
    expect(membersOf(entries, "intelligence").map((e) => e.slug)).toEqual(["cnn", "agi"]);
    expect(membersOf(entries, "hardware")).toEqual([]);
  });
});
