import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";

// Follows every same-site link and asset from the home page, the way a reader could.
test("every internal link and asset on every page answers 200", async ({ request }) => {
  const seen = new Set<string>(["/"]);
  const queue = ["/"];
  const failures: string[] = [];
  let pagesCrawled = 0;
  while (queue.length > 0 && seen.size < 2_000) {
    const path = queue.shift()!;
    const response = await request.get(path, { maxRedirects: 0 });
    if (response.status() !== 200) {
      failures.push(`${path} → ${response.status()}`);
      continue;
    }
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    pagesCrawled++;
    const html = await response.text();
    for (const [, raw] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
      const url = new URL(raw.replaceAll("&amp;", "&"), `${baseURL}${path}`);
      if (url.origin !== baseURL) continue;
      const target = url.pathname + url.search;
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(pagesCrawled).toBeGreaterThanOrEqual(8);
});
