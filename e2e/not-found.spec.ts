import { expect, test } from "@playwright/test";

test("an unknown entry gives a styled 404 with a way back", async ({ page }) => {
  const response = await page.goto("/glossary/no-such-term");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/no page by that name/i);
  await page.getByRole("link", { name: "Browse the glossary" }).click();
  await expect(page).toHaveURL(/\/glossary$/);
});

test("an unknown category is a 404 too", async ({ request }) => {
  expect((await request.get("/glossary/category/astrology")).status()).toBe(404);
});
