import { expect, test } from "@playwright/test";
import { pages } from "./site";

test.use({ viewport: { width: 375, height: 740 } });

for (const path of [...pages, "/glossary/no-such-term"]) {
  test(`nothing overflows sideways at 375 px on ${path}`, async ({ page }) => {
    await page.goto(path);
    const widest = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(widest).toBeLessThanOrEqual(375);
  });
}
