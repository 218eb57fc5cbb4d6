import { expect, test, type Locator, type Page } from "@playwright/test";
import { entriesInScheme } from "./site";
import { axeViolations, expectFitsPhone, expectLoadedOnlyNearWidget } from "./widgets";

const WIDGET = '[data-widget="convolution"]';
const ENTRIES = [
  { path: "/glossary/convolutional-neural-network", digit: 7, filter: "vertical", shape: "top-right" },
  { path: "/glossary/computer-vision", digit: 2, filter: "horizontal", shape: "flat" },
  { path: "/glossary/deep-learning", digit: 9, filter: "vertical", shape: "top-left" },
] as const;
const ENTRY = ENTRIES[0].path;
const SUMMARY = /^(A handwritten \d \(sample [\d,]+ of 1,797\)|Your drawing|An empty pad) · [A-Z][a-z ]+: from −?\d\.\d\d to −?\d+\.\d\d · layer 2 (answers most to [a-z -]+ \(\d\.\d\d\)|finds no shape)$/;

/** Scrolls the widget into view and waits for the live version, with TF.js and the digits loaded. */
async function goLive(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const widget = page.locator(WIDGET);
  await widget.scrollIntoViewIfNeeded();
  await expect(page.locator(`${WIDGET}[data-live="true"]`)).toBeVisible({ timeout: 20_000 });
  await expect(widget.locator(".widget__badge")).toHaveText(/TF\.js · cpu/, { timeout: 20_000 });
  await expect(widget.getByTestId("summary")).toHaveText(SUMMARY);
  return widget;
}

const attr = (widget: Locator, name: string) => widget.getAttribute(name);
const number = async (widget: Locator, name: string) => Number(await widget.getAttribute(name));

/** How many of a canvas's pixels are not the paper colour: is anything drawn on it? */
const inked = (widget: Locator, selector: string) =>
  widget.locator(selector).first().evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 30) n++;
    return n;
  });

test("a still first, then live on each of its entries with that entry's digit, filter and shape", async ({ page }) => {
  for (const entry of ENTRIES) {
    await page.goto(entry.path);
    const still = page.locator(WIDGET);
    await expect(still).toHaveAttribute("data-live", "false");
    await expect(still.getByRole("button", { name: "Next digit" })).toBeDisabled();
    const widget = await goLive(page, entry.path);
    await expect(widget.getByRole("button", { name: "Next digit" })).toBeEnabled();
    await expect(widget.getByTestId("summary")).toHaveText(new RegExp(`^A handwritten ${entry.digit} `));
    await expect(widget.getByTestId("summary")).toHaveAttribute("aria-live", "polite");
    await expect(widget).toHaveAttribute("data-filter", entry.filter);
    await expect(widget).toHaveAttribute("data-shape", entry.shape);
    await expect(widget.getByRole("combobox", { name: /^Filter/ })).toHaveValue(entry.filter);
    await expect(widget.getByRole("radio", { checked: true })).toHaveValue(entry.shape);
    // Every map is painted: the picture, the filter's map, four edge maps, six shapes, the sum.
    expect(await widget.locator("canvas").count()).toBe(1 + 1 + 4 + 6 + 4 + 1);
    expect(await inked(widget, ".cv-pad canvas")).toBeGreaterThan(40);
    expect(await inked(widget, ".cv-inspect canvas")).toBeGreaterThan(40);
    expect(await number(widget, "data-num-tensors")).toBeGreaterThan(0);
  }
});

for (const width of [1280, 375]) {
  test(`the still holds the widget's exact place at ${width} px, so nothing shifts when it goes live`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(ENTRY);
    const height = () => page.locator(WIDGET).evaluate((el) => el.getBoundingClientRect().height);
    const before = await height();
    await goLive(page, ENTRY);
    await page.waitForTimeout(300);
    expect(Math.abs((await height()) - before)).toBeLessThanOrEqual(1);
  });
}

test("TF.js is not fetched until the widget nears the viewport; widget-free entries load none of its code", async ({ page }) => {
  await expectLoadedOnlyNearWidget(page, ENTRY, WIDGET, "cv-sum__terms");
});

test("keyboard: digits, the filter menu, a typed weight, the window, drawing and the shapes", async ({ page }) => {
  const widget = await goLive(page, ENTRY);
  const sample = await number(widget, "data-sample");
  await widget.getByRole("button", { name: "Next digit" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget).toHaveAttribute("data-sample", String(sample + 1));
  await widget.getByRole("button", { name: "Previous digit" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget).toHaveAttribute("data-sample", String(sample));

  await widget.getByRole("combobox", { name: /^Filter/ }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(widget).toHaveAttribute("data-filter", "horizontal");
  await expect(widget.getByTestId("summary")).toContainText("Horizontal edges: from −");

  // A weight stepped with the arrow keys makes the filter the reader's own; typing works too.
  const centre = widget.getByLabel("Weight, middle row, centre");
  await centre.focus();
  await page.keyboard.press("ArrowUp");
  await expect(centre).toHaveValue("0.25");
  await expect(widget).toHaveAttribute("data-filter", "custom");
  await expect(widget.getByTestId("summary")).toContainText("Your filter:");
  await centre.fill("1");
  await expect(widget).toHaveAttribute("data-filter", "custom");

  // Blur, then the window: at the picture's corner the sum is 0; the readout follows.
  await widget.getByRole("combobox", { name: /^Filter/ }).selectOption("blur");
  await expect(widget.getByLabel("Weight, top row, left")).toHaveValue("0.0625");
  const map = widget.getByRole("application", { name: /Feature map/ });
  await map.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+ArrowLeft");
  for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+ArrowUp");
  await expect(widget).toHaveAttribute("data-window", "0,0");
  await expect(widget.getByTestId("readout")).toHaveText("Window at row 1, column 1: weights × pixels, added up: 0.00");
  await page.keyboard.press("ArrowRight");
  await expect(widget).toHaveAttribute("data-window", "0,1");

  // Clear, then draw with the keyboard: Space inks a dot, Shift + arrows draw a line.
  await widget.getByRole("button", { name: "Clear" }).click();
  await expect(widget.getByTestId("summary")).toHaveText(/^An empty pad · Blur: from 0\.00 to 0\.00 · layer 2 finds no shape$/);
  const pad = widget.getByRole("application", { name: /Picture/ });
  await pad.focus();
  await page.keyboard.press("Space");
  for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+ArrowDown");
  await expect(widget.getByTestId("summary")).toHaveText(/^Your drawing · Blur: from 0\.00 to 0\.\d\d/);
  await expect(widget).toHaveAttribute("data-source", "drawing");

  // The shapes are radio buttons: arrow keys move between them.
  await widget.getByRole("radio", { name: /Upright runs/ }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(widget).toHaveAttribute("data-shape", "flat");
  await expect(widget.locator(".cv-sum__title")).toContainText("Flat runs");
});

test("pointer: drawing a stroke on the picture inks it, and pointing at the map moves the window", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const widget = await goLive(page, ENTRY);
  await widget.getByRole("button", { name: "Clear" }).click();
  await expect(widget).toHaveAttribute("data-source", "drawing");
  expect(await inked(widget, ".cv-pad canvas")).toBe(0);
  const box = (await widget.locator(".cv-pad").boundingBox())!;
  // An upright bar down the middle of the pad.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2, box.y + box.height * (0.2 + 0.06 * i));
  await page.mouse.up();
  await expect(widget.getByTestId("summary")).toHaveText(/^Your drawing · Vertical edges: from −\d\.\d\d to \d\.\d\d · layer 2 answers most to upright runs/);
  expect(await inked(widget, ".cv-pad canvas")).toBeGreaterThan(20);

  const map = (await widget.locator(".cv-inspect").boundingBox())!;
  await page.mouse.move(map.x + map.width * (10.5 / 24), map.y + map.height * (5.5 / 24));
  await expect(widget).toHaveAttribute("data-window", "5,10");
  // Left of the bar, the vertical-edge filter says "ink begins here": positive.
  await page.mouse.move(map.x + map.width * (10.5 / 24), map.y + map.height * (12.5 / 24));
  await expect.poll(async () => Number(await attr(widget, "data-value"))).toBeGreaterThan(0.3);

  // A click on a shape takes it apart.
  await widget.locator(".cv-shape", { hasText: "Bottom-left bends" }).click();
  await expect(widget).toHaveAttribute("data-shape", "bottom-left");
});

test("touch: a finger draws on the pad without scrolling the page", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const widget = await goLive(page, ENTRY);
  await widget.getByRole("button", { name: "Clear" }).click();
  await widget.locator(".cv-pad").scrollIntoViewIfNeeded();
  const box = (await widget.locator(".cv-pad").boundingBox())!;
  const scroll = await page.evaluate(() => window.scrollY);
  await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(widget.getByTestId("summary")).toHaveText(/^Your drawing/);
  expect(await inked(widget, ".cv-pad canvas")).toBeGreaterThan(4);
  expect(await page.evaluate(() => window.scrollY)).toBe(scroll);
  await context.close();
});

test("tensors do not pile up over ten rounds of drawing, switching digits, filters and shapes", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const widget = await goLive(page, ENTRY);
  const baseline = await number(widget, "data-num-tensors");
  expect(baseline).toBeGreaterThan(0);
  const filters = ["horizontal", "blur", "sharpen", "outline", "vertical"];
  const shapes = ["Upright runs", "Flat runs", "Top-left bends", "Bottom-right bends"];
  // Ten rounds: every filter twice, every shape at least twice.
  for (let round = 0; round < 10; round++) {
    await widget.getByRole("button", { name: "Next digit" }).click();
    await widget.getByRole("combobox", { name: /^Filter/ }).selectOption(filters[round % filters.length]);
    await widget.locator(".cv-shape", { hasText: shapes[round % shapes.length] }).click();
    const box = (await widget.locator(".cv-pad").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * (0.2 + 0.1 * (round % 5)));
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6, { steps: 8 });
    await page.mouse.up();
    await widget.getByLabel("Weight, top row, right").fill(String((round % 8) - 4));
    expect(await number(widget, "data-num-tensors")).toBe(baseline);
  }
  await expect(widget.getByTestId("summary")).toHaveText(SUMMARY);
  expect(await number(widget, "data-num-tensors")).toBe(baseline);
});

test("with reduced motion nothing moves on its own and everything still works", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const widget = await goLive(page, ENTRY);
  const version = await attr(widget, "data-version");
  await page.waitForTimeout(800);
  expect(await attr(widget, "data-version")).toBe(version);
  await widget.getByRole("button", { name: "Next digit" }).click();
  await expect(widget.getByTestId("summary")).toHaveText(SUMMARY);
  expect(await attr(widget, "data-version")).not.toBe(version);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations in the live widget (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const entry of entriesInScheme(colorScheme, ENTRIES)) {
      const widget = await goLive(page, entry.path);
      await widget.getByRole("application", { name: /Feature map/ }).focus();
      expect(await axeViolations(page, WIDGET, entry.path)).toEqual([]);
    }
  });
}

test("at 375 px the live widget fits the phone on every entry", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const entry of ENTRIES) {
    const widget = await goLive(page, entry.path);
    await expectFitsPhone(page, widget);
  }
});
