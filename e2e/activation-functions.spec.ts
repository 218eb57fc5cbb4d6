import AxeBuilder from "@axe-core/playwright";
import { entriesInScheme } from "./site";
import { expect, test, type Locator, type Page } from "@playwright/test";

const WIDGET = '[data-widget="activation-functions"]';
const ENTRIES = [
  { path: "/glossary/activation-function", summary: "ReLU at x = 1.50: output 1.50, slope 1" },
  { path: "/glossary/neuron", summary: "Sigmoid at x = 0.00: output 0.50, slope 0.25" },
];
const ENTRY = ENTRIES[0].path;
// The plot's margins (draw/geometry.ts) and input range: where input x sits on the plot, in pixels.
const MARGIN = { left: 34, right: 14 };
const xToPixel = (x: number, width: number) => MARGIN.left + ((x + 4) / 8) * (width - MARGIN.left - MARGIN.right);

/** Scrolls the widget into view and waits for the live version to replace the still. */
async function goLive(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const widget = page.locator(WIDGET);
  await widget.scrollIntoViewIfNeeded();
  await expect(page.locator(`${WIDGET}[data-live="true"]`)).toBeVisible({ timeout: 20_000 });
  // Drawn: the live plot has its curve.
  await expect(widget.locator(".af-plot path.af-curve")).toHaveCount(1);
  return widget;
}

const summary = (widget: Locator) => widget.getByTestId("summary");

test("the widget shows a still first and goes live on both entries, with its summary", async ({ page }) => {
  for (const { path, summary: text } of ENTRIES) {
    await page.goto(path);
    const still = page.locator(WIDGET);
    await expect(still).toHaveAttribute("data-live", "false");
    await expect(still.getByRole("slider", { name: "Input x" })).toBeDisabled();
    // The still already reads true: its summary comes from the same model.
    await expect(summary(still)).toHaveText(text);
    const widget = await goLive(page, path);
    await expect(widget.getByRole("slider", { name: "Input x" })).toBeEnabled();
    await expect(summary(widget)).toHaveText(text);
    await expect(summary(widget)).toHaveAttribute("aria-live", "polite");
    await expect(widget.getByTestId("neuron-summary")).toHaveText(/is .* on one side of the dashed line/);
  }
});

test("the widget's code loads only near the viewport, and only on its entries", async ({ page }) => {
  const bodies = new Map<string, string>();
  page.on("response", async (response) => {
    if (/\.js(\?|$)/.test(response.url())) bodies.set(response.url(), await response.text().catch(() => ""));
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(ENTRY, { waitUntil: "networkidle" });
  await page.waitForTimeout(300);
  const live = () => [...bodies.values()].some((body) => body.includes("af-clip-"));
  expect(live()).toBe(false);
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  await expect(page.locator(`${WIDGET}[data-live="true"]`)).toBeVisible({ timeout: 20_000 });
  // Response bodies are read asynchronously: the chunk's text may land just after the widget goes live.
  await expect.poll(live).toBe(true);

  bodies.clear();
  await page.goto("/glossary/epoch", { waitUntil: "networkidle" });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(500);
  expect(bodies.size).toBeGreaterThan(0);
  expect([...bodies].filter(([, body]) => body.includes("activation-functions")).map(([url]) => url)).toEqual([]);
});

for (const width of [1280, 375]) {
  test(`the still has the live widget's exact height at ${width} px`, async ({ browser }) => {
    const height = async (javaScriptEnabled: boolean) => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(ENTRY);
      const widget = page.locator(WIDGET);
      await widget.scrollIntoViewIfNeeded();
      if (javaScriptEnabled) await expect(page.locator(`${WIDGET}[data-live="true"]`)).toBeVisible({ timeout: 20_000 });
      else await expect(widget).toHaveAttribute("data-live", "false");
      await page.evaluate(() => document.fonts.ready);
      const h = await widget.evaluate((el) => el.getBoundingClientRect().height);
      await context.close();
      return h;
    };
    const still = await height(false);
    const live = await height(true);
    expect(still).toBeGreaterThan(500);
    expect(Math.abs(live - still)).toBeLessThanOrEqual(1);
  });
}

test("keyboard: the input slider, the function picker, the slope switch and the neuron's sliders", async ({ page }) => {
  const widget = await goLive(page, ENTRY);
  const input = widget.getByRole("slider", { name: "Input x" });
  await input.focus();
  await page.keyboard.press("ArrowRight");
  await expect(summary(widget)).toHaveText("ReLU at x = 1.55: output 1.55, slope 1");
  await page.keyboard.press("Home");
  await expect(summary(widget)).toHaveText("ReLU at x = −4.00: output 0.00, slope 0 — flat, so no learning signal passes back");
  await expect(widget).toHaveAttribute("data-x", "-4");

  // Arrow keys move between the radio buttons, and the choice follows.
  await widget.getByRole("radio", { name: "ReLU", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(widget.getByRole("radio", { name: "Leaky ReLU" })).toBeChecked();
  await expect(summary(widget)).toHaveText("Leaky ReLU at x = −4.00: output −0.40, slope 0.1");
  await expect(widget.locator(".widget__badge")).toHaveText("max(0.1x, x)");
  await page.keyboard.press("ArrowRight");
  await expect(summary(widget)).toHaveText(/^Sigmoid at x = −4\.00: output 0\.02, slope 0\.02 — nearly flat/);

  // The slope curve goes and comes back with Space.
  const slope = widget.getByRole("checkbox", { name: /its slope/ });
  await slope.focus();
  await page.keyboard.press("Space");
  await expect(slope).not.toBeChecked();
  await expect(widget.locator(".af-plot path.af-slope")).toHaveCount(0);
  await page.keyboard.press("Space");
  await expect(widget.locator(".af-plot path.af-slope")).toHaveCount(1);

  // Weights to zero: the neuron stops depending on its inputs and the dashed line goes.
  await widget.getByRole("slider", { name: "Weight w₁" }).focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowLeft");
  await expect(widget).toHaveAttribute("data-w1", "0");
  await widget.getByRole("slider", { name: "Weight w₂" }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect(widget).toHaveAttribute("data-w2", "0");
  await expect(widget.getByTestId("neuron-summary")).toHaveText("Sigmoid neuron with both weights at 0: it ignores x₁ and x₂, and gives 0.62 everywhere.");
  await expect(widget.locator(".af-plane line.af-boundary")).toHaveCount(0);
  await widget.getByRole("slider", { name: "Bias b" }).focus();
  await page.keyboard.press("End");
  await expect(widget.getByRole("slider", { name: "Bias b" })).toHaveValue("3");
});

test("pointer: pressing and dragging on the plot moves the point, the tangent follows", async ({ page }) => {
  const widget = await goLive(page, ENTRY);
  const plot = widget.locator(".af-plot");
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + xToPixel(2, box.width), y);
  await page.mouse.down();
  await expect(widget).toHaveAttribute("data-x", "2");
  await page.mouse.move(box.x + xToPixel(-1, box.width), y, { steps: 8 });
  await page.mouse.up();
  await expect(widget).toHaveAttribute("data-x", "-1");
  await expect(summary(widget)).toHaveText("ReLU at x = −1.00: output 0.00, slope 0 — flat, so no learning signal passes back");
  await expect(widget.getByRole("slider", { name: "Input x" })).toHaveValue("-1");
  const cx = Number(await widget.locator("circle.af-marker").getAttribute("cx"));
  expect(Math.abs(cx - xToPixel(-1, box.width))).toBeLessThan(2);
  // The tangent to a flat stretch is flat.
  const tangent = widget.locator("line.af-tangent");
  expect(await tangent.getAttribute("y1")).toBe(await tangent.getAttribute("y2"));

  // After the button is released, moving the mouse changes nothing.
  await page.mouse.move(box.x + xToPixel(3, box.width), y);
  await expect(widget).toHaveAttribute("data-x", "-1");

  await widget.getByText("GELU", { exact: true }).click();
  await expect(widget).toHaveAttribute("data-fn", "gelu");
  await expect(summary(widget)).toHaveText("GELU at x = −1.00: output −0.16, slope −0.08");
  await expect(widget.locator(".widget__badge")).toHaveText("x·Φ(x)");
});

test("touch: a tap on the plot moves the point there", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const widget = await goLive(page, ENTRY);
  await widget.locator(".af-plot").scrollIntoViewIfNeeded();
  const box = (await widget.locator(".af-plot").boundingBox())!;
  await page.touchscreen.tap(box.x + xToPixel(-2, box.width), box.y + box.height / 2);
  await expect(widget).toHaveAttribute("data-x", "-2");
  await context.close();
});

/** The colour of the neuron's heatmap at a point of the plane (x1, x2 in [−3, 3]). */
async function planeColour(widget: Locator, x1: number, x2: number) {
  return widget.locator(".af-plane canvas").evaluate(
    (canvas: HTMLCanvasElement, [a, b]) => {
      const px = Math.min(canvas.width - 1, Math.floor(((a + 3) / 6) * canvas.width));
      const py = Math.min(canvas.height - 1, Math.floor(((3 - b) / 6) * canvas.height));
      const [r, g, bl] = canvas.getContext("2d")!.getImageData(px, py, 1, 1).data;
      return { r, g, b: bl };
    },
    [x1, x2],
  );
}

test("the neuron bends the plane along w·x + b = 0, and the function decides how", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  const widget = await goLive(page, ENTRY); // ReLU, w = (1, −0.5), b = 0.5
  // Where the weighted sum is negative ReLU is flat at 0 (paper); where it is positive, purple.
  const low = await planeColour(widget, -2.5, 2.5); // sum −4
  const high = await planeColour(widget, 2.5, -2.5); // sum 4.25
  const paper = { r: 0xfa, g: 0xf7, b: 0xf2 };
  for (const c of ["r", "g", "b"] as const) expect(Math.abs(low[c] - paper[c])).toBeLessThanOrEqual(2);
  expect(high.b).toBeGreaterThan(high.g + 30);
  // Tanh on the same neuron: the low side turns orange (−1), so the flat side is gone.
  await widget.getByText("Tanh", { exact: true }).click();
  const tanhLow = await planeColour(widget, -2.5, 2.5);
  expect(tanhLow.r).toBeGreaterThan(tanhLow.b + 100);

  // The dashed line's ends lie on 1·x1 − 0.5·x2 + 0.5 = 0.
  const line = widget.locator(".af-plane line.af-boundary");
  for (const [x, y] of [["x1", "y1"], ["x2", "y2"]]) {
    const x1 = (Number(await line.getAttribute(x)) / 240) * 6 - 3;
    const x2 = 3 - (Number(await line.getAttribute(y)) / 240) * 6;
    expect(Math.abs(x1 - 0.5 * x2 + 0.5)).toBeLessThan(1e-6);
  }

  // A pointer on a weight slider repaints the plane.
  const w1 = widget.getByRole("slider", { name: "Weight w₁" });
  await w1.scrollIntoViewIfNeeded();
  const box = (await w1.boundingBox())!;
  await page.mouse.click(box.x + 4, box.y + box.height / 2);
  await expect(widget).toHaveAttribute("data-w1", "-3");
  await expect(widget.getByTestId("neuron-summary")).toHaveText(/^Tanh\(−3\.0·x₁ − 0\.5·x₂ \+ 0\.5\) is near −1 on one side/);
  expect((await planeColour(widget, -2.5, 2.5)).b).toBeGreaterThan((await planeColour(widget, -2.5, 2.5)).g + 30);
});

test("with reduced motion nothing moves on its own", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const widget = await goLive(page, ENTRY);
  const before = await summary(widget).textContent();
  await page.waitForTimeout(1_000);
  await expect(summary(widget)).toHaveText(before!);
  await expect(widget).toHaveAttribute("data-x", "1.5");
  expect(await widget.evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
});

/** Keeps the still on the page: the live widget's chunk (the one that draws with D3) never arrives. */
async function blockLiveWidget(page: Page) {
  await page.route(/\.js(\?|$)/, async (route) => {
    const response = await route.fetch();
    if ((await response.text()).includes("af-clip-")) return route.abort();
    return route.fulfill({ response });
  });
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const live of [false, true]) {
    test(`axe finds no violations in the ${live ? "live widget" : "still"} (${colorScheme})`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme });
      if (!live) await blockLiveWidget(page);
      for (const { path } of entriesInScheme(colorScheme, ENTRIES)) {
        if (live) await goLive(page, path);
        else {
          await page.goto(path);
          await page.locator(WIDGET).scrollIntoViewIfNeeded();
          await page.waitForTimeout(500);
          await expect(page.locator(WIDGET)).toHaveAttribute("data-live", "false");
        }
        const results = await new AxeBuilder({ page }).include(WIDGET).analyze();
        expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      }
    });
  }
}

test("at 375 px the live widget fits the phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const { path } of ENTRIES) {
    const widget = await goLive(page, path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await widget.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const plane = (await widget.locator(".af-plane").boundingBox())!;
    expect(plane.x + plane.width).toBeLessThanOrEqual(375);
  }
});
