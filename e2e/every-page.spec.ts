import { expect, test } from "@playwright/test";
import { structureProblems } from "./page-structure";
import { watchForProblems } from "./support/page-problems";
import { NOT_FOUND_PAGE, pages } from "./site";

// What the words of a page could break, checked on every page: it fits a phone, its headings,
// pictures, links and tables are readable by a screen reader, it asks nothing of another origin and
// logs no error. (axe's full scan and running every widget happen on a covering sample:
// accessibility.spec.ts, privacy.spec.ts.)
test.use({ viewport: { width: 375, height: 740 } });

const BATCH = 12;
const all = [...pages, NOT_FOUND_PAGE];
for (let start = 0; start < all.length; start += BATCH) {
  const batch = all.slice(start, start + BATCH);
  test(`pages ${start + 1}–${start + batch.length} of ${all.length} (${batch[0]} …): fit 375 px, readable structure, our origin only, no error`, async ({ page }) => {
    // The missing page answers 404 on purpose; its console line about that is not a fault.
    const problems = await watchForProblems(page, (text, url) => url.endsWith(NOT_FOUND_PAGE) && text.includes("404"));
    for (const path of batch) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) problems.push(`${path}: ${width} px wide at 375 px`);
      problems.push(...(await page.evaluate(structureProblems)).map((p) => `${path}: ${p}`));
    }
    expect(problems).toEqual([]);
  });
}

test("the structure check finds what a screen reader would stumble on", async ({ page }) => {
  await page.setContent(`<html><body><h1>T</h1><h3>Skipped</h3><img src="x.png"><a href="/a"></a>
    <table><tr><td>1</td></tr></table><p id="d"></p><p id="d"></p></body></html>`);
  expect(await page.evaluate(structureProblems)).toEqual([
    "the page has no lang",
    'heading "Skipped" jumps from h1 to h3',
    "image x.png has no alt",
    "link to /a has no name",
    "a table without header cells (1…)",
    'id "d" is used twice',
  ]);
});
