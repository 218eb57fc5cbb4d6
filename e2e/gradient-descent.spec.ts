import { expect, test, type Locator, type Page } from "@playwright/test";
import { entriesInScheme } from "./site";
import { axeViolations, expectFitsPhone, expectLoadedOnlyNearWidget } from "./widgets";

const WIDGET = '[data-widget="gradient-descent"]';
const ENTRIES = [
  { path: "/glossary/gradient-descent", surface: "ravine", rate: "0.1" },
  { path: "/glossary/learning-rate", surface: "bowl", rate: "0.3" },
  { path: "/glossary/loss-function", surface: "minima", rate: "0.1" },
] as const;
const SUMMARY = /^Step \d+ · (SGD loss \d+\.\d\d|SGD diverged)[^·]* · momentum (\d+\.\d\d|diverged)[^·]* · Adam (\d+\.\d\d|diverged)/;

/** Scrolls the widget into view and waits for the live version, with TF.js loaded, to replace the still. */
async function goLive(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const widget = page.locator(WIDGET);
  await widget.scrollIntoViewIfNeeded();
  await expect(page.locator(`${WIDGET}[data-live="true"]`)).toBeVisible({ timeout: 20_000 });
  await expect(widget.locator(".widget__badge")).toHaveText(/TF\.js · cpu/, { timeout: 20_000 });
  await expect(widget.getByTestId("summary")).toHaveText(SUMMARY);
  return widget;
}

const number = async (widget: Locator, attribute: string) => Number(await widget.getAttribute(attribute));
const start = async (widget: Locator) => (await widget.getAttribute("data-start"))!.split(",").map(Number);

async function waitForStep(widget: Locator, atLeast: number, timeout = 20_000) {
  await expect.poll(() => number(widget, "data-step"), { timeout }).toBeGreaterThanOrEqual(atLeast);
}

test("the widget shows a still first and goes live on each of its entries, on that entry's surface", async ({ page }) => {
  for (const entry of ENTRIES) {
    await page.goto(entry.path);
    const still = page.locator(WIDGET);
    await expect(still).toHaveAttribute("data-live", "false");
    await expect(still.getByRole("button", { name: "Play" })).toBeDisabled();
    const widget = await goLive(page, entry.path);
    await expect(widget).toHaveAttribute("data-surface", entry.surface);
    await expect(widget.getByLabel("Learning rate")).toHaveValue(entry.rate);
    await expect(widget.getByRole("button", { name: "Play" })).toBeEnabled();
    await expect(widget.getByTestId("step")).toHaveText("Step 0");
    // The contour map is drawn (one path per level) with the three runs on it.
    expect(await widget.locator("path.gd-contour").count()).toBeGreaterThanOrEqual(8);
    await expect(widget.locator("polyline.gd-run")).toHaveCount(3);
  }
});

test("the still holds the widget's exact place, so nothing shifts when it goes live", async ({ page }) => {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/glossary/gradient-descent");
    const height = () => page.locator(WIDGET).evaluate((el) => el.getBoundingClientRect().height);
    const before = await height();
    await goLive(page, "/glossary/gradient-descent");
    await page.waitForTimeout(300);
    expect(Math.abs((await height()) - before), `at ${width} px`).toBeLessThanOrEqual(1);
  }
});

test("TF.js is not fetched until the widget nears the viewport; widget-free entries load none of its code", async ({ page }) => {
  await expectLoadedOnlyNearWidget(page, "/glossary/gradient-descent", WIDGET, "gd-legend");
});

test("Play races the three optimizers downhill with a step counter and summary; Pause stops them", async ({ page }) => {
  const widget = await goLive(page, "/glossary/gradient-descent");
  const before = await number(widget, "data-loss-momentum");
  await widget.getByRole("button", { name: "Play" }).click();
  await waitForStep(widget, 120);
  await widget.getByRole("button", { name: "Pause" }).click();
  const paused = await number(widget, "data-step");
  await expect(widget.getByTestId("step")).toHaveText(`Step ${paused}`);
  await expect(widget.getByTestId("summary")).toHaveText(new RegExp(`^Step ${paused} · SGD loss \\d\\.\\d\\d · momentum \\d\\.\\d\\d · Adam \\d\\.\\d\\d$`));
  for (const id of ["sgd", "momentum", "adam"]) expect(await number(widget, `data-loss-${id}`)).toBeLessThan(before / 5);
  // In the ravine, momentum is down on the floor while plain SGD is still crawling along it.
  expect(await number(widget, "data-loss-momentum")).toBeLessThan(await number(widget, "data-loss-sgd"));
  await page.waitForTimeout(500);
  expect(await number(widget, "data-step")).toBe(paused);
  // The loss plot has a line per optimizer.
  await expect(widget.locator("polyline.gd-loss")).toHaveCount(3);
});

test("keyboard: Step, Reset, learning rate, surface, and a start chosen with the arrow keys", async ({ page }) => {
  const widget = await goLive(page, "/glossary/learning-rate");
  await widget.getByRole("button", { name: "Step" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget.getByTestId("step")).toHaveText("Step 1");
  await page.keyboard.press("Enter");
  await expect(widget.getByTestId("step")).toHaveText("Step 2");
  await expect(widget.getByTestId("summary")).toHaveText(/^Step 2 · SGD loss/);
  await widget.getByRole("button", { name: "Reset" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget.getByTestId("step")).toHaveText("Step 0");

  await widget.getByLabel("Learning rate").focus();
  await page.keyboard.press("ArrowDown");
  await expect(widget).toHaveAttribute("data-rate", "0.6");

  await widget.getByRole("radio", { name: "Bowl" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(widget.getByRole("radio", { name: "Ravine" })).toBeChecked();
  await expect(widget).toHaveAttribute("data-surface", "ravine");

  const map = widget.getByRole("application");
  await map.focus();
  const [x0, y0] = await start(widget);
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await start(widget))[0]).toBeCloseTo(x0 + 4 * 0.3, 1);
  expect((await start(widget))[1]).toBeCloseTo(y0 + 0.3, 1);
  // Dropping a start sets the race going from there; Space drops one too.
  await waitForStep(widget, 5);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press(" ");
  await expect.poll(async () => (await start(widget))[0]).toBeCloseTo(x0 + 3 * 0.3, 1);
});

test("pointer: a click on the map drops the start there and the race begins", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const widget = await goLive(page, "/glossary/loss-function");
  const box = (await widget.locator(".gd-map__runs").boundingBox())!;
  // A quarter of the way across and down: (-1.5, 1.5) on a map spanning -3..3.
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.25);
  await expect.poll(async () => (await start(widget))[0]).toBeCloseTo(-1.5, 1);
  expect((await start(widget))[1]).toBeCloseTo(1.5, 1);
  await expect(widget).toHaveAttribute("data-playing", "true");
  await waitForStep(widget, 10);
  // The start ring sits where the click was: a quarter of the 300-unit map across and down.
  const ring = widget.locator(".gd-map circle.gd-start");
  await expect(ring).toHaveCount(1);
  expect(Number(await ring.getAttribute("cx"))).toBeCloseTo(75, -1);
  expect(Number(await ring.getAttribute("cy"))).toBeCloseTo(75, -1);
});

test("touch: a tap on the map drops the start", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const widget = await goLive(page, "/glossary/learning-rate");
  await widget.locator(".gd-map").scrollIntoViewIfNeeded();
  const box = (await widget.locator(".gd-map__runs").boundingBox())!;
  await page.touchscreen.tap(box.x + box.width * 0.75, box.y + box.height * 0.5);
  await expect.poll(async () => (await start(widget))[0]).toBeCloseTo(1.5, 1);
  expect((await start(widget))[1]).toBeCloseTo(0, 1);
  await waitForStep(widget, 3);
  await context.close();
});

test("a learning rate that is too high: plain SGD and momentum fly off the map, Adam bounces but stays", async ({ page }) => {
  const widget = await goLive(page, "/glossary/learning-rate");
  await widget.getByLabel("Learning rate").selectOption("2.2");
  await widget.getByRole("button", { name: "Play" }).click();
  await waitForStep(widget, 60);
  await expect(widget.getByTestId("summary")).toHaveText(/SGD diverged · momentum diverged · Adam \d+\.\d\d/, { timeout: 5_000 });
  await expect(widget.getByTestId("loss-sgd")).toHaveText("diverged");
  await expect(widget.locator("path.gd-head--outside")).toHaveCount(2);
  await expect(widget.locator("path.gd-loss-exit")).toHaveCount(2);
});

test("tensors do not pile up over rounds of racing, resetting and switching through every surface and rate", async ({ page }) => {
  test.setTimeout(90_000);
  const widget = await goLive(page, "/glossary/gradient-descent");
  await widget.getByRole("button", { name: "Step" }).click();
  await widget.getByRole("button", { name: "Step" }).click();
  const baseline = await number(widget, "data-num-tensors");
  expect(baseline).toBeGreaterThan(0);
  const surfaces = ["Bowl", "Saddle", "Several minima", "Ravine"];
  const rates = ["0.3", "2.2", "0.03", "1.1"];
  for (let round = 0; round < surfaces.length; round++) {
    await widget.getByText(surfaces[round % surfaces.length], { exact: true }).click();
    await widget.getByLabel("Learning rate").selectOption(rates[round % rates.length]);
    await widget.getByRole("button", { name: "Play" }).click();
    await waitForStep(widget, 40);
    expect(await number(widget, "data-num-tensors")).toBe(baseline);
    const box = (await widget.locator(".gd-map").boundingBox())!;
    await page.mouse.click(box.x + box.width * (0.2 + 0.15 * (round % 4)), box.y + box.height * 0.7);
    await page.waitForTimeout(1_500);
    await widget.getByRole("button", { name: "Reset" }).click();
  }
  await widget.getByRole("button", { name: "Step" }).click();
  await widget.getByRole("button", { name: "Step" }).click();
  await expect(widget.getByTestId("step")).toHaveText("Step 2");
  expect(await number(widget, "data-num-tensors")).toBe(baseline);
});

test("the race pauses off screen and goes on where it was", async ({ page }) => {
  const widget = await goLive(page, "/glossary/loss-function");
  await widget.getByLabel("Learning rate").selectOption("0.01");
  await widget.getByRole("button", { name: "Play" }).click();
  await waitForStep(widget, 20);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  const away = await number(widget, "data-step");
  await page.waitForTimeout(800);
  expect(await number(widget, "data-step")).toBeLessThanOrEqual(away + 4);
  await widget.scrollIntoViewIfNeeded();
  await waitForStep(widget, away + 20);
});

test("with reduced motion nothing starts on its own, not even when a start is dropped", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const widget = await goLive(page, "/glossary/gradient-descent");
  await page.waitForTimeout(800);
  await expect(widget.getByTestId("step")).toHaveText("Step 0");
  const box = (await widget.locator(".gd-map").boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.3);
  await page.waitForTimeout(800);
  await expect(widget).toHaveAttribute("data-playing", "false");
  await expect(widget.getByTestId("step")).toHaveText("Step 0");
  await widget.getByRole("button", { name: "Step" }).click();
  await expect(widget.getByTestId("step")).toHaveText("Step 1");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations in the live widget (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const entry of entriesInScheme(colorScheme, ENTRIES)) {
      const widget = await goLive(page, entry.path);
      await widget.getByRole("button", { name: "Step" }).click();
      await widget.getByRole("application").focus();
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
