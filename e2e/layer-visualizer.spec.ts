import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

const WIDGET = '[data-widget="layer-visualizer"]';

/** Scrolls the widget into view and waits for the live version to replace the still. */
async function goLive(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const widget = page.locator(WIDGET);
  await widget.scrollIntoViewIfNeeded();
  await expect(page.locator(`${WIDGET}[data-live="true"]`)).toBeVisible({ timeout: 20_000 });
  await expect(widget.locator(".widget__badge")).toHaveText(/TF\.js · (cpu|wasm|webgl)/, { timeout: 20_000 });
  return page.locator(WIDGET);
}

const number = async (widget: Locator, attribute: string) => Number(await widget.getAttribute(attribute));

async function waitForEpoch(widget: Locator, atLeast: number, timeout = 30_000) {
  await expect.poll(() => number(widget, "data-epoch"), { timeout }).toBeGreaterThanOrEqual(atLeast);
}

test("the widget shows a still first and goes live on both entries", async ({ page }) => {
  for (const path of ["/glossary/deep-learning", "/glossary/neural-network"]) {
    await page.goto(path);
    const still = page.locator(WIDGET);
    await expect(still).toHaveAttribute("data-live", "false");
    await expect(still.getByRole("button", { name: "Play" })).toBeDisabled();
    const widget = await goLive(page, path);
    await expect(widget.getByRole("button", { name: "Play" })).toBeEnabled();
    await expect(widget.getByTestId("epoch")).toHaveText("Epoch 0");
  }
});

test("TF.js is not fetched until the widget nears the viewport", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", async (response) => {
    if (/\.(js|ts)(\?|$)/.test(response.url())) scripts.push(await response.text().catch(() => ""));
  });
  let workers = 0;
  page.on("worker", () => workers++);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/glossary/deep-learning", { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  expect(workers).toBe(0);
  expect(scripts.some((body) => body.includes("IS_BROWSER"))).toBe(false);

  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  await expect(page.locator(WIDGET).locator(".widget__badge")).toHaveText(/TF\.js/, { timeout: 20_000 });
  await expect.poll(() => workers).toBe(1);
});

test("a widget-free entry loads no widget code", async ({ page }) => {
  const bodies = new Map<string, string>();
  page.on("response", async (response) => {
    if (/\.js(\?|$)/.test(response.url())) bodies.set(response.url(), await response.text().catch(() => ""));
  });
  await page.goto("/glossary/epoch", { waitUntil: "networkidle" });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(500);
  expect(bodies.size).toBeGreaterThan(0);
  expect([...bodies].filter(([, body]) => body.includes("layer-visualizer")).map(([url]) => url)).toEqual([]);

  // The same check can fail: the Deep Learning entry does load the widget's code.
  bodies.clear();
  await page.goto("/glossary/deep-learning", { waitUntil: "networkidle" });
  expect([...bodies.values()].some((body) => body.includes("layer-visualizer"))).toBe(true);
});

test("the still holds the widget's exact place, so nothing shifts when it goes live", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/glossary/deep-learning");
  const box = async () => page.locator(WIDGET).evaluate((el) => el.getBoundingClientRect().height);
  const before = await box();
  await goLive(page, "/glossary/deep-learning");
  await page.waitForTimeout(300);
  expect(Math.abs((await box()) - before)).toBeLessThanOrEqual(1);
});

test("Play trains the network and the test loss falls; Pause stops it", async ({ page }) => {
  const widget = await goLive(page, "/glossary/deep-learning?lv-data=circle&lv-layers=4-2");
  await expect.poll(() => number(widget, "data-test-loss")).toBeGreaterThan(0);
  const start = await number(widget, "data-test-loss");
  await widget.getByRole("button", { name: "Play" }).click();
  await waitForEpoch(widget, 150);
  expect(await number(widget, "data-test-loss")).toBeLessThan(start * 0.7);
  await expect(widget.getByTestId("summary")).toHaveText(/^Epoch \d+ · test loss \d\.\d{3}/);
  await widget.getByRole("button", { name: "Pause" }).click();
  await expect(widget.getByTestId("summary")).toContainText("paused");
  // The slice the worker was training when "pause" reached it still reports in: let the count
  // settle (if training went on, it never would and this fails), then it must not move again.
  await expect
    .poll(async () => {
      const before = await number(widget, "data-epoch");
      await page.waitForTimeout(250);
      return (await number(widget, "data-epoch")) - before;
    })
    .toBe(0);
  const paused = await number(widget, "data-epoch");
  await page.waitForTimeout(600);
  expect(await number(widget, "data-epoch")).toBe(paused);
});

test("Step, Reset, dataset and layer controls work by keyboard", async ({ page }) => {
  const widget = await goLive(page, "/glossary/deep-learning");
  await widget.getByRole("button", { name: "Step" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 1");
  await page.keyboard.press("Enter");
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 2");
  await widget.getByRole("button", { name: "Reset" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 0");

  const nodes = widget.locator("button.lv-node");
  const before = await nodes.count();
  await widget.getByRole("button", { name: "Add a hidden layer" }).focus();
  await page.keyboard.press("Enter");
  await expect(nodes).toHaveCount(before + 8);
  await widget.getByRole("button", { name: "Fewer neurons in layer 3" }).focus();
  await page.keyboard.press("Enter");
  await expect(nodes).toHaveCount(before + 7);

  await widget.getByRole("radio", { name: "XOR" }).focus();
  await page.keyboard.press("Space");
  await expect(widget.getByRole("radio", { name: "XOR" })).toBeChecked();
  await expect(page).toHaveURL(/lv-data=xor/);
});

test("pointer: choosing a dataset and tracing a point shows every neuron's value", async ({ page }) => {
  const widget = await goLive(page, "/glossary/deep-learning");
  await widget.getByText("Two clusters").click();
  await expect(page).toHaveURL(/lv-data=gauss/);
  const plane = widget.locator(".lv-plane");
  const box = (await plane.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
  await expect(widget.locator(".lv-net--tracing")).toBeVisible();
  const values = await widget.locator(".lv-node__value").allTextContents();
  expect(values.length).toBe(await widget.locator("button.lv-node").count());
  for (const v of values) expect(v).toMatch(/^-?\d+(\.\d+)?$/);
  // The inputs read the traced point (x₁ < 0 and x₂ > 0 in the top-left quarter).
  expect(Number(values[0])).toBeLessThan(0);
  expect(Number(values[1])).toBeGreaterThan(0);
});

test("hovering or focusing a neuron enlarges its heatmap", async ({ page }) => {
  const widget = await goLive(page, "/glossary/deep-learning");
  const node = widget.locator("button.lv-node").nth(3);
  const width = async () => node.evaluate((el) => el.getBoundingClientRect().width);
  const small = await width();
  await node.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect.poll(width).toBeGreaterThan(small * 2);
});

test("test points stay hidden until 'Show test data' is ticked, by keyboard, and training carries on", async ({ page }) => {
  const widget = await goLive(page, "/glossary/deep-learning");
  const points = widget.locator(".lv-plane path.lv-point");
  await expect(points).toHaveCount(250); // the 500 points split 50/50: only the training half
  await expect(widget.locator('.lv-plane path.lv-point[fill="none"]')).toHaveCount(0);
  await widget.getByRole("button", { name: "Step" }).click();
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 1");

  const toggle = widget.getByRole("checkbox", { name: "Show test data" });
  await expect(toggle).not.toBeChecked();
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(toggle).toBeChecked();
  await expect(points).toHaveCount(500);
  await expect(widget.locator('.lv-plane path.lv-point[fill="none"]')).toHaveCount(250);
  await expect(page).toHaveURL(/lv-show-test=1/);
  // Only the drawing changed: the network was not rebuilt.
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 1");

  const other = await page.context().newPage();
  const again = await goLive(other, new URL(page.url()).pathname + new URL(page.url()).search);
  await expect(again.getByRole("checkbox", { name: "Show test data" })).toBeChecked();
  await expect(again.locator(".lv-plane path.lv-point")).toHaveCount(500);
});

test("the configuration round-trips through the URL", async ({ page }) => {
  const widget = await goLive(page, "/glossary/deep-learning");
  await widget.getByRole("radio", { name: "XOR" }).check();
  await widget.getByRole("button", { name: "Remove a hidden layer" }).click();
  await widget.getByLabel("Activation").selectOption("relu");
  await widget.getByRole("checkbox", { name: "x₁x₂" }).check();
  const shared = page.url();
  expect(shared).toMatch(/lv-data=xor/);

  const other = await page.context().newPage();
  const again = await goLive(other, new URL(shared).pathname + new URL(shared).search);
  await expect(again.getByRole("radio", { name: "XOR" })).toBeChecked();
  await expect(again.getByLabel("Activation")).toHaveValue("relu");
  await expect(again.getByRole("checkbox", { name: "x₁x₂" })).toBeChecked();
  await expect(again.locator("button.lv-node")).toHaveCount(3 + 8 + 1);
});

test("tensors do not pile up over 2,000 training steps", async ({ page }) => {
  test.setTimeout(90_000);
  const widget = await goLive(page, "/glossary/deep-learning?lv-data=circle&lv-layers=4-2");
  await widget.getByRole("button", { name: "Play" }).click();
  await waitForEpoch(widget, 20);
  const early = await number(widget, "data-num-tensors");
  // 250 training points in batches of 10: 25 optimizer steps an epoch, so 80 epochs are 2,000 steps.
  await waitForEpoch(widget, 100, 75_000);
  expect(await number(widget, "data-num-tensors")).toBe(early);
});

test("training pauses off screen and resumes where it was", async ({ page }) => {
  const widget = await goLive(page, "/glossary/deep-learning?lv-data=circle&lv-layers=4-2");
  await widget.getByRole("button", { name: "Play" }).click();
  await waitForEpoch(widget, 30);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  const away = await number(widget, "data-epoch");
  await page.waitForTimeout(800);
  expect(await number(widget, "data-epoch")).toBeLessThanOrEqual(away + 2);
  await widget.scrollIntoViewIfNeeded();
  await waitForEpoch(widget, away + 30);
});

test("with reduced motion nothing starts on its own", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const widget = await goLive(page, "/glossary/deep-learning");
  await page.waitForTimeout(1_000);
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 0");
  await expect(widget.getByRole("button", { name: "Play" })).toBeVisible();
});

test("'Show as table' gives the numbers behind the picture", async ({ page }) => {
  const widget = await goLive(page, "/glossary/deep-learning");
  await widget.getByLabel("Show as table").check();
  const table = widget.locator(".lv-table");
  await expect(table.getByRole("row", { name: /Test loss/ })).toContainText(/\d\.\d{4}/);
  await expect(table.getByRole("row", { name: /Hidden layer 1/ })).toContainText(/-?\d\.\d\d/);
  await expect(table.getByRole("row", { name: /Output/ })).toContainText(/\d\.\d\d/);
});

test("digits: the network passes 90% test accuracy within 30 s", async ({ page }) => {
  const widget = await goLive(page, "/glossary/neural-network");
  await widget.getByRole("button", { name: "Play" }).click();
  const started = Date.now();
  await expect.poll(() => number(widget, "data-test-accuracy"), { timeout: 30_000, intervals: [200] }).toBeGreaterThanOrEqual(0.9);
  expect(Date.now() - started).toBeLessThan(30_000);
});

test("digits: drawing shows each layer's activations and the ten probabilities", async ({ page }) => {
  const widget = await goLive(page, "/glossary/neural-network");
  await widget.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => number(widget, "data-test-accuracy"), { timeout: 30_000 }).toBeGreaterThanOrEqual(0.85);
  await widget.getByRole("button", { name: "Pause" }).click();
  const pad = widget.locator(".lv-pad__canvas");
  const box = (await pad.boundingBox())!;
  // A "1": one vertical stroke down the middle.
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.85, { steps: 12 });
  await page.mouse.up();
  await expect(widget.locator(".lv-pad__label")).toHaveText("Your drawing");
  await expect(widget.locator("g.lv-prob")).toHaveCount(10);
  await expect(widget.locator(".lv-dlayer")).toHaveCount(3);
  await expect(widget.getByTestId("summary")).toHaveText(/reads this digit as \d \(\d+%\)/);
  const inputCells = widget.locator(".lv-dlayer").first().locator("span");
  await expect(inputCells).toHaveCount(64);

  await widget.getByRole("button", { name: "Next test digit" }).click();
  await expect(widget.locator(".lv-pad__label")).toHaveText(/Test digit labelled \d/);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations in the live widget (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ["/glossary/deep-learning", "/glossary/neural-network"]) {
      const widget = await goLive(page, path);
      await widget.getByRole("button", { name: "Step" }).click();
      await widget.getByLabel("Show as table").check();
      const results = await new AxeBuilder({ page }).include(WIDGET).analyze();
      expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });
}

test("at 375 px the live widget fits the phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ["/glossary/deep-learning", "/glossary/neural-network"]) {
    await goLive(page, path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  }
});

test("touch: a tap on the plane traces that point", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  const widget = await goLive(page, "/glossary/deep-learning");
  const box = (await widget.locator(".lv-plane").boundingBox())!;
  await page.touchscreen.tap(box.x + box.width * 0.75, box.y + box.height * 0.75);
  await expect(widget.locator(".lv-net--tracing")).toBeVisible();
  await context.close();
});
