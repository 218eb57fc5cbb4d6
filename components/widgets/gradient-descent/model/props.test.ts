import { describe, expect, it } from "vitest";
import { normalize } from "./props";

describe("an entry's props as the first state", () => {
  it("keeps a known surface and snaps the rate to one offered", () => {
    expect(normalize({ surface: "ravine", rate: 0.1 })).toEqual({ surface: "ravine", rate: 0.1 });
    expect(normalize({ surface: "minima", rate: 0.25 })).toEqual({ surface: "minima", rate: 0.3 });
  });

  it("falls back to the bowl and the default rate", () => {
    expect(normalize({})).toEqual({ surface: "bowl", rate: 0.1 });
    expect(normalize({ surface: "volcano" as never, rate: Number.NaN })).toEqual({ surface: "bowl", rate: 0.1 });
  });
});
