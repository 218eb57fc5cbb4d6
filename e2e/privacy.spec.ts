import { expect, test } from "@playwright/test";
import { samplePages } from "./site";
import { watchForProblems } from "./support/page-problems";

// Every page loads without leaving our origin in every-page.spec.ts; here every widget runs too, in
// each of its modes (e2e/site.ts: coveringEntries).
test("every page kind and every widget in each of its modes, running, stays on our origin, breaks no CSP rule and logs no error", async ({ page }) => {
  test.setTimeout(180_000);
  const problems = await watchForProblems(page);
  for (const path of samplePages) {
    await page.goto(path, { waitUntil: "networkidle" });
    for (const widget of await page.locator("[data-widget]").all()) {
      await widget.scrollIntoViewIfNeeded();
      await expect(widget).toHaveAttribute("data-live", "true", { timeout: 20_000 });
      const play = widget.getByRole("button", { name: "Play" });
      if (await play.count()) {
        await play.click();
        await page.waitForTimeout(1_000);
        await widget.getByRole("button", { name: "Pause" }).click();
      }
    }
  }
  expect(problems).toEqual([]);
});

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/", "/glossary/deep-learning", "/api/subscribe", "/illustrations/gpu.svg", "/no-such-page"]) {
    const headers = (await request.get(path)).headers();
    const csp = headers["content-security-policy"];
    expect(csp, path).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/(^|\s)'unsafe-eval'/);
    expect(csp).not.toMatch(/https?:\/\//);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  }
});
