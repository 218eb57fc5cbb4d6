import { expect, test, type Page } from "@playwright/test";

// Once laid out whole, an entry's blocks away from the viewport skip layout and paint
// (content-visibility: auto in app/globals.css, on the blocks components/entry/SkipOffscreen.tsx marks).
// The containment that brings stops margins collapsing through a block, so these tests hold the page
// to the layout it has with every block rendered and nothing contained.
const ENTRIES = ["/glossary/attention", "/glossary/dropout", "/glossary/gradient-descent"];

/** Waits until the sources, at the foot of the page, are marked to skip drawing while far. */
async function skipping(page: Page) {
  await expect(page.locator(".sources ol")).toHaveAttribute("data-skip-when-far", "far");
}

/** Every block of the entry, two levels down, by its place: its top and height, and the page's height. */
function blocks(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, [number, number]> = {};
    const all = document.querySelectorAll("article.entry > *, .prose > *, article.entry > * > *, .prose > * > *, .site-footer");
    all.forEach((el, i) => {
      const r = el.getBoundingClientRect();
      out[`${i} ${el.tagName.toLowerCase()}.${el.className}`] = [Math.round(r.top + scrollY), Math.round(r.height)];
    });
    out.page = [document.documentElement.scrollHeight, 0];
    return out;
  });
}

for (const width of [375, 1280]) {
  test(`at ${width} px, an entry lays out the same with its far blocks skipped as with every block rendered`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ENTRIES) {
      await page.goto(path);
      await skipping(page);
      // Render every skippable block, keeping the containment that skipping brings; then without it.
      const skippable = await page.evaluate(() => {
        const found = [...document.querySelectorAll<HTMLElement>("[data-skip-when-far]")];
        for (const el of found) el.style.cssText += "content-visibility: visible !important; contain: layout style paint !important;";
        return found.length;
      });
      expect(skippable, path).toBeGreaterThan(10);
      const contained = await blocks(page);
      await page.addStyleTag({ content: "* { content-visibility: visible !important; contain: none !important; }" });
      expect(await blocks(page), path).toEqual(contained);
    }
  });
}

test("a far block is skipped at the top of the page, and drawn where it was when the reader jumps to it", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/glossary/attention");
  await skipping(page);
  const source = page.locator(".sources ol > li").first();
  const drawn = () => source.evaluate((li) => li.checkVisibility({ contentVisibilityAuto: true }));
  expect(await drawn()).toBe(false);
  await source.scrollIntoViewIfNeeded();
  await expect.poll(drawn).toBe(true);
  await expect(source).toBeInViewport();
});
