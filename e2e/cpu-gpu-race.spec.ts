import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { hasTensorFlow, recordScripts } from "./widgets";

const WIDGET = '[data-widget="cpu-gpu-race"]';
const ENTRIES = [
  { path: "/glossary/gpu", maxSize: "1024" },
  { path: "/glossary/inference", maxSize: "512" },
] as const;
const FINISHED = /reached \d+(\.\d+)? GFLOP\/s at \d+×\d+/;

/** Scrolls the widget into view and waits for the live version, with the backends probed, to replace the still. */
async function goLive(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const widget = page.locator(WIDGET);
  await widget.scrollIntoViewIfNeeded();
  await expect(page.locator(`${WIDGET}[data-live="true"]`)).toBeVisible({ timeout: 20_000 });
  await expect(widget.getByTestId("lane-cpu")).toHaveAttribute("data-status", "ready", { timeout: 20_000 });
  await expect(widget.getByRole("button", { name: "Start the race" })).toBeEnabled();
  return widget;
}

const number = async (widget: Locator, attribute: string) => Number(await widget.getAttribute(attribute));

async function waitUntilIdle(widget: Locator, timeout = 60_000) {
  await expect(widget).toHaveAttribute("data-running", "false", { timeout });
}

test("the widget shows a still first and goes live on each of its entries, with its own largest size", async ({ page }) => {
  for (const entry of ENTRIES) {
    await page.goto(entry.path);
    const still = page.locator(WIDGET);
    await expect(still).toHaveAttribute("data-live", "false");
    await expect(still.getByRole("button", { name: "Start the race" })).toBeDisabled();
    const widget = await goLive(page, entry.path);
    await expect(widget.getByLabel("Largest size")).toHaveValue(entry.maxSize);
    await expect(widget.getByTestId("status")).toHaveText("idle");
    await expect(widget.getByTestId("summary")).toHaveText(/Nothing runs until you press Start the race/);
    expect(await number(widget, "data-results")).toBe(0);
  }
});

for (const width of [1280, 375]) {
  test(`the still holds the widget's exact place at ${width} px, before and after a race`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/glossary/gpu");
    const height = () => page.locator(WIDGET).evaluate((el) => el.getBoundingClientRect().height);
    const before = await height();
    const widget = await goLive(page, "/glossary/gpu");
    await page.waitForTimeout(200);
    expect(Math.abs((await height()) - before)).toBeLessThanOrEqual(1);
    await widget.getByLabel("Largest size").selectOption("256");
    await widget.getByRole("button", { name: "Start the race" }).click();
    await waitUntilIdle(widget);
    expect(Math.abs((await height()) - before)).toBeLessThanOrEqual(1);
    await widget.getByRole("button", { name: "Show as table" }).click();
    expect(Math.abs((await height()) - before)).toBeLessThanOrEqual(1);
  });
}

test("no widget code before the widget nears the viewport, and no TF.js before Start", async ({ page }) => {
  const bodies = recordScripts(page);
  let workers = 0;
  page.on("worker", () => workers++);
  const tfjs = () => hasTensorFlow(bodies);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/glossary/gpu", { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  expect(workers).toBe(0);
  expect([...bodies.values()].some((body) => body.includes("rc-marker"))).toBe(false);
  expect(tfjs()).toBe(false);

  const widget = await goLive(page, "/glossary/gpu");
  expect(workers).toBeGreaterThanOrEqual(1);
  expect(tfjs()).toBe(false);
  await widget.getByLabel("Largest size").selectOption("256");
  await widget.getByRole("button", { name: "Start the race" }).click();
  await expect.poll(tfjs, { timeout: 20_000 }).toBe(true);
  await waitUntilIdle(widget);
});

test("pointer: Start races every backend here, growing the chart live, and sums it up", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const widget = await goLive(page, "/glossary/gpu");
  await widget.getByLabel("Largest size").selectOption("256");
  await widget.getByRole("button", { name: "Start the race" }).click();
  await expect(widget).toHaveAttribute("data-running", "true");
  await expect(widget.getByRole("button", { name: "Stop" })).toBeVisible();
  await expect(widget.getByTestId("summary")).toHaveText(/^Racing/);
  await expect.poll(() => number(widget, "data-results"), { timeout: 20_000 }).toBeGreaterThan(0);
  await waitUntilIdle(widget);
  await expect(widget).toHaveAttribute("data-finished", "true");
  await expect(widget.getByTestId("status")).toHaveText("finished");
  await expect(widget.getByTestId("summary")).toHaveText(FINISHED);
  // Plain JavaScript always runs: four sizes up to 256, a line and four markers.
  await expect(widget.getByTestId("lane-cpu")).toHaveAttribute("data-status", /done|limit/);
  await expect(widget.getByTestId("lane-cpu")).toContainText(/best \d/);
  await expect(widget.locator(".rc-lane--cpu path.rc-marker")).toHaveCount(4);
  await expect(widget.locator("path.rc-line").first()).toHaveAttribute("d", /^M[\d.]+,[\d.]+L/);
  // WebGPU is listed plainly, with its reason.
  await expect(widget.getByTestId("lane-webgpu")).toHaveAttribute("data-status", "unavailable");
  await expect(widget.getByTestId("lane-webgpu")).toContainText(/not available|does not race/);

  await widget.getByRole("button", { name: "Show as table" }).click();
  await expect(widget.getByRole("button", { name: "Show as table" })).toHaveAttribute("aria-pressed", "true");
  const table = widget.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(5);
  await expect(table.getByRole("columnheader", { name: "JavaScript" })).toBeVisible();
  await expect(table.getByRole("row", { name: /^256×256/ })).toContainText(/\d/);
});

test("keyboard: Start and Stop on one button that keeps focus, the size menu and the table toggle", async ({ page }) => {
  const widget = await goLive(page, "/glossary/gpu");
  await widget.getByLabel("Largest size").focus();
  await page.keyboard.press("ArrowUp");
  await expect(widget).toHaveAttribute("data-max-size", "512");
  const button = widget.getByRole("button", { name: "Start the race" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(widget).toHaveAttribute("data-running", "true");
  await expect(widget.getByRole("button", { name: "Stop" })).toBeFocused();
  await expect.poll(() => number(widget, "data-results"), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.keyboard.press("Enter");
  await expect(widget).toHaveAttribute("data-running", "false");
  await expect(widget.getByTestId("status")).toHaveText("stopped");
  await expect(widget.getByTestId("summary")).toHaveText(/^Stopped\. Fastest so far: /);
  await expect(widget.getByRole("button", { name: "Start the race" })).toBeFocused();
  // The worker answers Stop, or is replaced: either way the next race starts cleanly.
  await page.waitForTimeout(1_600);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(widget.getByRole("button", { name: "Show as table" })).toBeFocused();
  await page.keyboard.press(" ");
  await expect(widget.getByRole("table")).toBeVisible();
  await widget.getByRole("button", { name: "Start the race" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget).toHaveAttribute("data-running", "true");
  await waitUntilIdle(widget);
  await expect(widget.getByTestId("summary")).toHaveText(FINISHED);
});

test("touch: a tap on Start runs the race", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const widget = await goLive(page, "/glossary/inference");
  await widget.getByLabel("Largest size").selectOption("256");
  await widget.getByRole("button", { name: "Start the race" }).tap();
  await expect(widget).toHaveAttribute("data-running", "true");
  await waitUntilIdle(widget);
  await expect(widget.getByTestId("summary")).toHaveText(FINISHED);
  await context.close();
});

test("a backend that is unavailable is reported plainly and left out of the race", async ({ page }) => {
  const widget = await goLive(page, "/glossary/gpu?rc-off=webgl");
  const webgl = widget.getByTestId("lane-webgl");
  await expect(webgl).toHaveAttribute("data-status", "unavailable");
  await expect(webgl).toContainText("switched off by this page's address");
  await expect(widget.getByTestId("lane-webgpu")).toHaveAttribute("data-status", "unavailable");
  await widget.getByLabel("Largest size").selectOption("256");
  await widget.getByRole("button", { name: "Start the race" }).click();
  await waitUntilIdle(widget);
  await expect(webgl).toHaveAttribute("data-status", "unavailable");
  await expect(widget.locator(".rc-lane--webgl path.rc-marker")).toHaveCount(0);
  await expect(widget.getByTestId("summary")).toHaveText(FINISHED);
  await expect(widget.getByTestId("summary")).toContainText("No GPU backend ran in this browser.");
  await widget.getByRole("button", { name: "Show as table" }).click();
  const headers = (await widget.getByRole("columnheader").allTextContents()).map((t) => t.replaceAll("\u00ad", ""));
  expect(headers).toEqual(["Size", "JavaScript", "WebAssembly"]);
});

test("tensors do not pile up over four races, two of them stopped midway", async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await goLive(page, "/glossary/gpu");
  await widget.getByLabel("Largest size").selectOption("256");
  await widget.getByRole("button", { name: "Start the race" }).click();
  await waitUntilIdle(widget);
  const baseline = await number(widget, "data-num-tensors");
  expect(baseline).toBe(0);
  for (let round = 0; round < 4; round++) {
    await widget.getByRole("button", { name: "Start the race" }).click();
    if (round % 2 === 1) {
      await expect.poll(() => number(widget, "data-results"), { timeout: 20_000 }).toBeGreaterThan(2);
      await widget.getByRole("button", { name: "Stop" }).click();
      await page.waitForTimeout(1_700);
    }
    await waitUntilIdle(widget);
    expect(await number(widget, "data-num-tensors")).toBe(baseline);
  }
  await widget.getByRole("button", { name: "Start the race" }).click();
  await waitUntilIdle(widget);
  await expect(widget).toHaveAttribute("data-finished", "true");
  expect(await number(widget, "data-num-tensors")).toBe(baseline);
});

test("with reduced motion nothing starts on its own", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const widget = await goLive(page, "/glossary/gpu");
  await page.waitForTimeout(1_500);
  await expect(widget).toHaveAttribute("data-running", "false");
  expect(await number(widget, "data-results")).toBe(0);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations in the live widget, chart and table (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const widget = await goLive(page, "/glossary/gpu");
    await widget.getByLabel("Largest size").selectOption("256");
    await widget.getByRole("button", { name: "Start the race" }).click();
    await waitUntilIdle(widget);
    const analyze = () =>
      new AxeBuilder({ page }).include(WIDGET).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
    const chart = await analyze();
    expect(chart.violations.map((v) => `chart ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await widget.getByRole("button", { name: "Show as table" }).click();
    const table = await analyze();
    expect(table.violations.map((v) => `table ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("at 375 px the live widget fits the phone on both entries", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const entry of ENTRIES) {
    const widget = await goLive(page, entry.path);
    await widget.getByLabel("Largest size").selectOption("256");
    await widget.getByRole("button", { name: "Start the race" }).click();
    await waitUntilIdle(widget);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const box = (await widget.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  }
});
