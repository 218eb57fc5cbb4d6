import { describe, expect, it } from "vitest";
import { normalize } from "./props";

describe("an entry's props as the first state", () => {
  it("keeps a known question and size", () => {
    expect(normalize({ question: "inference", maxSize: 512 })).toEqual({ question: "inference", maxSize: 512 });
  });

  it("falls back to the GPU question and the largest size", () => {
    expect(normalize({})).toEqual({ question: "gpu", maxSize: 1024 });
    expect(normalize({ question: "speed" as never, maxSize: 300 })).toEqual({ question: "gpu", maxSize: 1024 });
  });
});
