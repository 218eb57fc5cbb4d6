import { describe, expect, it } from "vitest";
import { cl100k } from "../model/codec";
import { tokenize } from "../model/tokens";
import { chipItems } from "./chips";

const keys = (text: string) => chipItems(tokenize(text, cl100k).tokens).map((d) => d.key);

describe("chip keys", () => {
  it("are unique, even for a token used many times", () => {
    const k = keys("the cat and the dog and the bird\nthe end\n");
    expect(new Set(k).size).toBe(k.length);
  });

  it("put a line break after every token that ends a line", () => {
    const items = chipItems(tokenize("a\nb\n\nc", cl100k).tokens);
    expect(items.filter((d) => d.kind === "break")).toHaveLength(2);
  });

  it("stay put for the chips after an edit near the start, so those chips are not redrawn", () => {
    const before = keys("Quarterly report, page three. Sales rose by a fifth in the north.");
    const after = keys("A quarterly report, page three. Sales rose by a fifth in the north.");
    const tail = (k: string[]) => k.slice(-8);
    expect(tail(after)).toEqual(tail(before));
  });
});
