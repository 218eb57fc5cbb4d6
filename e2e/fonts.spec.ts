import { expect, test } from "@playwright/test";

// app/fonts.ts preloads only the serif's upright face; its italic is declared in globals.css under
// the same family. If next/font ever named the family differently, italics would quietly turn into
// a slanted copy of the upright face: this catches that.
test("the serif's italic is a face of the serif's own family, fetched only when used, never preloaded", async ({ page }) => {
  const fontRequests: string[] = [];
  page.on("request", (r) => r.resourceType() === "font" && fontRequests.push(r.url()));
  await page.goto("/glossary/epoch", { waitUntil: "networkidle" });
  const preloaded = await page.locator("link[rel=preload][as=font]").evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  // One file before the first paint: the serif's upright face. UI labels use the system sans.
  expect(preloaded).toHaveLength(1);
  expect(preloaded[0]).toMatch(/source_serif_4.*normal/);
  // An entry page has no serif italic, so the reader never downloads it.
  expect(fontRequests.filter((url) => /serif.*italic/.test(url))).toEqual([]);

  const probe = await page.evaluate(async () => {
    const p = document.createElement("p");
    p.textContent = "An italic aside.";
    p.style.cssText = "font-family: var(--serif); font-style: italic";
    document.querySelector("main")!.append(p);
    const family = getComputedStyle(p).fontFamily.split(",")[0].trim().replace(/^"|"$/g, "");
    await document.fonts.load(`italic 16px "${family}"`, p.textContent);
    return [...document.fonts].filter((f) => f.family.replace(/^"|"$/g, "") === family).map((f) => ({ style: f.style, status: f.status }));
  });
  expect(probe).toContainEqual({ style: "normal", status: "loaded" });
  expect(probe).toContainEqual({ style: "italic", status: "loaded" });
  await expect.poll(() => fontRequests.filter((url) => /serif.*italic/.test(url)).length).toBe(1);
});
