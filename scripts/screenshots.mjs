// Screenshots for looking at pages as a reader would: node scripts/screenshots.mjs [base] [path…]
// Writes PNGs at 375 and 1280 px, light and dark, to test-results/screens/.
import fs from "node:fs";
import { chromium } from "@playwright/test";

const [base = "http://127.0.0.1:3100", ...paths] = process.argv.slice(2);
const targets = paths.length ? paths : ["/", "/glossary", "/glossary/deep-learning"];
const out = "test-results/screens";
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const path of targets) {
  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      await page.goto(base + path, { waitUntil: "networkidle" });
      const name = `${path.replaceAll("/", "_") || "_home"}-${width}-${colorScheme}.png`;
      if (process.env.FULL === "1") {
        // Whole page, cut into screen-sized parts that stay legible when opened.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const part = width < 600 ? 1300 : 1100;
        for (let y = 0, i = 0; y < height; y += part, i++) {
          // Blocks away from the viewport skip painting (content-visibility: auto), so a capture of the
          // whole page asks for them all; their layout is the same either way.
          await page.screenshot({ path: `${out}/${name.replace(".png", `-${i}.png`)}`, fullPage: true, clip: { x: 0, y, width, height: Math.min(part, height - y) }, style: "* { content-visibility: visible !important; }" });
        }
      } else await page.screenshot({ path: `${out}/${name}` });
      await page.close();
      console.log(`${out}/${name}`);
    }
  }
}
await browser.close();
