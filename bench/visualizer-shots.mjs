// Screenshots of the layer visualizer's output plane on /glossary/deep-learning (the spiral preset)
// at the given seconds after Play, one page per seed, with the epoch, test accuracy and load average
// at each shot. Run after `npm run build`; open the PNGs to judge the bands by eye.
// Env: BENCH_PORT (3301), SEEDS (1,2,3), AT (20,60 seconds), SHOTS_DIR (test-results/visualizer-shots).
import { chromium } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { startServer } from "./first-load.mjs";
import { CHROMIUM_LAUNCH } from "./harness.mjs";

const port = Number(process.env.BENCH_PORT ?? 3301);
const list = (value, fallback) => (value ?? fallback).split(",").map((v) => Number(v.trim()));
const SEEDS = list(process.env.SEEDS, "1,2,3");
const AT = list(process.env.AT, "20,60");
const DIR = process.env.SHOTS_DIR ?? "test-results/visualizer-shots";
const WIDGET = '[data-widget="layer-visualizer"]';
fs.mkdirSync(DIR, { recursive: true });

const server = await startServer(port);
const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
  for (const seed of SEEDS) {
    // Tall enough for the whole widget: training pauses when the widget leaves the viewport.
    const context = await browser.newContext({ viewport: { width: 1280, height: 1300 } });
    const page = await context.newPage();
    await page.goto(`${server.base}/glossary/deep-learning?lv-seed=${seed}&lv-backend=cpu`, { waitUntil: "load" });
    const widget = page.locator(WIDGET);
    await widget.scrollIntoViewIfNeeded();
    await page.locator(`${WIDGET}[data-live="true"]`).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('[data-widget="layer-visualizer"] .widget__badge')?.textContent?.startsWith("TF.js"), null, { timeout: 45_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-widget="layer-visualizer"]')?.dataset.numTensors) > 0, null, { timeout: 30_000 });
    await widget.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await widget.getByRole("button", { name: "Play", exact: true }).click();
    const playedAt = Date.now();
    for (const seconds of AT) {
      await sleep(playedAt + seconds * 1000 - Date.now());
      const probe = await widget.evaluate((el) => ({ epoch: el.dataset.epoch, accuracy: Number(el.dataset.testAccuracy) }));
      const file = `${DIR}/spiral-seed${seed}-${seconds}s.png`;
      await widget.locator(".lv-plane-box").first().screenshot({ path: file });
      const summary = (await widget.getByTestId("summary").textContent()).trim();
      console.log(`seed ${seed} at ${seconds} s: epoch ${probe.epoch}, test accuracy ${(probe.accuracy * 100).toFixed(1)}%, load average ${os.loadavg()[0].toFixed(2)} → ${file}${summary.includes("paused") ? " (PAUSED)" : ""}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
