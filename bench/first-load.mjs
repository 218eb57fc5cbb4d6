// Shared by the benches: start a production server and measure a page's first-load JavaScript.
import { spawn } from "node:child_process";
import { gzipSync } from "node:zlib";
import { setTimeout as sleep } from "node:timers/promises";

export async function startServer(port) {
  const server = spawn("npx", ["next", "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    // A local production build on development defaults (no real secret is needed to measure pages).
    env: { LUMOMATE_ALLOW_DEV_DEFAULTS: "1", ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return { base, stop: () => process.kill(-server.pid, "SIGTERM") };
    } catch {}
    await sleep(250);
  }
  process.kill(-server.pid, "SIGTERM");
  throw new Error(`next start did not answer on ${base} within 30 s — did you run "npm run build"?`);
}

/** Like startServer, but refuses to measure someone else's server already answering on the port. */
export async function startServerOnFreePort(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
  } catch {
    return startServer(port);
  }
  throw new Error(`something already answers on port ${port}; stop it or set BENCH_PORT`);
}

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
