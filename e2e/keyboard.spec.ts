import { expect, test } from "@playwright/test";
import { pages } from "./site";

// Every kind of page, and the entries with the most links; the chrome is shared by all.
const SAMPLE = pages.filter((p) => !p.startsWith("/glossary/") || ["/glossary/deep-learning", "/glossary/neural-network", "/glossary/transformer", "/glossary/category/ml"].includes(p));

for (const path of SAMPLE) {
  test(`Tab alone reaches every link on ${path}, with a visible focus ring`, async ({ page, browserName }) => {
    test.skip(browserName !== "chromium");
    await page.goto(path);
    // Links inside a closed "More precisely" aside are reached once the reader opens it: open them all.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    const links = await page.locator("a[href]").evaluateAll((els) => els.map((el, i) => ((el as HTMLElement).dataset.kbd = String(i))));
    // The page notes every link that takes the focus and whether it drew a ring, so a Tab costs one
    // round trip (entries carry a link per citation, and widgets add many controls between links).
    await page.evaluate(() => {
      const seen: Record<string, boolean> = {};
      (window as unknown as { kbdSeen: Record<string, boolean> }).kbdSeen = seen;
      document.addEventListener("focusin", (event) => {
        const el = event.target as HTMLElement;
        if (el.dataset.kbd === undefined) return;
        const style = getComputedStyle(el);
        seen[el.dataset.kbd] = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
      });
    });
    const seen = () => page.evaluate(() => (window as unknown as { kbdSeen: Record<string, boolean> }).kbdSeen);
    // Forty Tabs at a time through the DevTools protocol, sent without waiting for each answer: the
    // browser handles them in order, and one round trip per Tab made the A–Z page take half a minute.
    const cdp = await page.context().newCDPSession(page);
    const tab = { key: "Tab", code: "Tab", windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
    const pressTabs = (n: number) =>
      Promise.all(Array.from({ length: n }, () => [cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...tab }), cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...tab })]).flat());
    let reached: Record<string, boolean> = {};
    for (let i = 0; i < 1200 && Object.keys(reached).length < links.length; i += 40) {
      await pressTabs(40);
      reached = await seen();
    }
    for (const [id, ring] of Object.entries(reached)) expect(ring, `focus ring on link ${id}`).toBe(true);
    expect(Object.keys(reached).length).toBe(links.length);
  });
}
