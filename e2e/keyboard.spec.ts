import { expect, test } from "@playwright/test";
import { pages } from "./site";

// Every kind of page, and the entries with the most links; the chrome is shared by all.
const SAMPLE = pages.filter((p) => !p.startsWith("/glossary/") || ["/glossary/deep-learning", "/glossary/neural-network", "/glossary/transformer", "/glossary/category/ml"].includes(p));

for (const path of SAMPLE) {
  test(`Tab alone reaches every link on ${path}, with a visible focus ring`, async ({ page, browserName }) => {
    test.skip(browserName !== "chromium");
    await page.goto(path);
    const links = await page.locator("a[href]").evaluateAll((els) => els.map((el, i) => ((el as HTMLElement).dataset.kbd = String(i))));
    const reached = new Set<string>();
    // Widgets add many controls between the links: keep tabbing until every link was reached.
    for (let i = 0; i < 800 && reached.size < links.length; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { id: el.dataset.kbd ?? null, ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 };
      });
      if (focused?.id) {
        expect(focused.ring, `focus ring on link ${focused.id}`).toBe(true);
        reached.add(focused.id);
      }
    }
    expect(reached.size).toBe(links.length);
  });
}
