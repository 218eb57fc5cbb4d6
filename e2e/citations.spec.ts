import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Dropout carries citation markers, a "More precisely" aside with math and a contrast note.
const ENTRY = "/glossary/dropout";

async function markers(page: Page) {
  return page.locator(".prose sup.cite a").evaluateAll((links) => links.map((a) => ({ id: a.id, href: a.getAttribute("href")!, text: a.textContent.replace("\u2060", ""), name: a.getAttribute("aria-label")! })));
}

test("each marker's number is its source's place in the Sources list, and the source links back", async ({ page }) => {
  await page.goto(ENTRY);
  const all = await markers(page);
  expect(all.length).toBeGreaterThan(0);
  const order = await page.locator(".sources ol > li").evaluateAll((items) => items.map((li) => `#${li.id}`));
  for (const marker of all) {
    const n = order.indexOf(marker.href) + 1;
    expect(marker.text, marker.id).toBe(`[${n}]`);
    expect(marker.name, marker.id).toMatch(new RegExp(`^Source ${n}: .+`));
  }
  // The first marker is [1]: numbering follows first citation.
  expect(all[0].text).toBe("[1]");

  const first = page.locator(".prose sup.cite a").first();
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${all[0].href}$`));
  const source = page.locator(all[0].href);
  await expect(source).toBeInViewport();
  await expect(source).toHaveCSS("background-color", await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--tint").trim()).then(hexToRgb));

  await source.locator(`a[href="#${all[0].id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#${all[0].id}$`));
  await expect(first).toBeInViewport();
});

test("the 'More precisely' aside opens from the keyboard and shows its formulas as MathML", async ({ page }) => {
  await page.goto(ENTRY);
  const aside = page.locator("details.more-precisely").first();
  const summary = aside.locator("summary");
  await expect(summary).toHaveText("More precisely");
  await expect(aside.locator("math").first()).toBeHidden();
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(aside).toHaveAttribute("open", "");
  const math = aside.locator("math").first();
  await expect(math).toBeVisible();
  expect(await math.evaluate((el) => el.namespaceURI)).toBe("http://www.w3.org/1998/Math/MathML");
  // No KaTeX HTML layer, stylesheet or font: the browser lays out the MathML itself.
  await expect(page.locator(".katex-html")).toHaveCount(0);
  await page.keyboard.press("Space");
  await expect(aside).not.toHaveAttribute("open", "");
});

test("the contrast note is a labelled aside", async ({ page }) => {
  await page.goto(ENTRY);
  const note = page.locator("aside.contrast-note").first();
  await expect(note).toBeVisible();
  await expect(note).toHaveAttribute("aria-label", /^Often confused: .+/);
});

test("markers and the aside work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ENTRY);
  const first = page.locator(".prose sup.cite a").first();
  const href = (await first.getAttribute("href"))!;
  await first.click();
  await expect(page.locator(href)).toBeInViewport();
  await page.locator("details.more-precisely summary").first().click();
  await expect(page.locator("details.more-precisely math").first()).toBeVisible();
  await context.close();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations with the aside open and a source targeted (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(ENTRY);
    await page.locator("details.more-precisely summary").first().click();
    await page.locator(".prose sup.cite a").first().click();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
