import { expect, test, type Page } from "@playwright/test";

const SECTIONS = ["What is deep learning?", "A real-world analogy", "Why it matters", "How it works", "Common examples", "Key takeaway", "Related terms", "Sources"];

async function expectCompleteEntry(page: Page) {
  const article = page.locator("article.entry");
  const crumbs = article.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link");
  await expect(crumbs).toHaveText(["Glossary", "Intelligence", "AI", "ML"]);
  await expect(article.getByRole("heading", { level: 1 })).toHaveText("Deep Learning");
  await expect(article.locator(".dek")).toContainText(/layer/i);
  await expect(article.locator(".hero img")).toHaveAttribute("src", "/illustrations/deep-learning.svg");
  await expect(article.getByRole("heading", { name: "Key takeaways" })).toBeVisible();
  await expect(article.locator(".takeaways li")).toHaveCount(3);

  // Every section, in the order the design asks for.
  const h2s = await article.locator("h2").allTextContents();
  expect(h2s.filter((h) => SECTIONS.includes(h))).toEqual(SECTIONS);
  expect(h2s.indexOf("Key takeaways")).toBeLessThan(h2s.indexOf("What is deep learning?"));

  const figure = article.locator("figure.figure");
  await expect(figure.locator("figcaption")).toContainText(/^Fig\. 1\b/);
  await expect(figure.locator("img")).toHaveAttribute("alt", /.{20,}/);
  await expect(article.locator("aside.analogy")).toContainText(/student/i);
  await expect(article.locator(".steps ol > li")).toHaveCount(4);
  await expect(article.locator(".steps ol > li").nth(2)).toContainText(/backpropagation/i);
  await expect(article.locator(".prose")).toContainText(/transfer learning/i);
  expect(await article.locator(".prose table tbody tr").count()).toBeGreaterThanOrEqual(7);
  await expect(article.locator(".key-takeaway")).not.toBeEmpty();

  const related = article.locator(".related .card");
  await expect(related.getByRole("link")).toHaveText(["Machine Learning", "Neural Network", "Large Language Model", "Artificial Intelligence", "GPU"]);
  for (const gloss of await related.locator(".card__gloss").allTextContents()) expect(gloss.length).toBeGreaterThan(10);
  await expect(article.locator(".sources li")).toHaveCount(await article.locator(".sources li").count());
  await expect(article.locator(".sources")).toContainText("LeCun");
  await expect(article.locator(".sources")).toContainText("Goodfellow");
}

test("the Deep Learning entry shows every section, in order", async ({ page }) => {
  const response = await page.goto("/glossary/deep-learning");
  expect(response?.status()).toBe(200);
  await expectCompleteEntry(page);
  await expect(page).toHaveTitle("Deep Learning · LumoMate");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /layer/i);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/glossary\/deep-learning$/);
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });
  test("the entry still reads completely", async ({ page }) => {
    await page.goto("/glossary/deep-learning");
    await expectCompleteEntry(page);
  });
});

test("breadcrumb crumbs lead to their category pages", async ({ page }) => {
  await page.goto("/glossary/deep-learning");
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "ML" }).click();
  await expect(page).toHaveURL(/\/glossary\/category\/ml$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ML");
  await expect(page.getByRole("link", { name: "Deep Learning" })).toBeVisible();
});
