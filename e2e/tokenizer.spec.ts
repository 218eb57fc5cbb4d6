import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { encode } from "gpt-tokenizer/encoding/cl100k_base";
import { entriesInScheme } from "./site";
import { MAX_CHIPS } from "../components/widgets/tokenizer/model/presets";

const WIDGET = '[data-widget="tokenizer"]';
const ENTRIES = ["/glossary/token", "/glossary/large-language-model", "/glossary/context-window"];
/** A string found only in the cl100k_base vocabulary file, never in the page's own code. */
const VOCABULARY_MARKER = " dispensaries";

/** Scrolls the widget into view and waits for the live version to tokenize its first text. */
async function goLive(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const widget = page.locator(WIDGET);
  await widget.scrollIntoViewIfNeeded();
  await expect(page.locator(`${WIDGET}[data-live="true"][data-ready="true"]`)).toBeVisible({ timeout: 30_000 });
  return widget;
}

/** Replaces the text and waits until the widget has tokenized exactly that text. */
async function typeText(widget: Locator, text: string) {
  await widget.getByLabel("Your text").fill(text);
  await expect(widget).toHaveAttribute("data-busy", "false");
  await expect(widget).toHaveAttribute("data-tokens", String(encode(text).length));
}

const tokenCount = async (widget: Locator) => Number(await widget.getAttribute("data-tokens"));

test("the widget shows a still first and goes live on each of its entries", async ({ page }) => {
  for (const path of ENTRIES) {
    await page.goto(path);
    const still = page.locator(WIDGET);
    await expect(still).toHaveAttribute("data-live", "false");
    await expect(still.getByLabel("Your text")).toBeDisabled();
    const widget = await goLive(page, path);
    await expect(widget.getByLabel("Your text")).toBeEnabled();
    await expect(widget.getByTestId("summary")).toHaveText(/^[\d,]+ tokens from [\d,]+ characters \(\d+\.\d characters per token\) · .+ of an? [\d,]+-token window/);
    expect(await widget.locator(".tk-chip").count()).toBeGreaterThan(10);
  }
});

test("the context-window entry starts with the long report overflowing an 8,192-token window", async ({ page }) => {
  const widget = await goLive(page, "/glossary/context-window");
  await expect(widget.getByLabel("Context window")).toHaveValue("8192");
  await expect(widget.getByTestId("summary")).toHaveText(/of an 8,192-token window: [\d,]+ tokens too many$/);
  await expect(widget.locator(".tk-gauge__fill--over")).toHaveCount(1);
  await expect(widget.locator(".tk-chips__more")).toHaveText(new RegExp(`^Showing the first ${MAX_CHIPS} of [\\d,]+ tokens`));
});

test("the vocabulary is not fetched until the widget nears the viewport", async ({ page, context }) => {
  const bodies: string[] = [];
  context.on("response", async (response) => {
    if (/\.js(\?|$)/.test(response.url())) bodies.push(await response.text().catch(() => ""));
  });
  let workers = 0;
  page.on("worker", () => workers++);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/glossary/token", { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  expect(workers).toBe(0);
  expect(bodies.some((body) => body.includes(VOCABULARY_MARKER))).toBe(false);

  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  await expect(page.locator(`${WIDGET}[data-ready="true"]`)).toBeVisible({ timeout: 30_000 });
  // Token also embeds the tiny transformer just above, whose own worker may start as it nears the
  // viewport too; the tokenizer's is the one that fetched the vocabulary (below).
  expect(workers).toBeGreaterThanOrEqual(1);
  await expect.poll(() => bodies.some((body) => body.includes(VOCABULARY_MARKER))).toBe(true);
});

test("a widget-free entry loads none of the tokenizer's code", async ({ page, context }) => {
  const bodies = new Map<string, string>();
  context.on("response", async (response) => {
    if (/\.js(\?|$)/.test(response.url())) bodies.set(response.url(), await response.text().catch(() => ""));
  });
  await page.goto("/glossary/epoch", { waitUntil: "networkidle" });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(500);
  expect(bodies.size).toBeGreaterThan(0);
  expect([...bodies].filter(([, body]) => body.includes("tk-chip") || body.includes(VOCABULARY_MARKER)).map(([url]) => url)).toEqual([]);
});

for (const width of [375, 1280]) {
  test(`the still holds the widget's exact place at ${width} px, so nothing shifts when it goes live`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/glossary/token", "/glossary/context-window"]) {
      await page.goto(path);
      const box = async () => page.locator(WIDGET).evaluate((el) => el.getBoundingClientRect().height);
      await expect(page.locator(WIDGET)).toHaveAttribute("data-live", "false");
      const before = await box();
      await goLive(page, path);
      await page.waitForTimeout(200);
      expect(Math.abs((await box()) - before)).toBeLessThanOrEqual(1);
    }
  });
}

test("typed text is tokenized: counts match the library's own encode().length", async ({ page }) => {
  const widget = await goLive(page, "/glossary/token");
  const samples = [
    "The quick brown fox jumps over the lazy dog.",
    "const add = (a, b) => a + b;\n\nconsole.log(add(2, 3));",
    "I ❤️ tokens 🎉 👍🏽 👨‍👩‍👧",
    "東京は日本の首都です。Größenverhältnisse über alles.",
  ];
  for (const text of samples) {
    await typeText(widget, text);
    const n = encode(text).length;
    await expect(widget.locator(".tk-chip")).toHaveCount(n);
    await expect(widget.getByTestId("summary")).toContainText(`${n} ${n === 1 ? "token" : "tokens"} from`);
    await expect(widget.locator(".tk-count").filter({ hasText: "Tokens" }).first().locator("dd")).toHaveText(String(n));
    // The chips carry the library's IDs, in order.
    const ids = await widget.locator(".tk-chip__id").allTextContents();
    expect(ids.map(Number)).toEqual(encode(text));
  }
});

test("typing is debounced and the summary follows the text", async ({ page }) => {
  const widget = await goLive(page, "/glossary/token");
  const box = widget.getByLabel("Your text");
  await box.fill("");
  await expect(widget.getByTestId("summary")).toHaveText(/^No text yet/);
  await box.pressSequentially("Hello world", { delay: 30 });
  await expect(widget).toHaveAttribute("data-tokens", "2");
  await expect(widget.getByTestId("summary")).toHaveText("2 tokens from 11 characters (5.5 characters per token) · less than 1% of an 8,192-token window");
  await expect(widget.locator(".tk-chip__text")).toHaveText(["Hello", "·world"]);
});

test("whitespace is made visible and a split character is marked", async ({ page }) => {
  const widget = await goLive(page, "/glossary/token");
  await widget.getByRole("button", { name: "Code", exact: true }).click();
  await expect(widget.getByRole("button", { name: "Code", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(widget).toHaveAttribute("data-tokens", String(encode(await widget.getByLabel("Your text").inputValue()).length));
  await expect(widget.locator(".tk-ws").filter({ hasText: "↵" }).first()).toBeVisible();
  await expect(widget.locator(".tk-ws").filter({ hasText: "·" }).first()).toBeVisible();
  expect(await widget.locator(".tk-break").count()).toBeGreaterThan(2);

  await typeText(widget, " 東京");
  expect(await widget.locator(".tk-chip--partial").count()).toBeGreaterThanOrEqual(2);
});

test("keyboard: Tab reaches the chips, arrow keys move along them and show each token", async ({ page }) => {
  const widget = await goLive(page, "/glossary/token");
  await typeText(widget, "Hello world, hello again");
  await widget.getByLabel("Show token IDs").focus();
  await page.keyboard.press("Tab");
  const first = widget.locator(".tk-chip").first();
  await expect(first).toBeFocused();
  await expect(widget.locator(".tk-detail")).toHaveText(/^Token 1 of 5 · ID \d+ · 5 bytes/);
  await page.keyboard.press("ArrowRight");
  await expect(widget.locator(".tk-chip").nth(1)).toBeFocused();
  await expect(widget.locator(".tk-detail")).toHaveText(/^Token 2 of 5/);
  await page.keyboard.press("End");
  await expect(widget.locator(".tk-chip").last()).toBeFocused();
  await expect(widget.locator(".tk-detail")).toHaveText(/^Token 5 of 5/);
  await page.keyboard.press("Home");
  await expect(first).toHaveAttribute("aria-pressed", "true");
  // Only one chip is in the tab order: the next Tab leaves the chips for the window select.
  await page.keyboard.press("Tab");
  await expect(widget.getByLabel("Context window")).toBeFocused();
  await widget.getByLabel("Context window").selectOption("128000");
  await expect(widget.getByTestId("summary")).toHaveText(/of a 128,000-token window$/);
});

test("keyboard: the examples and the ID toggle work from the keyboard", async ({ page }) => {
  const widget = await goLive(page, "/glossary/token");
  await widget.getByRole("button", { name: "Japanese", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(widget.getByRole("button", { name: "Japanese", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(widget.getByLabel("Your text")).toHaveValue(/東京/);
  await expect(widget.getByTestId("summary")).toHaveText(/^\d+ tokens from 33 characters/);
  await widget.getByLabel("Show token IDs").focus();
  await page.keyboard.press("Space");
  await expect(widget.locator(".tk-chip__id").first()).toBeHidden();
  await page.keyboard.press("Space");
  await expect(widget.locator(".tk-chip__id").first()).toBeVisible();
});

test("pointer: pointing at a chip shows it and outlines every use of the same token", async ({ page }) => {
  const widget = await goLive(page, "/glossary/token");
  await typeText(widget, "the cat and the dog and the bird");
  const chips = widget.locator(".tk-chip");
  await chips.nth(3).hover(); // " the"
  await expect(widget.locator(".tk-detail")).toHaveText(/^Token 4 of 8 · ID \d+ · 4 bytes · used 2 times/);
  await expect(widget.locator(".tk-chip--same")).toHaveCount(1);
  await widget.getByRole("button", { name: "Emoji", exact: true }).click();
  await expect(widget.getByRole("button", { name: "Emoji", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(widget.locator(".tk-inv").first()).toBeVisible();
});

test("touch: tapping a chip shows that token", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const widget = await goLive(page, "/glossary/large-language-model");
  await widget.locator(".tk-chip").nth(2).tap();
  await expect(widget.locator(".tk-detail")).toHaveText(/^Token 3 of/);
  await widget.getByRole("button", { name: "Long report", exact: true }).tap();
  await expect(widget.getByTestId("summary")).toHaveText(/too many$/);
  await context.close();
});

test("a long paste stays responsive: the page keeps answering while 200,000 characters are tokenized", async ({ page }) => {
  const widget = await goLive(page, "/glossary/token");
  const long = "Every word here costs a token or so, and the counter keeps up. ".repeat(3200).slice(0, 200_000);
  await widget.getByLabel("Your text").fill(long);
  // Typing on at the end of the long text is not held up by the tokenizer.
  await widget.getByLabel("Your text").press("End");
  const started = Date.now();
  await widget.getByLabel("Your text").pressSequentially(" more", { delay: 20 });
  expect(Date.now() - started).toBeLessThan(5_000);
  const text = await widget.getByLabel("Your text").inputValue();
  await expect(widget).toHaveAttribute("data-busy", "false", { timeout: 20_000 });
  expect(await tokenCount(widget)).toBe(encode(text).length);
  await expect(widget.locator(".tk-chip")).toHaveCount(MAX_CHIPS);
});

test("with reduced motion nothing animates", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const widget = await goLive(page, "/glossary/context-window");
  const duration = await widget.locator(".tk-gauge__fill").evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(duration).toBe("0s");
});

/**
 * axe takes about a tenth of a second per chip on this machine, so on the long report it checks the
 * first 60 chips (every kind of chip is among them) and everything else in the widget.
 */
const axe = (page: Page) => new AxeBuilder({ page }).include(WIDGET).exclude(`${WIDGET} .tk-chips__list > :nth-child(n+61)`);

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations in the live widget (${colorScheme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme });
    for (const path of entriesInScheme(colorScheme, ENTRIES)) {
      const widget = await goLive(page, path);
      await widget.locator(".tk-chip").nth(1).hover();
      const results = await axe(page).analyze();
      expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
    // The emoji example, whose chips name invisible characters.
    const widget = await goLive(page, "/glossary/token");
    await widget.getByRole("button", { name: "Emoji", exact: true }).click();
    await expect(widget.locator(".tk-inv").first()).toBeVisible();
    expect((await axe(page).analyze()).violations.map((v) => v.id)).toEqual([]);
  });
}

test("axe finds no violations in the still", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto("/glossary/token");
  await expect(page.locator(WIDGET)).toHaveAttribute("data-live", "false");
  // Keep the widget far from the viewport so it stays a still while axe looks at it.
  const results = await new AxeBuilder({ page }).include(WIDGET).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("at 375 px the live widget fits the phone, even with a very long token", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ENTRIES) {
    await goLive(page, path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  }
  const widget = page.locator(WIDGET);
  await typeText(widget, `${"=".repeat(400)} https://example.com/${"a".repeat(300)}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const overflow = await widget.locator(".tk-chips").evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll(".tk-chip")].filter((c) => c.getBoundingClientRect().right > box.right + 0.5).length;
  });
  expect(overflow).toBe(0);
});
