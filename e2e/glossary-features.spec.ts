import { expect, test } from "@playwright/test";
import { glossary } from "./site";

test("hovering a link to another entry previews it; Escape closes; the preview never covers the link's line", async ({ page }) => {
  await page.goto("/glossary/deep-learning");
  const link = page.locator(".prose a[href='/glossary/neural-network']").first();
  const card = page.getByRole("tooltip");
  // The previews listen once the page has hydrated; on a busy machine that can come after load.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await link.hover();
    await expect(card).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(card).toContainText("Neural Network");
  await expect(card).toContainText(glossary.bySlug.get("neural-network")!.definition);
  await expect(link).toHaveAttribute("aria-describedby", "link-preview");
  const linkBox = (await link.boundingBox())!;
  const cardBox = (await card.boundingBox())!;
  expect(cardBox.y >= linkBox.y + linkBox.height || cardBox.y + cardBox.height <= linkBox.y).toBe(true);
  await page.keyboard.press("Escape");
  await expect(card).toBeHidden();
});

test("focusing a link by keyboard previews it too", async ({ page }) => {
  await page.goto("/glossary/transformer");
  const link = page.locator(".prose a[href^='/glossary/']").first();
  await expect(async () => {
    await link.blur();
    await link.focus();
    await expect(page.getByRole("tooltip")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("tooltip")).toBeHidden();
});

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  test("a tap follows the link, with no preview in the way", async ({ page }) => {
    await page.goto("/glossary/deep-learning");
    await page.locator(".prose a[href='/glossary/neural-network']").first().tap();
    await expect(page).toHaveURL(/\/glossary\/neural-network$/);
  });
});

test("each entry ends with 'Mentioned in', and a deeper entry says what to read first", async ({ page }) => {
  await page.goto("/glossary/neural-network");
  const mentioned = page.getByRole("region", { name: "Mentioned in" });
  await expect(mentioned.getByRole("link", { name: "Deep Learning" })).toBeVisible();
  await page.goto("/glossary/transformer");
  const readFirst = page.getByRole("navigation", { name: "New to this? Read these first" });
  expect(await readFirst.getByRole("link").count()).toBeGreaterThan(0);
  await page.goto("/glossary/artificial-intelligence");
  await expect(page.getByRole("navigation", { name: "New to this? Read these first" })).toHaveCount(0);
});

test("the home page offers a route through the foundations, then every category", async ({ page }) => {
  await page.goto("/");
  const route = page.getByRole("region", { name: "A route through the foundations" });
  await expect(route.getByRole("link").first()).toHaveText("Artificial Intelligence");
  expect(await route.getByRole("listitem").count()).toBeGreaterThanOrEqual(6);
  // Below it, every category with what it covers, and the way to the whole A–Z.
  const categories = page.getByRole("region", { name: "Explore by category" });
  await expect(categories.getByRole("listitem")).toHaveCount(glossary.categories.length);
  await categories.getByRole("link", { name: `All ${glossary.entries.length} entries, A to Z` }).click();
  await expect(page).toHaveURL(/\/glossary$/);
});

test("the A–Z index jumps to a letter, and category pages list their entries", async ({ page }) => {
  await page.goto("/glossary");
  await page.getByRole("navigation", { name: "Letters" }).getByRole("link", { name: "T", exact: true }).click();
  await expect(page).toHaveURL(/#letter-T$/);
  await expect(page.getByRole("heading", { level: 3, name: "T", exact: true })).toBeInViewport();
  const firstT = page.locator('section[aria-labelledby="letter-T"]').getByRole("link").first();
  await expect(firstT).toBeInViewport();
  // The index lists titles alone; a title's definition shows on hover, as in an entry's prose.
  const slug = (await firstT.getAttribute("href"))!.split("/").pop()!;
  await expect(async () => {
    await page.mouse.move(0, 0);
    await firstT.hover();
    await expect(page.getByRole("tooltip")).toContainText(glossary.bySlug.get(slug)!.definition, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  // Each category says how many entries it holds, and its page lists exactly that many.
  const byCategory = page.locator(".by-category li");
  const stated = new Map<string, number>();
  for (const item of await byCategory.all()) {
    const link = item.getByRole("link");
    stated.set((await link.getAttribute("href"))!, Number((await item.locator(".category-list__count").textContent())!.match(/(\d+)/)![1]));
  }
  expect(stated.size).toBe(glossary.categories.length);
  for (const [href, count] of stated) {
    await page.goto(href);
    await expect(page.locator("main .entry-list > li")).toHaveCount(count);
  }
  await page.goto("/glossary/category/architectures");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Architectures");
  await expect(page.getByRole("link", { name: "Convolutional Neural Network" })).toBeVisible();
});

test("compare pages set terms readers confuse side by side", async ({ page }) => {
  await page.goto("/compare");
  const links = page.locator(".entry-list a");
  expect(await links.count()).toBeGreaterThanOrEqual(4);
  await page.goto("/compare/ai-vs-machine-learning-vs-deep-learning");
  await expect(page.getByRole("columnheader", { name: "Deep Learning" })).toBeVisible();
  await expect(page.locator(".compare-sides .card")).toHaveCount(3);
  await expect(page.locator(".compare-sides")).toContainText(glossary.bySlug.get("machine-learning")!.definition);
  await page.goto("/compare/gpu-vs-cpu");
  await expect(page.getByRole("columnheader", { name: "CPU" })).toBeVisible();
  // Each entry links the pages that compare it, even when it explains both sides itself.
  await page.goto("/glossary/precision-and-recall");
  await page.getByRole("region", { name: "Compare side by side" }).getByRole("link", { name: "Precision vs recall" }).click();
  await expect(page).toHaveURL(/\/compare\/precision-vs-recall$/);
  await expect(page.locator(".compare-sides .card")).toHaveCount(2);
});

test("every entry shows its reading time and its updated date", async ({ page }) => {
  await page.goto("/glossary/epoch");
  await expect(page.locator(".byline")).toContainText(/\d+ min read/);
  await expect(page.locator(".byline time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
});
