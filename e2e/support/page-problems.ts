import type { Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";

/**
 * Collects what a reader must never meet on `page`: a request to another origin, a CSP violation,
 * a console error or an uncaught error. `expected(text, url)` names console errors that are not
 * faults (the missing page's own 404).
 */
export async function watchForProblems(page: Page, expected: (text: string, url: string) => boolean = () => false): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (m) => m.type() === "error" && !expected(m.text(), page.url()) && problems.push(`${page.url()} console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`${page.url()} error: ${e.message}`));
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.origin !== baseURL && !["data:", "blob:"].includes(url.protocol)) problems.push(`${page.url()} requested ${req.url()}`);
  });
  return problems;
}
