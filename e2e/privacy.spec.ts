import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { pages } from "./site";

test("no page asks any other origin for anything", async ({ page }) => {
  const foreign: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.origin !== baseURL && url.protocol !== "data:") foreign.push(req.url());
  });
  for (const path of pages) {
    await page.goto(path, { waitUntil: "networkidle" });
  }
  expect(foreign).toEqual([]);
});
