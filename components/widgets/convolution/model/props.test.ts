import { describe, expect, it } from "vitest";
import { LAYER2 } from "./kernels";
import { normalize } from "./props";

describe("an entry's props as the first state", () => {
  it("keeps a digit, a preset filter and a known shape", () => {
    const shape = LAYER2.findIndex((s) => s.id === "top-right");
    expect(normalize({ digit: 7, filter: "horizontal", shape: "top-right" })).toEqual({ digit: 7, filter: "horizontal", shape });
  });

  it("falls back to a 3, the vertical filter and the first shape", () => {
    expect(normalize({})).toEqual({ digit: 3, filter: "vertical", shape: 0 });
    expect(normalize({ digit: 12, filter: "custom", shape: "hexagon" })).toEqual({ digit: 3, filter: "vertical", shape: 0 });
    expect(normalize({ digit: 2.5 }).digit).toBe(3);
  });
});
