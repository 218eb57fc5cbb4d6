import { describe, expect, it } from "vitest";
import { normalize } from "./props";
import { stateFromQuery, withState } from "./url";

const base = normalize({});

describe("the widget's state in the address", () => {
  it("reads nothing as the entry's own state", () => {
    expect(stateFromQuery(new URLSearchParams(""), base)).toEqual({ ...base, piece: null });
  });

  it("round-trips a changed state and keeps other parameters", () => {
    const state = { prompt: "the cat, and it", layer: 0, head: 3, temperature: 1.5, topK: 10, piece: 4 };
    const href = withState("https://lumomate.test/glossary/attention?x=1#how", state, base);
    expect(href).toMatch(/^\/glossary\/attention\?x=1&tt-prompt=.+#how$/);
    expect(stateFromQuery(new URL(href, "https://lumomate.test").searchParams, base)).toEqual(state);
  });

  it("writes nothing for the entry's own state, and ignores nonsense", () => {
    expect(withState("https://lumomate.test/a?tt-head=2", { ...base, piece: null }, base)).toBe("/a");
    expect(stateFromQuery(new URLSearchParams("tt-layer=9&tt-head=x&tt-t=&tt-piece=0"), base)).toEqual({ ...base, piece: null });
  });
});
