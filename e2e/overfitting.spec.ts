import { expect, test, type Locator, type Page } from "@playwright/test";
import { entriesInScheme } from "./site";
import { axeViolations, expectFitsPhone, expectLoadedOnlyNearWidget } from "./widgets";

const WIDGET = '[data-widget="overfitting"]';
const ENTRIES = [
  { path: "/glossary/overfitting", l2: "0", dropout: "0", highlight: null },
  { path: "/glossary/regularization", l2: "0.01", dropout: "0", highlight: "L2 penalty" },
  { path: "/glossary/dropout", l2: "0", dropout: "0", highlight: "Dropout" },
  { path: "/glossary/generalization", l2: "0", dropout: "0", highlight: null },
] as const;
const SUMMARY = /^Epoch [\d,]+ · train loss [\d.]+ · test loss [\d.]+\. /;

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

/** After Pause, a step the worker was already running still lands; then the count stays. The settled epoch. */
async function settledEpoch(widget: Locator): Promise<number> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await number(widget, "data-epoch");
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [300], timeout: 10_000 },
    )
    .toBe(true);
  return last;
}

async function waitForEpoch(widget: Locator, atLeast: number, timeout = 30_000) {
  await expect.poll(() => number(widget, "data-epoch"), { timeout }).toBeGreaterThanOrEqual(atLeast);
}

test("a still first, then the live widget on each of its entries, with that entry's settings", async ({ page }) => {
  for (const entry of ENTRIES) {
    await page.goto(entry.path);
    const still = page.locator(WIDGET);
    await expect(still).toHaveAttribute("data-live", "false");
    await expect(still.getByRole("button", { name: "Play" })).toBeDisabled();
    // The still already shows the real points.
    await expect(still.locator(".of-svg circle.of-train")).toHaveCount(14);
    const widget = await goLive(page, entry.path);
    await expect(widget).toHaveAttribute("data-l2", entry.l2);
    await expect(widget).toHaveAttribute("data-dropout", entry.dropout);
    await expect(widget.getByTestId("epoch")).toHaveText("Epoch 0");
    await expect(widget.locator(".of-svg circle.of-train")).toHaveCount(14);
    await expect(widget.locator(".of-svg circle.of-test")).toHaveCount(40);
    await expect(widget.locator(".of-svg path.of-fit")).toHaveCount(1);
    const highlighted = widget.locator(".of-slider--highlight label");
    if (entry.highlight) await expect(highlighted).toHaveText(entry.highlight);
    else await expect(highlighted).toHaveCount(0);
  }
});

test("the still holds the widget's exact place, so nothing shifts when it goes live", async ({ page }) => {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/glossary/overfitting");
    const height = () => page.locator(WIDGET).evaluate((el) => el.getBoundingClientRect().height);
    const before = await height();
    const widget = await goLive(page, "/glossary/overfitting");
    await page.waitForTimeout(300);
    expect(Math.abs((await height()) - before), `at ${width} px`).toBeLessThanOrEqual(1);
    // Training changes words and lines, never the size.
    await widget.getByRole("button", { name: "Step" }).click();
    await expect(widget.getByTestId("epoch")).toHaveText("Epoch 50");
    expect(Math.abs((await height()) - before), `at ${width} px after a step`).toBeLessThanOrEqual(1);
  }
});

test("TF.js is not fetched until the widget nears the viewport; widget-free entries load none of its code", async ({ page }) => {
  await expectLoadedOnlyNearWidget(page, "/glossary/overfitting", WIDGET, "of-slider");
});

test("with nothing to hold it back the network memorises: train loss falls, test loss rises, the summary says so", async ({ page }) => {
  const widget = await goLive(page, "/glossary/overfitting");
  await widget.getByRole("button", { name: "Play" }).click();
  await waitForEpoch(widget, 200);
  const early = { train: await number(widget, "data-train-loss"), test: await number(widget, "data-test-loss") };
  await waitForEpoch(widget, 1500, 60_000);
  await widget.getByRole("button", { name: "Pause" }).click();
  const paused = await settledEpoch(widget);
  const late = { train: await number(widget, "data-train-loss"), test: await number(widget, "data-test-loss") };
  expect(late.train).toBeLessThan(early.train / 3);
  expect(late.test).toBeGreaterThan(early.test);
  await expect(widget.getByTestId("summary")).toHaveText(/Test loss is (\d+×|over 1,000×) the train loss: it is memorising the noise\.$/);
  await expect(widget.getByTestId("epoch")).toHaveText(`Epoch ${paused.toLocaleString("en-GB")}`);
  await page.waitForTimeout(500);
  expect(await number(widget, "data-epoch")).toBe(paused);
  // The loss plot has both lines and marks the lowest test loss.
  await expect(widget.locator(".of-svg path.of-loss--train")).toHaveCount(1);
  await expect(widget.locator(".of-svg path.of-loss--test")).toHaveCount(1);
  await expect(widget.locator(".of-svg circle.of-best")).toHaveCount(1);
});

test("with the L2 penalty on, the gap stays small", async ({ page }) => {
  const widget = await goLive(page, "/glossary/regularization");
  await widget.getByRole("button", { name: "Play" }).click();
  await waitForEpoch(widget, 1500, 60_000);
  await widget.getByRole("button", { name: "Pause" }).click();
  const train = await number(widget, "data-train-loss");
  const test_ = await number(widget, "data-test-loss");
  expect(test_ / train).toBeLessThan(3.5);
  await expect(widget.getByTestId("summary")).not.toHaveText(/memorising/);
});

test("keyboard: Step, Reset, New noise and both sliders", async ({ page }) => {
  const widget = await goLive(page, "/glossary/dropout");
  await widget.getByRole("button", { name: "Step" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 50");
  await page.keyboard.press("Space");
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 100");
  await expect(widget.getByTestId("summary")).toHaveText(/^Epoch 100 · train loss/);
  await widget.getByRole("button", { name: "Reset" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 0");

  const dropout = widget.getByLabel("Dropout");
  await dropout.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(widget).toHaveAttribute("data-dropout", "0.3");
  await expect(dropout).toHaveAttribute("aria-valuetext", "30%");
  const l2 = widget.getByLabel("L2 penalty");
  await l2.focus();
  await page.keyboard.press("End");
  await expect(widget).toHaveAttribute("data-l2", "0.03");
  await page.keyboard.press("Home");
  await expect(widget).toHaveAttribute("data-l2", "0");

  const seed = await number(widget, "data-seed");
  const first = await widget.locator(".of-svg circle.of-train").first().getAttribute("cy");
  await widget.getByRole("button", { name: "New noise" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget).toHaveAttribute("data-seed", String(seed + 1));
  await expect.poll(() => widget.locator(".of-svg circle.of-train").first().getAttribute("cy")).not.toBe(first);

  // Play and Pause from the keyboard.
  await widget.getByRole("button", { name: "Play" }).focus();
  await page.keyboard.press("Enter");
  await waitForEpoch(widget, 60);
  await widget.getByRole("button", { name: "Pause" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget).toHaveAttribute("data-playing", "false");
});

test("pointer and touch: buttons and sliders respond to clicks and taps", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const widget = await goLive(page, "/glossary/generalization");
  await widget.getByRole("button", { name: "Step" }).tap();
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 50");
  const slider = widget.getByLabel("Dropout");
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width - 4, box.y + box.height / 2);
  await expect(widget).toHaveAttribute("data-dropout", "0.5");
  await context.close();

  const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const w = await goLive(desktop, "/glossary/overfitting");
  const l2 = (await w.getByLabel("L2 penalty").boundingBox())!;
  await desktop.mouse.click(l2.x + l2.width * 0.75, l2.y + l2.height / 2);
  await expect(w).toHaveAttribute("data-l2", "0.01");
  await w.getByRole("button", { name: "Play" }).click();
  await waitForEpoch(w, 30);
  await w.getByRole("button", { name: "Pause" }).click();
  await desktop.close();
});

test("tensors do not pile up over rounds of training, new noise and dropout changes, then a reset", async ({ page }) => {
  test.setTimeout(90_000);
  const widget = await goLive(page, "/glossary/overfitting");
  // Adam makes its moment estimates on the first step: count from there.
  await widget.getByRole("button", { name: "Step" }).click();
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 50");
  const baseline = await number(widget, "data-num-tensors");
  expect(baseline).toBeGreaterThan(0);
  await widget.getByRole("button", { name: "Play" }).click();
  // Slider positions (dropout 0.5, off, 0.2).
  const dropouts = ["5", "0", "2"];
  for (let round = 0; round < 7; round++) {
    await page.waitForTimeout(1_000);
    expect(await number(widget, "data-num-tensors")).toBe(baseline);
    if (round % 3 === 1) {
      await widget.getByRole("button", { name: "New noise" }).click();
      await widget.getByRole("button", { name: "Play" }).click();
    }
    if (round % 3 === 2) await widget.getByLabel("Dropout").fill(dropouts[Math.floor(round / 3) % dropouts.length]);
  }
  await widget.getByRole("button", { name: "Pause" }).click();
  await widget.getByRole("button", { name: "Reset" }).click();
  await widget.getByRole("button", { name: "Step" }).click();
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 50");
  expect(await number(widget, "data-num-tensors")).toBe(baseline);
});

test("training pauses off screen and goes on where it was", async ({ page }) => {
  const widget = await goLive(page, "/glossary/overfitting");
  await widget.getByRole("button", { name: "Play" }).click();
  await waitForEpoch(widget, 50);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  const away = await number(widget, "data-epoch");
  await page.waitForTimeout(800);
  expect(await number(widget, "data-epoch")).toBeLessThanOrEqual(away + 30);
  await widget.scrollIntoViewIfNeeded();
  await waitForEpoch(widget, away + 100);
});

test("with reduced motion nothing starts on its own", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const widget = await goLive(page, "/glossary/overfitting");
  await page.waitForTimeout(1_000);
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 0");
  await expect(widget).toHaveAttribute("data-playing", "false");
  await widget.getByRole("button", { name: "Step" }).click();
  await expect(widget.getByTestId("epoch")).toHaveText("Epoch 50");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations in the live widget (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const entry of entriesInScheme(colorScheme, ENTRIES)) {
      const widget = await goLive(page, entry.path);
      await widget.getByRole("button", { name: "Step" }).click();
      await widget.getByLabel("Dropout").focus();
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
