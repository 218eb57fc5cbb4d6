// What the widget specs share: an axe scan of one widget, and the phone-width check.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** axe's violations inside `selector`, one line each, prefixed with `where` (an entry's path). */
export async function axeViolations(page: Page, selector: string, where: string) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** At phone width the page does not scroll sideways and the widget lies inside the screen. */
export async function expectFitsPhone(page: Page, widget: Locator, width = 375) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const box = (await widget.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}

/** An entry with no widget: what every widget's code must stay off. */
export const PLAIN_ENTRY = "/glossary/epoch";

/** The body of every script the page fetches from now on, by URL. */
export function recordScripts(page: Page) {
  const bodies = new Map<string, string>();
  page.on("response", async (response) => {
    if (/\.js(\?|$)/.test(response.url())) bodies.set(response.url(), await response.text().catch(() => ""));
  });
  return bodies;
}

/** A marker only TF.js's code carries. */
export const hasTensorFlow = (bodies: Map<string, string>) => [...bodies.values()].some((body) => body.includes("IS_BROWSER"));

/**
 * On `path`, TF.js stays unfetched until the widget is scrolled to, then the widget goes live on
 * it; on the plain entry, scrolled to the end, no script carries `marker` (a string of the widget's own code).
 */
export async function expectLoadedOnlyNearWidget(page: Page, path: string, widget: string, marker: string) {
  const bodies = recordScripts(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(path, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  expect(hasTensorFlow(bodies)).toBe(false);
  await page.locator(widget).scrollIntoViewIfNeeded();
  await expect(page.locator(widget).locator(".widget__badge")).toHaveText(/TF\.js/, { timeout: 20_000 });

  // A page of its own for the plain entry, so a late answer to the widget page's requests cannot
  // be counted against it.
  const plain = await page.context().newPage();
  const plainBodies = recordScripts(plain);
  await plain.setViewportSize({ width: 1280, height: 800 });
  await plain.goto(PLAIN_ENTRY, { waitUntil: "networkidle" });
  await plain.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await plain.waitForTimeout(500);
  expect(plainBodies.size).toBeGreaterThan(0);
  expect([...plainBodies].filter(([, body]) => body.includes(marker)).map(([url]) => url)).toEqual([]);
  await plain.close();
}
