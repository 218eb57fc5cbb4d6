import { expect, test } from "@playwright/test";
for (const colorScheme of ["light", "dark"] as const)
  for (const width of [375, 1280])
    test(`shot ${colorScheme} ${width}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(process.env.SHOT_PATH ?? "/glossary/convolutional-neural-network");
      const w = page.locator('[data-widget="convolution"]');
      await w.scrollIntoViewIfNeeded();
      await expect(w.locator(".widget__badge")).toHaveText(/TF\.js/, { timeout: 20000 });
      await page.waitForTimeout(300);
      await w.screenshot({ path: `/tmp/cv/shots/${colorScheme}-${width}.png` });
    });
