import { describe, expect, it } from "vitest";
import { styled } from "@/lib/mdx/rehype-mathml-core.mjs";

describe("styled", () => {
  it("maps letters, digits and Greek to the Unicode mathematical alphabets", () => {
    expect(["w", "W", "0", "θ", "Ω"].map((c) => styled(c, "bold")).join(" ")).toBe("𝐰 𝐖 𝟎 𝛉 𝛀");
    expect(["A", "z", "1"].map((c) => styled(c, "double-struck")).join(" ")).toBe("𝔸 𝕫 𝟙");
  });

  it("uses the letters Unicode encoded before the block (ℝ, ℒ, ℎ)", () => {
    expect([styled("R", "double-struck"), styled("L", "script"), styled("h", "italic"), styled("H", "fraktur")].join(" ")).toBe("ℝ ℒ ℎ ℌ");
  });

  it("leaves what a style has no letter for, and unknown styles, alone", () => {
    expect(styled("θ", "script")).toBe("θ");
    expect(styled("+", "bold")).toBe("+");
    expect(styled("x", "normal")).toBe("x");
  });
});
