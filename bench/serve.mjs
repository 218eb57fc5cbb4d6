// How many readers one server process serves: autocannon against the production build on 127.0.0.1
// for a plain entry, the glossary index, Deep Learning and Deep Learning's first stylesheet (a
// built file every first visit waits for), each beside a baseline in the same run —
// a bare node:http server handing out the very same bytes from memory (the ceiling for Node on
// this machine). Prints requests/s, p50/p99 and the ratio to the baseline. Goal: ≥ 2,000 req/s
// for a cached static entry on 2 cores.
//
//   npm run build && npm run bench:serve
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 BENCH_PORT=3960 ACCEPT_ENCODING=gzip
import { spawn } from "node:child_process";
import { request } from "node:http";
import fs from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { kib } from "./first-load.mjs";
import { machineLoad, requireBuild, startNext } from "./next-server.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3960);
const BASELINE_PORT = PORT + 1;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// Browsers ask for compressed pages; ACCEPT_ENCODING=identity measures without.
const ACCEPT_ENCODING = process.env.ACCEPT_ENCODING ?? "gzip";
const PATHS = ["/glossary/epoch", "/glossary", "/glossary/deep-learning"];
const GOAL = { path: "/glossary/epoch", perSecond: 2000 };

if (!(SECONDS > 0 && CONNECTIONS > 0)) throw new Error("BENCH_SECONDS and BENCH_CONNECTIONS must be positive numbers");
requireBuild();

/** One autocannon run: requests/s and latency percentiles, refusing results with errors or non-2xx answers. */
async function load(url) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { "accept-encoding": ACCEPT_ENCODING } });
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers — the figures would be wrong`);
  }
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bytes: result.throughput.average / result.requests.average };
}

/**
 * The baseline: a child process serving each path's exact bytes and headers from memory. In a
 * child so that it, like the server, has a core of its own apart from autocannon's.
 */
async function startBaseline(pages) {
  const source = `
    const http = require("node:http");
    const pages = new Map(JSON.parse(require("node:fs").readFileSync(process.env.PAGES_FILE, "utf8")).map(([path, headers, body]) => [path, [headers, Buffer.from(body, "base64")]]));
    http.createServer((req, res) => {
      const page = pages.get(req.url);
      if (!page) { res.writeHead(404).end(); return; }
      res.writeHead(200, page[0]).end(page[1]);
    }).listen(${BASELINE_PORT}, "127.0.0.1");`;
  const file = join(os.tmpdir(), `lumomate-bench-serve-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(pages));
  const child = spawn(process.execPath, ["-e", source], { env: { ...process.env, PAGES_FILE: file }, stdio: ["ignore", "inherit", "inherit"] });
  child.on("exit", () => fs.rmSync(file, { force: true }));
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${BASELINE_PORT}${pages[0][0]}`);
      return { base: `http://127.0.0.1:${BASELINE_PORT}`, stop: () => (child.kill("SIGTERM"), fs.rmSync(file, { force: true })) };
    } catch {}
    await sleep(100);
  }
  child.kill("SIGKILL");
  fs.rmSync(file, { force: true });
  throw new Error(`the baseline server did not answer on port ${BASELINE_PORT}`);
}

/** The page exactly as the server sends it (body still compressed, as on the wire). */
async function capture(base, path) {
  return new Promise((resolve, reject) => {
    request(base + path, { headers: { "accept-encoding": ACCEPT_ENCODING } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const keep = ["content-type", "content-encoding", "cache-control", "etag", "vary"];
        const headers = Object.fromEntries(keep.filter((h) => res.headers[h]).map((h) => [h, res.headers[h]]));
        resolve({ status: res.statusCode, headers, cache: res.headers["x-nextjs-cache"] ?? "—", body: Buffer.concat(chunks) });
      });
    })
      .on("error", reject)
      .end();
  });
}

const MODES = [
  { label: "as shipped: server.mjs answers prerendered pages and built files from memory", env: {} },
  { label: "every request through Next's handler, as `next start` (PRERENDERED_CACHE=off)", env: { PRERENDERED_CACHE: "off" } },
  { label: "through Next, behind a compressing proxy (PRERENDERED_CACHE=off HTTP_COMPRESSION=off)", env: { PRERENDERED_CACHE: "off", HTTP_COMPRESSION: "off" } },
];
const fmt = (n) => Math.round(n).toLocaleString("en-US");

console.log(`bench/serve: ${CONNECTIONS} connections, ${SECONDS} s per run, accept-encoding ${ACCEPT_ENCODING}; ${machineLoad()}`);
const results = [];
for (const mode of MODES) {
  console.log(`\n${mode.label}`);
  const server = await startNext(PORT, { LUMOMATE_ALLOW_DEV_DEFAULTS: "1", ...mode.env }, { label: "bench server" });
  let baseline;
  try {
    const pages = [];
    const html = await (await fetch(`${server.base}/glossary/deep-learning`)).text();
    const stylesheet = html.match(/<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
    if (!stylesheet) throw new Error("Deep Learning names no stylesheet under /_next/static: the page changed, and so must this bench");
    const paths = [...PATHS, stylesheet];
    for (const path of paths) {
      const page = await capture(server.base, path);
      if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
      console.log(`  ${path.padEnd(38)} ${kib(page.body.length).padStart(9)} on the wire, ${page.headers["content-encoding"] ?? "uncompressed"}, cache-control "${page.headers["cache-control"] ?? ""}", x-nextjs-cache ${page.cache}`);
      pages.push([path, page.headers, page.body.toString("base64")]);
    }
    baseline = await startBaseline(pages);

    // Both servers warm up (JIT, caches) before anything is counted.
    for (const path of paths) await autocannon({ url: server.base + path, connections: CONNECTIONS, duration: 2, headers: { "accept-encoding": ACCEPT_ENCODING } });

    console.log(`  ${"path".padEnd(38)} ${"server req/s".padStart(17)} ${"p50".padStart(7)} ${"p99".padStart(7)}   ${"baseline req/s".padStart(15)} ${"p99".padStart(7)}   × baseline`);
    for (const path of paths) {
      const next = await load(server.base + path);
      const bare = await load(baseline.base + path);
      results.push({ mode, path, next });
      console.log(
        `  ${path.padEnd(38)} ${fmt(next.perSecond).padStart(17)} ${`${next.p50} ms`.padStart(7)} ${`${next.p99} ms`.padStart(7)}   ${fmt(bare.perSecond).padStart(15)} ${`${bare.p99} ms`.padStart(7)}   ${(next.perSecond / bare.perSecond).toFixed(2)}`,
      );
    }
  } finally {
    baseline?.stop();
    await server.stop();
  }
}

console.log(`\nGoal: ≥ ${fmt(GOAL.perSecond)} req/s for a cached static entry (${GOAL.path}), ${machineLoad()}:`);
for (const { mode, next } of results.filter((r) => r.path === GOAL.path)) {
  console.log(`  ${mode.label}: ${fmt(next.perSecond)} req/s, p99 ${next.p99} ms — ${next.perSecond >= GOAL.perSecond ? "PASS" : "MISS"}`);
}
console.log("(autocannon shares the machine's two cores with the servers it measures.)");
