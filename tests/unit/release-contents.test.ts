import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { forbiddenInRelease, missingFromRelease } from "@/scripts/release-contents.mjs";

const dirs: string[] = [];
function release(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lumomate-release-"));
  dirs.push(dir);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), "x");
  }
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("what a release may carry", () => {
  it("finds stored mail, databases, environment files and test output wherever they are", () => {
    const dir = release([
      "outbox/1-abc@lumomate.localhost.eml",
      "test-results/mail/2-anna@example.com.eml",
      "content/glossary/softmax.mdx",
      "content/letters/old.eml",
      "data/lumomate.db",
      "data/lumomate.db-wal",
      ".env.production",
      "e2e/glossary-features.spec.ts",
      "content/glossary/softmax.mdx",
    ]);
    expect(forbiddenInRelease(dir).map((f) => f.file).sort()).toEqual([
      ".env.production",
      "content/glossary/softmax.mdx",
      "content/letters/old.eml",
      "data/lumomate.db",
      "data/lumomate.db-wal",
      "e2e/glossary-features.spec.ts",
      "outbox/1-abc@lumomate.localhost.eml",
      "test-results/mail/2-anna@example.com.eml",
    ]);
  });

  it("lets the server, its pages, letters and packages through", () => {
    const dir = release([
      "server.js",
      "package.json",
      ".next/server/app/index.html",
      "content/letters/2026-11-30-what-deep-means.mdx",
      "public/illustrations/softmax.svg",
      "node_modules/some-package/test-results/fixture.eml",
      "lib/mdx/remark-glossary-links.mjs",
    ]);
    expect(forbiddenInRelease(dir)).toEqual([]);
    expect(missingFromRelease(dir)).toEqual([".generated/search-index.json"]);
  });
});
