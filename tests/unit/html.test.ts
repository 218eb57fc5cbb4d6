import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/html";

describe("escapeHtml", () => {
  it("turns every character with a meaning in markup into its entity, and leaves the rest", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    expect(escapeHtml("Bias–Variance Tradeoff: σ²")).toBe("Bias–Variance Tradeoff: σ²");
  });
});
