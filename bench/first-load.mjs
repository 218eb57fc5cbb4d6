// Shared by the benches: start a production server and measure a page's first-load JavaScript.
import { gzipSync } from "node:zlib";
import { startProxiedSite } from "../scripts/site.mjs";

/**
 * The production build as deployed (nginx on 127.0.0.1:port in front of Next's standalone server),
 * on development defaults (no real secret is needed to measure pages).
 */
export const startServer = (port) => startProxiedSite({ port, env: { ...process.env, LUMOMATE_ALLOW_DEV_DEFAULTS: "1", LETTER_WORKER: "off" } });

/** Every script a browser loads with the HTML of `path` (no lazy chunks), gzipped. */
export async function firstLoadJs(base, path) {
  const html = await (await fetch(base + path)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&")))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { path, files: sources.length, raw, gzip, sources };
}

export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
