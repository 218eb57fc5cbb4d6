import { describe, expect, it } from "vitest";
import { DEFAULT_WINDOW } from "./presets";
import { normalize } from "./props";

describe("an entry's props as the first state", () => {
  it("keeps a known example and window", () => {
    expect(normalize({ preset: "long", window: 8192 })).toEqual({ preset: "long", windowTokens: 8192 });
  });

  it("falls back to the English example and the default window", () => {
    expect(normalize({})).toEqual({ preset: "english", windowTokens: DEFAULT_WINDOW });
    expect(normalize({ preset: "klingon" as never, window: 1000 })).toEqual({ preset: "english", windowTokens: DEFAULT_WINDOW });
  });
});
