import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { NOT_FOUND_PAGE, samplePages } from "./site";

/** Dark mode shares every component with light mode; these pages cover all of them in both themes. */
const DARK_SAMPLE = new Set(["/", "/glossary", "/glossary/category/ml", "/glossary/deep-learning", "/glossary/gpu", "/compare", "/newsletter", "/letters"]);

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

// Every page kind and a covering sample of entries (site.ts): entries share one template, so what
// differs between them (headings, pictures, links, tables) is checked on every page in every-page.spec.ts.
for (const path of [...samplePages, NOT_FOUND_PAGE]) {
  test(`axe finds no violations on ${path}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    expect(await violations(page)).toEqual([]);
    if (DARK_SAMPLE.has(path)) {
      await page.emulateMedia({ colorScheme: "dark" });
      expect(await violations(page)).toEqual([]);
    }
  });
}
