import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const launcher = (page: Page) => page.locator(".site-header").getByRole("button", { name: "Search" });
const dialog = (page: Page) => page.getByRole("dialog", { name: "Search the glossary" });
const searchBox = (page: Page) => dialog(page).getByRole("combobox", { name: "Search the glossary" });
const results = (page: Page) => dialog(page).getByRole("listbox", { name: "Results" }).getByRole("option");

/** A page with the header's search button, hydrated (the shortcut listener is React's). */
async function ready(page: Page, path = "/glossary") {
  await page.goto(path);
  await expect(launcher(page)).toHaveAttribute("aria-haspopup", "dialog");
}

test("/ opens search; typing “nueral” lists Neural Network first; ArrowDown + Enter opens it", async ({ page }) => {
  await ready(page);
  await page.keyboard.press("/");
  await expect(dialog(page)).toBeVisible();
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type("nueral");
  await expect(results(page).first()).toContainText("Neural Network");
  await expect(results(page).first().locator(".search-result__title")).toHaveText("Neural Network");
  await expect(dialog(page).getByRole("status")).toHaveText(/^\d+ results?$/);

  await page.keyboard.press("ArrowDown");
  await expect(results(page).first()).toHaveAttribute("aria-selected", "true");
  await expect(searchBox(page)).toHaveAttribute("aria-activedescendant", (await results(page).first().getAttribute("id"))!);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/glossary\/neural-network$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neural Network");
  await expect(dialog(page)).toBeHidden();
});

test("Ctrl+K opens search, Escape closes it and focus returns to the button", async ({ page }) => {
  await ready(page);
  await page.keyboard.press("Control+k");
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type("backprop");
  await expect(results(page).first()).toContainText("Backpropagation");
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toBeHidden();
  await expect(launcher(page)).toBeFocused();

  // ⌘-K as well, and the second time the last query is still there, selected.
  await page.keyboard.press("Meta+k");
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue("backprop");
  await page.keyboard.type("gpu");
  await expect(results(page).first()).toContainText("GPU");
});

test("letters typed while search is still loading are kept", async ({ page }) => {
  await ready(page);
  // A slow network: the index arrives half a second after the shortcut.
  await page.route("**/search-index.json", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await page.keyboard.press("/");
  await page.keyboard.type("transf");
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type("omer");
  await expect(searchBox(page)).toHaveValue("transfomer");
  await expect(results(page).first()).toContainText("Transformer");
});

test("the button opens search with a click; results are links; nothing found says so", async ({ page }) => {
  await ready(page);
  await launcher(page).click();
  await searchBox(page).fill("zzqxv");
  await expect(dialog(page).getByRole("status")).toHaveText("No results for “zzqxv”");
  await expect(results(page)).toHaveCount(0);
  await searchBox(page).fill("LLM");
  await expect(results(page).first()).toContainText("Large Language Model");
  await results(page).first().click();
  await expect(page).toHaveURL(/\/glossary\/large-language-model$/);
  await expect(dialog(page)).toBeHidden();
});

test("Enter with no result chosen goes to the full results page", async ({ page }) => {
  await ready(page);
  await page.keyboard.press("/");
  await page.keyboard.type("learning");
  await expect(results(page).first()).toBeVisible();
  await page.keyboard.press("Enter");
  // /search renders on the server; its first render in a fresh server reads the glossary (~2 s).
  await expect(page).toHaveURL(/\/search\?q=learning$/, { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “learning”");
});

test("/ typed into a field stays in the field", async ({ page }) => {
  await ready(page, "/newsletter");
  const email = page.getByRole("textbox", { name: /e-?mail/i }).first();
  await email.click();
  await page.keyboard.type("a/b");
  await expect(email).toHaveValue("a/b");
  await expect(dialog(page)).toBeHidden();
});

test("neither the index nor MiniSearch is fetched until search opens", async ({ page }) => {
  const indexRequests: string[] = [];
  const miniSearchScripts: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("search-index.json")) indexRequests.push(request.url());
  });
  page.on("response", async (response) => {
    if (!/\.js(\?|$)/.test(response.url())) return;
    const body = await response.text().catch(() => "");
    if (body.includes("MiniSearch: ")) miniSearchScripts.push(response.url());
  });
  await page.goto("/glossary/epoch", { waitUntil: "networkidle" });
  await expect(launcher(page)).toHaveAttribute("aria-haspopup", "dialog");
  await page.waitForTimeout(500);
  expect(indexRequests).toEqual([]);
  expect(miniSearchScripts).toEqual([]);

  // The same watch does see them once search opens.
  await page.keyboard.press("/");
  await page.keyboard.type("gpu");
  await expect(results(page).first()).toContainText("GPU");
  await expect.poll(() => indexRequests.length).toBe(1);
  await expect.poll(() => miniSearchScripts.length).toBeGreaterThan(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("/search?q=backprop lists Backpropagation, and the form searches again", async ({ page }) => {
    await page.goto("/search?q=backprop");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “backprop”");
    await expect(page.locator("main").getByRole("link", { name: "Backpropagation" })).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

    const box = page.getByRole("searchbox", { name: "Search the glossary" });
    await box.fill("transfomer");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=transfomer$/);
    await expect(page.locator("main").getByRole("link").first()).toHaveText("Transformer");
  });

  test("the header button goes to the search page", async ({ page }) => {
    await page.goto("/glossary");
    await launcher(page).click();
    await expect(page).toHaveURL(/\/search\??$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search the glossary");
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the open dialog fills the width and nothing overflows sideways", async ({ page }) => {
    await ready(page, "/glossary/deep-learning");
    await launcher(page).click();
    await searchBox(page).fill("neural network");
    await expect(results(page).first()).toContainText("Neural Network");
    const box = (await dialog(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(box.width).toBeGreaterThanOrEqual(360);
    const overflow = await dialog(page).evaluate((el) => {
      const inside = [...el.querySelectorAll("*")].filter((child) => child.getBoundingClientRect().right > window.innerWidth + 0.5);
      return { page: document.documentElement.scrollWidth, dialog: el.scrollWidth - el.clientWidth, inside: inside.length };
    });
    expect(overflow).toEqual({ page: 375, dialog: 0, inside: 0 });
  });
});

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations on the search page (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ["/search", "/search?q=learning", "/search?q=zzqxv"]) {
      await page.goto(path);
      const scan = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(scan.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });

  test(`axe finds no violations with the dialog open (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await ready(page);
    await page.keyboard.press("/");
    await page.keyboard.type("neural");
    await expect(results(page).first()).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await expect(results(page).first()).toHaveAttribute("aria-selected", "true");
    await page.waitForTimeout(200); // the dialog's 140 ms fade-in, so colours are final
    const scan = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    await searchBox(page).fill("zzqxv");
    await expect(dialog(page).getByRole("status")).toHaveText(/No results/);
    const empty = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(empty.violations.map((v) => v.id)).toEqual([]);
  });
}

test("in the dialog, every query of the shared table finds its entry first", async ({ page }) => {
  const { SEARCH_CASES } = await import("../tests/support/search-cases");
  expect(SEARCH_CASES.length).toBeGreaterThanOrEqual(20);
  await ready(page);
  await page.keyboard.press("Control+k");
  await expect(searchBox(page)).toBeFocused();
  const { glossary } = await import("./site");
  for (const [query, slug] of SEARCH_CASES) {
    await searchBox(page).fill(query);
    await expect(results(page).first().locator(".search-result__title"), query).toHaveText(glossary.bySlug.get(slug)!.title);
  }
});
