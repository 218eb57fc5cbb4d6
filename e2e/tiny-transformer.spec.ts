import { expect, test, type Locator, type Page } from "@playwright/test";
import { watchForProblems } from "./support/page-problems";
import { axeViolations, expectFitsPhone, expectLoadedOnlyNearWidget } from "./widgets";

const WIDGET = '[data-widget="tiny-transformer"]';
const ENTRY = "/glossary/attention";

/** Scrolls the widget into view and waits for its first look inside the model. */
async function goLive(page: Page, path = ENTRY): Promise<Locator> {
  await page.goto(path);
  const widget = page.locator(WIDGET).first();
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await expect(widget).toHaveAttribute("data-busy", "false");
  return widget;
}

/** Replaces the prompt and waits for the model's answer to it. */
async function typePrompt(widget: Locator, text: string) {
  await widget.getByLabel("Your prompt").fill(text);
  await expect(widget).toHaveAttribute("data-busy", "false");
}

/** The large map (cells and labels on one canvas) as a data URL: changes whenever its picture does. */
const mapPicture = (widget: Locator) => widget.locator(".tt-map__canvas").evaluate((c: HTMLCanvasElement) => c.toDataURL());
/** Every head's small map (one canvas over the head buttons), likewise. */
const thumbsPicture = (widget: Locator) => widget.locator(".tt-thumbs__maps").evaluate((c: HTMLCanvasElement) => c.toDataURL());
/**
 * For each head button, whether its map is painted inside its square and nowhere beside it: the
 * thumbnails share one canvas laid over the buttons, so a map drawn off its square would show.
 */
const thumbsInPlace = (widget: Locator) =>
  widget.locator(".tt-thumbs__maps").evaluate((canvas: HTMLCanvasElement) => {
    const origin = canvas.getBoundingClientRect();
    const scale = canvas.width / origin.width;
    const alpha = (x: number, y: number) => canvas.getContext("2d")!.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data[3];
    return [...canvas.parentElement!.querySelectorAll(".tt-thumb__map")].map((square) => {
      const r = square.getBoundingClientRect();
      const [x, y] = [r.left - origin.left, r.top - origin.top];
      return { inside: alpha(x + r.width / 2, y + r.height / 2) === 255 && alpha(x + 2, y + 2) === 255, beside: alpha(x - 3, y + r.height / 2) + alpha(x + r.width / 2, y + r.height + 3) };
    });
  });
/** The pieces the next-piece bars read out to a screen reader, with their percentages. */
const barsReadOut = async (widget: Locator) => [...((await widget.locator(".tt-bars").getAttribute("aria-label")) ?? "").matchAll(/“([^”]*)” (<?\d+%)/g)].map((m) => m[2]);

test("the still explains itself, then the widget goes live with its maps and bars", async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.goto(ENTRY);
  const still = page.locator(WIDGET);
  await expect(still).toHaveAttribute("data-live", "false");
  await expect(still.getByLabel("Your prompt")).toBeDisabled();
  await expect(still.locator(".tt-chip")).toHaveCount(9); // split on the server: ▁a ▁neural ▁network ▁learns ▁from ▁data , ▁so ▁it
  await expect(still.locator(".tt-bars__note")).toHaveText(/appear here as bars once the model has loaded/);
  const widget = await goLive(page);
  await expect(widget.locator(".widget__badge")).toHaveText("TF.js · wasm");
  await expect(widget.locator(".tt-look")).toHaveText(/^“▁it” \(piece 9\) looks most at “▁network” \d+%/);
  await expect(widget.getByTestId("summary")).toHaveText(/^9 pieces\. Layer 2, head 1: .+ Likeliest next piece: “.+” \d+%\.$/);
  await expect(widget.locator(".tt-bars")).toHaveAttribute("data-bars", "8");
  await expect(widget.locator(".tt-map__canvas")).toHaveAttribute("data-rows", "9");
  await expect(widget.locator(".tt-map__mask")).toHaveAttribute("d", /^M/);
  expect(problems).toEqual([]);
});

test("typing changes the pieces, the maps and the bars", async ({ page }) => {
  const widget = await goLive(page);
  const before = await mapPicture(widget);
  const thumbsBefore = await thumbsPicture(widget);
  const top = await widget.getAttribute("data-top-piece");
  await typePrompt(widget, "the model reads the prompt, and then it");
  await expect(widget).toHaveAttribute("data-pieces", "9");
  await expect(widget.locator(".tt-chip")).toHaveCount(9);
  await expect(widget.locator(".tt-map__canvas")).toHaveAttribute("data-rows", "9");
  expect(await mapPicture(widget)).not.toBe(before);
  expect(await thumbsPicture(widget)).not.toBe(thumbsBefore);
  expect(await thumbsInPlace(widget)).toEqual(Array.from({ length: 8 }, () => ({ inside: true, beside: 0 })));
  await widget.getByLabel("Your prompt").pressSequentially(" is", { delay: 40 });
  await expect(widget).toHaveAttribute("data-pieces", "10");
  await expect(widget).toHaveAttribute("data-busy", "false");
  expect(await widget.getAttribute("data-top-piece")).not.toBe(top);
  // Picking a piece on the map makes it the one that looks.
  // Clicked through the locator, so the map is measured where it is at the moment of the click
  // (a box read first goes stale if the page moves in between).
  const overlay = widget.locator(".tt-map__overlay");
  const box = (await overlay.boundingBox())!;
  await overlay.click({ position: { x: box.width * 0.6, y: (box.height * (92 + (304 * 2.5) / 10)) / 400 } });
  await expect(widget).toHaveAttribute("data-position", "2");
  await expect(widget.locator(".tt-look")).toHaveText(/^“▁reads” \(piece 3\)/);
});

test("temperature and top-k redraw the bars at once", async ({ page }) => {
  const widget = await goLive(page);
  const p = async () => Number(await widget.getAttribute("data-top-p"));
  const warm = await p();
  const temperature = widget.getByRole("slider", { name: "Temperature" });
  await temperature.fill("0.3");
  await expect.poll(p).toBeGreaterThan(warm);
  await temperature.fill("0");
  await expect.poll(p).toBe(1);
  await expect.poll(() => barsReadOut(widget)).toEqual(["100%"]);
  const bars = await widget.locator(".tt-bars").evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await temperature.fill("1");
  await widget.getByRole("slider", { name: "Top-k" }).fill("2");
  await expect.poll(async () => (await barsReadOut(widget)).length).toBe(2);
  expect(await widget.locator(".tt-bars").evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(bars);
});

test("Generate adds one piece per press; Play keeps going until paused; Reset goes back", async ({ page }) => {
  const widget = await goLive(page);
  const tensors = await widget.getAttribute("data-num-tensors");
  await widget.getByRole("button", { name: "Generate" }).click();
  await expect(widget).toHaveAttribute("data-generated", "1");
  await expect(widget).toHaveAttribute("data-pieces", "10");
  await expect(widget).toHaveAttribute("data-busy", "false");
  await widget.getByRole("button", { name: "Play" }).click();
  await expect.poll(async () => Number(await widget.getAttribute("data-generated"))).toBeGreaterThanOrEqual(4);
  await widget.getByRole("button", { name: "Pause" }).click();
  const n = Number(await widget.getAttribute("data-generated"));
  await page.waitForTimeout(600);
  expect(Number(await widget.getAttribute("data-generated"))).toBeLessThanOrEqual(n + 1);
  await expect(widget.getByTestId("tt-generated")).toHaveText(/^\d+ generated$/);
  await expect(widget).toHaveAttribute("data-busy", "false");
  // No tensor leaks: the worker holds the same number after many looks.
  expect(await widget.getAttribute("data-num-tensors")).toBe(tensors);
  await widget.getByRole("button", { name: "Reset" }).click();
  await expect(widget).toHaveAttribute("data-pieces", "9");
  await expect(widget.getByLabel("Your prompt")).toHaveValue("a neural network learns from data, so it");
});

test("keyboard only: the pieces, the head picker, the sliders and Generate", async ({ page }) => {
  const widget = await goLive(page);
  await widget.getByLabel("Your prompt").focus();
  await page.keyboard.press("Tab");
  const last = widget.locator(".tt-chip").last();
  await expect(last).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(widget.locator(".tt-chip").nth(7)).toBeFocused();
  await expect(widget).toHaveAttribute("data-position", "7");
  await expect(widget.locator(".tt-look")).toHaveText(/^“▁so” \(piece 8\)/);
  await page.keyboard.press("Home");
  await expect(widget.locator(".tt-look")).toHaveText(/^“▁a” \(piece 1\) looks most at “▁a” 100%/);
  await page.keyboard.press("Tab");
  await expect(widget.getByLabel("Layer", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(widget.getByLabel("Head", { exact: true })).toBeFocused();
  await widget.getByLabel("Head", { exact: true }).selectOption({ label: "3" });
  await expect(widget.getByTestId("summary")).toHaveText(/Layer 2, head 3:/);
  await widget.getByRole("slider", { name: "Temperature" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(widget.getByRole("slider", { name: "Temperature" })).toHaveValue("0.85");
  await widget.getByRole("button", { name: "Generate" }).focus();
  await page.keyboard.press("Enter");
  await expect(widget).toHaveAttribute("data-generated", "1");
});

test("the state is kept in the address", async ({ page }) => {
  const widget = await goLive(page, `${ENTRY}?tt-prompt=${encodeURIComponent("the cat sat, and it")}&tt-layer=1&tt-head=4&tt-t=1.5`);
  await expect(widget.getByLabel("Your prompt")).toHaveValue("the cat sat, and it");
  await expect(widget.getByTestId("summary")).toHaveText(/Layer 1, head 4:/);
  await expect(widget.getByRole("slider", { name: "Temperature" })).toHaveValue("1.5");
  await widget.getByLabel("Head", { exact: true }).selectOption({ label: "2" });
  await expect.poll(() => new URL(page.url()).searchParams.get("tt-head")).toBe("2");
});

test("the still holds the widget's exact place, so nothing shifts when it goes live", async ({ page }) => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(ENTRY);
    const height = () => page.locator(WIDGET).evaluate((el) => el.getBoundingClientRect().height);
    await expect(page.locator(WIDGET)).toHaveAttribute("data-live", "false");
    const before = await height();
    await goLive(page);
    await page.waitForTimeout(200);
    expect(Math.abs((await height()) - before), `at ${width} px`).toBeLessThanOrEqual(1);
  }
});

test("at 375 px it fits the phone and shows one head at a time", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const widget = await goLive(page);
  await expectFitsPhone(page, widget);
  await expect(widget.locator(".tt-thumbs")).toBeHidden();
  await expect(widget.getByLabel("Head", { exact: true })).toBeVisible();
  await typePrompt(widget, "supercalifragilistic ".repeat(12));
  await expectFitsPhone(page, widget);
});

test("TF.js and the model load only near the widget", async ({ page }) => {
  await expectLoadedOnlyNearWidget(page, ENTRY, WIDGET, "tt-chip");
});

test("nothing in it eases or animates, with or without reduced motion (it changes with every key)", async ({ page }) => {
  for (const reducedMotion of ["no-preference", "reduce"] as const) {
    await page.emulateMedia({ reducedMotion });
    const widget = await goLive(page);
    await typePrompt(widget, "the model reads the prompt");
    const moving = await widget.evaluate((root) => {
      // Longer than a millisecond: reduced motion shortens every transition on the page to 0.01 ms.
      const seconds = (d: string) => parseFloat(d) / (d.trim().endsWith("ms") ? 1000 : 1);
      const eases = (el: Element) => getComputedStyle(el).transitionDuration.split(",").some((d) => seconds(d) > 0.001);
      return [root, ...root.querySelectorAll("*")].filter(eases).map((el) => String(el.className));
    });
    expect(moving, reducedMotion).toEqual([]);
    expect(await widget.evaluate((root) => root.getAnimations({ subtree: true }).length)).toBe(0);
  }
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations, still and live, table open (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(ENTRY);
    await expect(page.locator(WIDGET)).toHaveAttribute("data-live", "false");
    expect(await axeViolations(page, WIDGET, `${ENTRY} (still)`)).toEqual([]);
    const widget = await goLive(page);
    await widget.getByText("Show this map as a table").click();
    await expect(widget.locator(".tt-table table")).toBeVisible();
    expect(await axeViolations(page, WIDGET, ENTRY)).toEqual([]);
  });
}

test("the step-through writes out one head's arithmetic for the picked piece", async ({ page }) => {
  const widget = await goLive(page);
  await widget.getByText("Step through one head").click();
  const steps = widget.locator(".tt-steps:not(.tt-train)");
  await expect(steps).toContainText("Layer 2, head 1, piece 9 “▁it”. Each query, key and value here has 16 numbers.");
  await expect(steps.getByRole("list", { name: "Query of “▁it”" }).locator("li")).toHaveCount(16);
  // The key shown first is the piece weighted most: "network".
  await expect(steps.getByLabel("the key of piece")).toHaveValue("2");
  await expect(steps.locator(".tt-formula").first()).toHaveText(/^q·k = .+ \+ … \(16 terms\) = −?\d+\.\d\d$/);
  await expect(steps.locator("tbody tr")).toHaveCount(9);
  await expect(steps.locator("tfoot td").last()).toHaveText("1.000");
  // The table's weight for "network" is the one the pieces strip shows.
  const chip = await widget.locator(".tt-chip").nth(2).locator(".tt-chip__w").textContent();
  await expect(steps.locator("tbody tr").nth(2).locator("td").last()).toContainText(`(${chip})`);
  await steps.getByLabel("the key of piece").selectOption("0");
  await expect(steps.getByRole("list", { name: "Key of “▁a”" })).toBeVisible();
  // Picking another piece follows it.
  await widget.locator(".tt-chip").nth(5).click();
  await expect(steps).toContainText("piece 6 “▁data”");
  await expect(steps.locator("tbody tr")).toHaveCount(6);
});

test("it goes live on each entry that embeds it, with that entry's prompt", async ({ page }) => {
  const entries: [string, RegExp][] = [
    ["/glossary/transformer", /^the transformer reads/],
    ["/glossary/large-language-model", /^a large language model/],
    ["/glossary/token", /photosynthesis/],
    ["/glossary/temperature", /^the model picks the next$/],
    ["/glossary/next-token-prediction", /^a neural network learns from$/],
  ];
  for (const [path, prompt] of entries) {
    const widget = await goLive(page, path);
    await expect(widget.getByLabel("Your prompt")).toHaveValue(prompt);
    await expect(widget.getByTestId("summary")).toHaveText(/Likeliest next piece/);
  }
  const temperature = await goLive(page, "/glossary/temperature");
  await expect(temperature.getByRole("slider", { name: "Temperature" })).toHaveValue("1");
  await expect(temperature).toHaveAttribute("data-top-piece", "▁token");
});

test("on Context Window, generating past sixty-four pieces crosses out the oldest", async ({ page }) => {
  const widget = await goLive(page, "/glossary/context-window");
  const pieces = Number(await widget.getAttribute("data-pieces"));
  expect(pieces).toBeLessThan(64);
  await expect(widget.locator(".tt-chip--out")).toHaveCount(0);
  for (let i = pieces; i < 66; i++) {
    await widget.getByRole("button", { name: "Generate" }).click();
    await expect(widget).toHaveAttribute("data-generated", String(i - pieces + 1));
    await expect(widget).toHaveAttribute("data-busy", "false");
  }
  await expect(widget.locator(".tt-chip--out")).toHaveCount(2);
  await expect(widget.getByTestId("summary")).toHaveText(/^66 pieces \(the model sees the last 64\)/);
  await expect(widget.locator(".tt-map__picked")).toHaveCount(1);
});

test("Train it yourself: from random weights on the glossary, the loss on unread entries passes counting's and falls", async ({ page }) => {
  test.setTimeout(240_000);
  const widget = await goLive(page);
  await widget.getByText("Train it yourself").click();
  const body = widget.locator(".tt-train__body");
  const status = body.locator(".tt-train__status");
  await expect(status).toHaveText(/^Step 0: loss \d\.\d\d on entries neither model has read \(\d+ pieces\), lowest \d\.\d\d\. Counts only: \d\.\d\d\. Shipped model: \d\.\d\d\.$/, { timeout: 60_000 });
  const counting = Number((await status.textContent())!.match(/Counts only: (\d\.\d\d)/)![1]);
  const start = Number(await body.getAttribute("data-train-loss"));
  // Random weights, with the output's bias at the pieces' counts: about as good as counting.
  expect(Math.abs(start - counting)).toBeLessThan(0.2);
  await body.getByRole("button", { name: "Step" }).click();
  await expect(body).toHaveAttribute("data-train-step", "1", { timeout: 60_000 });
  await body.getByRole("button", { name: "Play" }).click();
  await expect.poll(async () => Number(await body.getAttribute("data-train-step")), { timeout: 120_000 }).toBeGreaterThanOrEqual(150);
  await body.getByRole("button", { name: "Pause" }).click();
  await expect.poll(async () => Number(await body.getAttribute("data-train-loss")), { timeout: 60_000 }).toBeLessThan(Math.min(counting, start - 0.3));
  await expect(body.locator("path.tt-loss__held")).toHaveAttribute("d", /^M.+L/);
  await expect(body.locator(".tt-train__sample")).toContainText("the");
  // Reset starts again from the same random weights.
  await body.getByRole("button", { name: "Reset" }).click();
  await expect(body.getByTestId("tt-train-step")).toHaveText("Step 0");
  await expect.poll(async () => Number(await body.getAttribute("data-train-loss"))).toBeCloseTo(start, 3);
  // This entry's own text is measured on its held-back tenth.
  await body.getByLabel("This entry", { exact: true }).check();
  await body.getByRole("button", { name: "Use this text" }).click();
  await expect(status).toHaveText(/^Step 0: loss \d\.\d\d on the held-back tenth \(\d+ pieces\)/, { timeout: 60_000 });
  await expect(body).toContainText("overfitting");
});

test("Train it yourself refuses a text too short to learn from, and says why", async ({ page }) => {
  const widget = await goLive(page);
  await widget.getByText("Train it yourself").click();
  const body = widget.locator(".tt-train__body");
  await body.getByLabel("Your own text", { exact: true }).check();
  await body.getByLabel("Your text to learn from").fill("Far too short.");
  await body.getByRole("button", { name: "Use this text" }).click();
  await expect(body.locator(".tt-train__status")).toHaveText(/too short to learn from/, { timeout: 60_000 });
});

test.describe("on a phone with its CPU slowed four times", () => {
  test.use({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

  test("the whole scenario: goes live in place, typing, temperature, a head, the step-through, Generate and training", async ({ page, context }) => {
    test.setTimeout(240_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(ENTRY);
    const still = page.locator(WIDGET);
    const height = () => still.evaluate((el) => el.getBoundingClientRect().height);
    const before = await height();
    const widget = await goLive(page);
    expect(Math.abs((await height()) - before)).toBeLessThanOrEqual(1);
    await expectFitsPhone(page, widget);

    // Typing, key by key: the pieces, the map and the bars follow.
    const map = await mapPicture(widget);
    const top = await widget.getAttribute("data-top-piece");
    const box = widget.getByLabel("Your prompt");
    await box.tap();
    await box.press("End");
    await box.pressSequentially(" is", { delay: 60 });
    await expect(widget).toHaveAttribute("data-pieces", "10");
    await expect(widget).toHaveAttribute("data-busy", "false");
    await expect(widget.locator(".tt-chip")).toHaveCount(10);
    expect(await mapPicture(widget)).not.toBe(map);
    expect(await widget.getAttribute("data-top-piece")).not.toBe(top);

    // Temperature 0 leaves one piece at 100%.
    await widget.getByRole("slider", { name: "Temperature" }).fill("0");
    await expect.poll(() => barsReadOut(widget)).toEqual(["100%"]);

    // Another head, from the phone's select.
    const head = await mapPicture(widget);
    await widget.getByLabel("Head", { exact: true }).selectOption("3");
    await expect.poll(() => mapPicture(widget)).not.toBe(head);

    // The step-through follows the piece tapped.
    await widget.getByText("Step through one head").tap();
    const steps = widget.locator(".tt-steps:not(.tt-train)");
    await widget.locator(".tt-chip").nth(5).tap();
    await expect(steps).toContainText("Layer 2, head 3, piece 6 “▁data”");
    await expect(steps.locator("tfoot td").last()).toHaveText("1.000");

    // Generate adds one piece.
    await widget.getByRole("button", { name: "Generate" }).tap();
    await expect(widget).toHaveAttribute("data-generated", "1");
    await expect(widget).toHaveAttribute("data-pieces", "11");

    // Train it yourself for a while: the loss on unread entries falls.
    await widget.getByText("Train it yourself").tap();
    const body = widget.locator(".tt-train__body");
    await expect(body.locator(".tt-train__status")).toHaveText(/^Step 0: loss/, { timeout: 90_000 });
    const start = Number(await body.getAttribute("data-train-loss"));
    await body.getByRole("button", { name: "Play" }).tap();
    await expect.poll(async () => Number(await body.getAttribute("data-train-loss")), { timeout: 120_000 }).toBeLessThan(start - 0.1);
    await body.getByRole("button", { name: "Pause" }).tap();
    await expectFitsPhone(page, widget);
  });
});
