import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { builtFiles, createPrerenderedCache, entryFrom, preferredEncoding, type Answer } from "./prerendered-cache.mjs";

const PAGE = Buffer.from(`<!doctype html><html><body>${"<p>A page about epochs.</p>".repeat(200)}</body></html>`);
const NEXT_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'self'; img-src 'self' data:",
  "x-content-type-options": "nosniff",
  "cache-control": "s-maxage=31536000",
  etag: '"abc123"',
  vary: "rsc, next-router-state-tree, next-router-prefetch, Accept-Encoding",
  "x-nextjs-cache": "HIT",
};

/** A stand-in for Next: answers every path with PAGE and its headers, counting what reaches it. */
function fakeNext(answer: (path: string) => Answer = () => ({ status: 200, headers: NEXT_HEADERS, body: PAGE })) {
  const reached: string[] = [];
  return {
    reached,
    answer,
    handle(req: http.IncomingMessage, res: http.ServerResponse) {
      reached.push(`${req.method} ${req.url}`);
      const a = answer(req.url ?? "");
      res.writeHead(a.status, a.headers as http.OutgoingHttpHeaders).end(a.body);
    },
  };
}

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** The server as server.mjs builds it, with the fake Next behind the cache. */
async function serve(options: { routes?: string[]; files?: string[]; next?: ReturnType<typeof fakeNext>; bypass?: { type: string; key: string; value?: string }[] } = {}) {
  const next = options.next ?? fakeNext();
  const routes = new Map((options.routes ?? ["/glossary/epoch"]).map((r) => [r, options.bypass ?? []]));
  const cache = createPrerenderedCache({
    routes,
    files: new Set(options.files ?? []),
    fetchFromNext: async (path) => {
      const res = await fetch(`${base}${path}`, { headers: { "accept-encoding": "identity" } });
      return { status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) };
    },
  });
  const server = http.createServer((req, res) => cache.answer(req, res) || next.handle(req, res));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** Asks until the cache holds `n` pages (its fill runs in the background after the first request). */
  const warm = async (path = "/glossary/epoch", n = 1) => {
    await get(base, path);
    for (let i = 0; i < 100 && cache.size < n; i++) await new Promise((r) => setTimeout(r, 10));
  };
  return { base, next, cache, warm };
}

/** A raw request (undici's fetch would decompress and hide the encoding). */
function get(base: string, path: string, headers: http.OutgoingHttpHeaders = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("prerendered pages answered from memory", () => {
  it("asks Next once, then answers with Next's status, headers and bytes", async () => {
    const { base, next, warm } = await serve();
    await warm();
    const reachedBefore = next.reached.length;
    const answers = await Promise.all([1, 2, 3].map(() => get(base, "/glossary/epoch")));
    expect(next.reached.length).toBe(reachedBefore);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.equals(PAGE)).toBe(true);
      for (const [name, value] of Object.entries(NEXT_HEADERS)) expect(a.headers[name]).toBe(value);
      expect(a.headers["content-length"]).toBe(String(PAGE.length));
    }
  });

  it("sends brotli or gzip as the browser asks, each the very same page", async () => {
    const { base, warm } = await serve();
    await warm();
    const br = await get(base, "/glossary/epoch", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(PAGE)).toBe(true);
    expect(br.body.length).toBeLessThan(PAGE.length / 5);
    const gzip = await get(base, "/glossary/epoch", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(PAGE)).toBe(true);
    const refused = await get(base, "/glossary/epoch", { "accept-encoding": "br;q=0, gzip;q=0" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.body.equals(PAGE)).toBe(true);
  });

  it("answers a matching If-None-Match with 304 and no body, and HEAD with headers only", async () => {
    const { base, warm } = await serve();
    await warm();
    const revalidated = await get(base, "/glossary/epoch", { "if-none-match": 'W/"abc123"' });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.etag).toBe('"abc123"');
    expect((await get(base, "/glossary/epoch", { "if-none-match": '"other"' })).status).toBe(200);
    const head = await get(base, "/glossary/epoch", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(PAGE.length));
  });

  it("answers If-Modified-Since with 304 when the copy is current, unless If-None-Match says otherwise", async () => {
    const next = fakeNext(() => ({ status: 200, headers: { ...FILE_HEADERS, "last-modified": "Thu, 26 Nov 2026 01:03:42 GMT" }, body: SCRIPT }));
    const { base, warm } = await serve({ routes: [], files: ["/_next/static/chunks/a.js"], next });
    await warm("/_next/static/chunks/a.js");
    expect((await get(base, "/_next/static/chunks/a.js", { "if-modified-since": "Thu, 26 Nov 2026 01:03:42 GMT" })).status).toBe(304);
    expect((await get(base, "/_next/static/chunks/a.js", { "if-modified-since": "Fri, 27 Nov 2026 00:00:00 GMT" })).status).toBe(304);
    expect((await get(base, "/_next/static/chunks/a.js", { "if-modified-since": "Wed, 25 Nov 2026 00:00:00 GMT" })).status).toBe(200);
    expect((await get(base, "/_next/static/chunks/a.js", { "if-modified-since": "not a date" })).status).toBe(200);
    // If-None-Match decides when both are sent: a stale ETag gets the file even with a current date.
    const both = await get(base, "/_next/static/chunks/a.js", { "if-none-match": '"old"', "if-modified-since": "Fri, 27 Nov 2026 00:00:00 GMT" });
    expect(both.status).toBe(200);
  });

  it("leaves RSC and prefetch requests, query strings, ranges, other methods and unknown paths to Next", async () => {
    const { base, next, warm } = await serve();
    await warm();
    const asks: [string, http.OutgoingHttpHeaders, string?][] = [
      ["/glossary/epoch", { rsc: "1" }],
      ["/glossary/epoch", { "next-router-prefetch": "1" }],
      ["/glossary/epoch?_rsc=abc", {}],
      ["/glossary/epoch", { range: "bytes=0-10" }],
      ["/glossary/epoch", {}, "POST"],
      ["/glossary/unknown", {}],
      ["/glossary/epoch/", {}],
    ];
    for (const [path, headers, method] of asks) {
      const before = next.reached.length;
      await get(base, path, headers, method);
      expect(next.reached.length, `${method ?? "GET"} ${path} ${JSON.stringify(headers)}`).toBe(before + 1);
    }
  });

  it("follows the prerender manifest's bypass rules (a server action POST, a multipart form)", async () => {
    const { base, next, warm } = await serve({ bypass: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type", value: "multipart/form-data;.*" }] });
    await warm();
    const before = next.reached.length;
    await get(base, "/glossary/epoch", { "content-type": "multipart/form-data; boundary=x" });
    expect(next.reached.length).toBe(before + 1);
    await get(base, "/glossary/epoch", { "content-type": "text/plain" });
    expect(next.reached.length).toBe(before + 1);
  });

  it("keeps nothing Next did not serve as a cached hit: errors, misses, private answers", async () => {
    const answers: Record<string, Answer> = {
      "/error": { status: 500, headers: { ...NEXT_HEADERS }, body: Buffer.from("boom") },
      "/miss": { status: 200, headers: { ...NEXT_HEADERS, "x-nextjs-cache": "MISS" }, body: PAGE },
      "/private": { status: 200, headers: { ...NEXT_HEADERS, "cache-control": "private, no-store" }, body: PAGE },
    };
    const next = fakeNext((path) => answers[path]);
    const { base, cache } = await serve({ routes: Object.keys(answers), next });
    for (const path of Object.keys(answers)) {
      await get(base, path);
      await new Promise((r) => setTimeout(r, 50));
      const before = next.reached.length;
      await get(base, path);
      expect(next.reached.length, path).toBe(before + 1);
    }
    expect(cache.size).toBe(0);
  });
});

describe("preferredEncoding", () => {
  it("prefers brotli, then gzip, honours q=0 and the wildcard", () => {
    expect(preferredEncoding("gzip, deflate, br")).toBe("br");
    expect(preferredEncoding("gzip")).toBe("gzip");
    expect(preferredEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(preferredEncoding("*")).toBe("br");
    expect(preferredEncoding("*, br;q=0")).toBe("gzip");
    expect(preferredEncoding(undefined)).toBe("identity");
    expect(preferredEncoding("identity")).toBe("identity");
  });
});

describe("entryFrom", () => {
  it("drops hop-by-hop headers and leaves small or binary bodies uncompressed", async () => {
    const entry = await entryFrom({ status: 200, headers: { ...NEXT_HEADERS, connection: "keep-alive", "transfer-encoding": "chunked", date: "x" }, body: PAGE });
    expect(entry?.headers.connection).toBeUndefined();
    expect(entry?.headers["transfer-encoding"]).toBeUndefined();
    expect(entry?.headers.date).toBeUndefined();
    expect(entry?.bodies.br).toBeDefined();
    const png = await entryFrom({ status: 200, headers: { ...NEXT_HEADERS, "content-type": "image/png" }, body: PAGE });
    expect(png?.bodies.gzip).toBeUndefined();
    const tiny = await entryFrom({ status: 200, headers: NEXT_HEADERS, body: Buffer.from("<p>hi</p>") });
    expect(tiny?.bodies.gzip).toBeUndefined();
  });
});

const SCRIPT = Buffer.from(`(()=>{${"console.log('a chunk of the site');".repeat(300)}})();`);
const FILE_HEADERS = {
  "content-type": "application/javascript; charset=UTF-8",
  "content-security-policy": "default-src 'self'",
  "cache-control": "public, max-age=31536000, immutable",
  etag: 'W/"3801f-1a2"',
  "accept-ranges": "bytes",
};

describe("built files answered from memory", () => {
  it("keeps a file Next found (no prerender-cache header needed), and answers it compressed with Next's headers", async () => {
    const next = fakeNext((p) => (p === "/_next/static/chunks/a.js" ? { status: 200, headers: FILE_HEADERS, body: SCRIPT } : { status: 404, headers: { "content-type": "text/plain" }, body: Buffer.from("not found") }));
    const { base, cache, warm } = await serve({ routes: [], files: ["/_next/static/chunks/a.js", "/_next/static/chunks/gone.js"], next });
    await warm("/_next/static/chunks/a.js");
    expect(cache.size).toBe(1);
    const before = next.reached.length;
    const br = await get(base, "/_next/static/chunks/a.js", { "accept-encoding": "br, gzip" });
    expect(next.reached.length).toBe(before);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(SCRIPT)).toBe(true);
    for (const [name, value] of Object.entries(FILE_HEADERS)) expect(br.headers[name]).toBe(value);
    // A file Next did not find is not kept: the next request goes to Next again.
    await get(base, "/_next/static/chunks/gone.js");
    await new Promise((r) => setTimeout(r, 50));
    const afterFill = next.reached.length;
    expect((await get(base, "/_next/static/chunks/gone.js")).status).toBe(404);
    expect(next.reached.length).toBe(afterFill + 1);
    expect(cache.size).toBe(1);
    // Ranges (a resumed download) stay with Next, which answers them.
    await get(base, "/_next/static/chunks/a.js", { range: "bytes=0-9" });
    expect(next.reached.length).toBe(afterFill + 2);
  });

  it("lists .next/static under /_next/static and public/ at the root, leaving names a URL would escape to Next", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "built-files-"));
    const write = (file: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), "x");
    };
    ["dist/static/chunks/a.js", "dist/static/media/font.woff2", "dist/server/page.js", "public/illustrations/epoch.svg", "public/tfjs/x.wasm", "public/with space.txt"].forEach(write);
    const files = builtFiles({ distDir: path.join(root, "dist"), publicDir: path.join(root, "public") });
    expect([...files].sort()).toEqual(["/_next/static/chunks/a.js", "/_next/static/media/font.woff2", "/illustrations/epoch.svg", "/tfjs/x.wasm"]);
    expect(builtFiles({ distDir: path.join(root, "none"), publicDir: path.join(root, "none") }).size).toBe(0);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
