import { spawn } from "node:child_process";
import { expect, test, type APIResponse } from "@playwright/test";

// server.mjs answers prerendered pages from memory after asking Next once. A reader must not be
// able to tell: same page, same security and caching headers. Only the cache sends brotli, so a
// "br" answer is one that came from memory; a query string always goes to Next.
test("prerendered pages answered from memory are Next's own page with Next's own headers", async ({ request }) => {
  const SAME = ["content-type", "content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy", "x-frame-options", "cache-control", "etag", "vary"];
  for (const path of ["/", "/glossary", "/glossary/epoch", "/glossary/deep-learning", "/glossary/feed.xml"]) {
    const fromNext = await request.get(`${path}?via=next`, { headers: { "accept-encoding": "gzip" } });
    expect(fromNext.status(), path).toBe(200);
    expect(fromNext.headers()["content-encoding"]).toBe("gzip");
    let fromMemory: APIResponse | undefined;
    await expect
      .poll(async () => {
        fromMemory = await request.get(path, { headers: { "accept-encoding": "gzip, deflate, br" } });
        return fromMemory.headers()["content-encoding"];
      }, { message: `${path} is never answered from memory` })
      .toBe("br");
    expect(fromMemory!.status()).toBe(200);
    expect(await fromMemory!.text(), path).toBe(await fromNext.text());
    for (const name of SAME) expect(fromMemory!.headers()[name], `${path} ${name}`).toBe(fromNext.headers()[name]);
  }
});

// The files a page loads before its first paint come from memory too, byte for byte Next's.
test("a page's scripts, stylesheets, fonts and illustration answered from memory are Next's own files with Next's own headers", async ({ request }) => {
  const SAME = ["content-type", "content-security-policy", "x-content-type-options", "cache-control", "etag"];
  const html = await (await request.get("/glossary/deep-learning")).text();
  const files = [...new Set([...html.matchAll(/(?:src|href)="(\/[^"?#]+\.(js|css|woff2|svg))"/g)].map((m) => m[1]))];
  for (const kind of [".js", ".css", ".woff2", ".svg"]) expect(files.some((f) => f.endsWith(kind)), kind).toBe(true);
  for (const path of files) {
    const fromNext = await request.get(`${path}?via=next`);
    expect(fromNext.status(), path).toBe(200);
    let fromMemory = await request.get(path, { headers: { "accept-encoding": "gzip, deflate, br" } });
    // A font is already compressed, and a file of 1 KiB or less is not worth compressing, so neither
    // answers those encoded: they are checked for the same bytes and headers, whoever answered.
    // Anything else is from memory once it comes back as brotli.
    if (!path.endsWith(".woff2") && (await fromNext.body()).length > 1024) {
      await expect
        .poll(async () => {
          fromMemory = await request.get(path, { headers: { "accept-encoding": "gzip, deflate, br" } });
          return fromMemory.headers()["content-encoding"];
        }, { message: `${path} is never answered from memory` })
        .toBe("br");
    }
    expect(fromMemory.status()).toBe(200);
    expect((await fromMemory.body()).equals(await fromNext.body()), path).toBe(true);
    for (const name of SAME) expect(fromMemory.headers()[name], `${path} ${name}`).toBe(fromNext.headers()[name]);
  }
  expect((await request.get("/_next/static/chunks/not-a-chunk.js")).status()).toBe(404);
});

test("a page asked for again with its ETag is a 304", async ({ request }) => {
  const page = await request.get("/glossary/epoch");
  const etag = page.headers()["etag"];
  expect(etag).toBeTruthy();
  const again = await request.get("/glossary/epoch", { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  expect(await again.body()).toHaveLength(0);
});

test("the router's in-page navigation still gets its RSC payload from Next", async ({ page }) => {
  const payloads: { status: number; type: string }[] = [];
  page.on("response", (r) => {
    if (r.request().headers()["rsc"] === "1") payloads.push({ status: r.status(), type: r.headers()["content-type"] ?? "" });
  });
  await page.goto("/glossary/epoch");
  // Hydrated once the header's search button is React's (it gains aria-haspopup then).
  await expect(page.locator(".site-header").getByRole("button", { name: "Search" })).toHaveAttribute("aria-haspopup", "dialog");
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.locator(".related a[href='/glossary/batch']").click();
  await expect(page).toHaveURL(/\/glossary\/batch$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Batch/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(payloads.length).toBeGreaterThan(0);
  for (const p of payloads) expect(p).toEqual({ status: 200, type: expect.stringContaining("text/x-component") });
});

test("the production server refuses to start without its secrets, and says which", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  for (const name of ["NEWSLETTER_SECRET", "SITE_URL", "LUMOMATE_ALLOW_DEV_DEFAULTS"]) delete env[name];
  const server = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", "3199"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => (server.kill("SIGKILL"), resolve(null)), 30_000);
    server.on("exit", (exitCode) => (clearTimeout(timer), resolve(exitCode)));
  });
  expect(code, output).toBe(1);
  expect(output).toContain("Refusing to start in production without NEWSLETTER_SECRET and SITE_URL");
  expect(output).not.toContain("ready on");
});
