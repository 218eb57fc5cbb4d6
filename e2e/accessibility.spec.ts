import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { pages } from "./site";

/** Dark mode shares every component with light mode; these pages cover all of them in both themes. */
const DARK_SAMPLE = new Set(["/", "/glossary", "/glossary/category/ml", "/glossary/deep-learning", "/glossary/gpu", "/compare", "/newsletter", "/letters"]);

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const path of [...pages, "/glossary/no-such-term"]) {
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
