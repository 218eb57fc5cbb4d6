import { spawn } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { APP_DIR, appEnv } from "../scripts/site.mjs";

// The suite's site is the production topology: nginx (deploy/nginx.conf) in front of Next's
// standalone server, which listens 10,000 ports above it. nginx answers prerendered pages and built
// files from disk, compressed at build time; a reader must not be able to tell.
const NEXT = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 10_000}`;
const SECURITY = ["content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy", "x-frame-options", "cross-origin-opener-policy"];
const BROWSER = { "accept-encoding": "gzip, deflate, br, zstd" };

/** The files a page loads before its first paint, as the page names them (with ?dpl=). */
async function filesOf(request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).text();
  return [...new Set([...html.matchAll(/(?:src|href)="(\/[^"#]+\.(?:js|css|woff2|svg)(?:\?[^"]*)?)"/g)].map((m) => m[1].replaceAll("&amp;", "&")))];
}

test("prerendered pages from disk are Next's own pages with Next's own security headers, brotli for a browser", async ({ request }) => {
  for (const path of ["/", "/glossary", "/glossary/epoch", "/glossary/deep-learning"]) {
    const fromNext = await request.get(`${NEXT}${path}`, { headers: { "accept-encoding": "identity" } });
    const fromDisk = await request.get(path, { headers: BROWSER });
    expect(fromDisk.status(), path).toBe(200);
    expect(fromDisk.headers()["content-encoding"], path).toBe("br");
    expect(await fromDisk.text(), path).toBe(await fromNext.text());
    expect(fromDisk.headers()["content-type"]).toBe("text/html; charset=utf-8");
    for (const name of SECURITY) expect(fromDisk.headers()[name], `${path} ${name}`).toBe(fromNext.headers()[name]);
  }
});

test("every compressed answer says Vary: Accept-Encoding, and a client that asks for nothing gets plain bytes", async ({ request }) => {
  const paths = ["/", "/glossary/deep-learning", "/glossary/feed.xml", "/sitemap.xml", "/glossary.json", ...(await filesOf(request, "/glossary/deep-learning"))];
  let compressed = 0;
  for (const path of paths) {
    for (const accept of ["br", "gzip", "gzip, deflate, br"]) {
      const response = await request.get(path, { headers: { "accept-encoding": accept } });
      expect(response.status(), path).toBe(200);
      const encoding = response.headers()["content-encoding"];
      if (!encoding) continue;
      compressed++;
      expect(accept, `${path} came back ${encoding} for ${accept}`).toContain(encoding);
      expect(response.headers()["vary"] ?? "", `${path} (${encoding})`).toMatch(/accept-encoding/i);
    }
    // Playwright's request decodes bodies, so compare what a plain client gets with the decoded body.
    const plain = await fetch(new URL(path, test.info().project.use.baseURL), { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding"), path).toBeNull();
    const decoded = await request.get(path, { headers: BROWSER });
    expect(Buffer.from(await plain.arrayBuffer()).equals(await decoded.body()), path).toBe(true);
  }
  expect(compressed).toBeGreaterThan(paths.length);
});

test("built files are kept forever, public files an hour, pages only briefly by shared caches", async ({ request }) => {
  const files = await filesOf(request, "/glossary/deep-learning");
  const publicFiles = files.filter((f) => f.startsWith("/illustrations/"));
  expect(publicFiles.length).toBeGreaterThan(0);
  for (const file of files) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    const cacheControl = response.headers()["cache-control"];
    if (file.startsWith("/_next/static/")) expect(cacheControl, file).toBe("public, max-age=31536000, immutable");
    if (publicFiles.includes(file)) expect(cacheControl, file).toBe("public, max-age=3600");
  }
  for (const path of ["/", "/glossary/epoch"]) {
    const cacheControl = (await request.get(path)).headers()["cache-control"] ?? "";
    const sMaxAge = Number(/s-maxage=(\d+)/.exec(cacheControl)?.[1] ?? /max-age=(\d+)/.exec(cacheControl)?.[1]);
    expect(sMaxAge, `${path}: ${cacheControl}`).toBeLessThanOrEqual(300);
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

test("an answer that depends on a reader's cookie is never cached for another reader", async ({ request }) => {
  for (const email of ["first-reader@example.com", "second-reader@example.com"]) {
    const response = await request.get("/newsletter/result?error=invalid", { headers: { cookie: `lm-typed-address=${encodeURIComponent(email)}` } });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(email);
    expect(response.headers()["x-cache"] ?? "MISS").not.toBe("HIT");
    expect(response.headers()["cache-control"]).toMatch(/private|no-store|no-cache/);
  }
});

test("the router's in-page navigation gets its RSC payload from Next through the proxy, cached there, brief for a CDN", async ({ page }) => {
  const payloads: { status: number; type: string; cacheControl: string }[] = [];
  page.on("response", (r) => {
    if (r.request().headers()["rsc"] === "1") payloads.push({ status: r.status(), type: r.headers()["content-type"] ?? "", cacheControl: r.headers()["cache-control"] ?? "" });
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
  for (const p of payloads) {
    expect(p.status).toBe(200);
    expect(p.type).toContain("text/x-component");
    expect(p.cacheControl).not.toContain("31536000");
  }
});

/** Starts the standalone server with `env` and waits for it to exit: its exit code and everything it printed. */
async function runUntilExit(env: NodeJS.ProcessEnv) {
  const server = spawn(process.execPath, [`${APP_DIR}/server.js`], { env: { ...appEnv(env), PORT: "3199", HOSTNAME: "127.0.0.1" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => (server.kill("SIGKILL"), resolve(null)), 30_000);
    server.on("exit", (exitCode) => (clearTimeout(timer), resolve(exitCode)));
  });
  return { code, output };
}

test("the production server refuses to start without its secrets, and says which", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["NEWSLETTER_SECRET", "SITE_URL", "LUMOMATE_PEER_TAG", "LUMOMATE_ALLOW_DEV_DEFAULTS"]) delete env[name];
  const { code, output } = await runUntilExit(env);
  expect(code, output).toBe(1);
  expect(output).toContain("Refusing to start in production without NEWSLETTER_SECRET and SITE_URL");

  // With them but without the proxy's tag, it still refuses to serve, and says why.
  const again = await runUntilExit({ ...env, NEWSLETTER_SECRET: "a-real-looking-secret-0123456789abcdef", SITE_URL: "https://lumomate.example" });
  expect(again.code, again.output).toBe(1);
  expect(again.output).toContain("Refusing to serve in production without LUMOMATE_PEER_TAG");
});
