// How many readers the production topology serves: autocannon against nginx in front of Next's
// standalone server (deploy/nginx.conf, as deployed), for a plain entry, the glossary index, Deep
// Learning and Deep Learning's first stylesheet. Beside each, in the same run: the same nginx
// handing out the very same file straight from disk (a bare `root`, no routing, no headers: the
// ceiling), and Next alone without the proxy.
// Goals (issue #13): a prerendered entry ≥ 10,000 req/s and ≥ 0.8× straight from disk; the first
// stylesheet ≥ 15,000 req/s.
//
//   npm run build && npm run bench:serve
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 BENCH_PORT=3960 ACCEPT_ENCODING="gzip, deflate, br"
import autocannon from "autocannon";
import { APP_DIR, requireBuild, startProxiedSite } from "../scripts/site.mjs";
import { kib } from "./first-load.mjs";
import { machineLoad } from "./next-server.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3960);
const DISK_PORT = PORT + 1;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ACCEPT_ENCODING = process.env.ACCEPT_ENCODING ?? "gzip, deflate, br";
const PAGES = ["/glossary/epoch", "/glossary", "/glossary/deep-learning"];
const GOALS = { entry: { path: "/glossary/epoch", perSecond: 10_000, ofDisk: 0.8 }, stylesheet: { perSecond: 15_000 } };

if (!(SECONDS > 0 && CONNECTIONS > 0)) throw new Error("BENCH_SECONDS and BENCH_CONNECTIONS must be positive numbers");
requireBuild();

/** One autocannon run: requests/s and latency percentiles, refusing results with errors or non-2xx answers. */
async function load(url, seconds = SECONDS) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { "accept-encoding": ACCEPT_ENCODING } });
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers — the figures would be wrong`);
  }
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bytes: result.throughput.average / result.requests.average };
}

// The ceiling: the same nginx, one more server block, files by their path on disk (precompressed too).
const straightFromDisk = `
  server {
    listen 127.0.0.1:${DISK_PORT};
    location /_next/static/ { alias ${APP_DIR}/.next/static/; }
    location / { root ${APP_DIR}/.next/server/app; }
  }`;
const site = await startProxiedSite({ port: PORT, env: { ...process.env, LUMOMATE_ALLOW_DEV_DEFAULTS: "1", LETTER_WORKER: "off" }, extraServers: straightFromDisk });
const next = `http://127.0.0.1:${site.ports[0]}`;
const disk = `http://127.0.0.1:${DISK_PORT}`;
const fmt = (n) => Math.round(n).toLocaleString("en-US");
const rows = [];
try {
  const html = await (await fetch(`${site.base}/glossary/deep-learning`)).text();
  const stylesheet = html.match(/<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)[^"]*"/)?.[1];
  if (!stylesheet) throw new Error("Deep Learning names no stylesheet under /_next/static: the page changed, and so must this bench");

  console.log(`bench/serve: ${CONNECTIONS} connections, ${SECONDS} s per run, accept-encoding "${ACCEPT_ENCODING}"; ${machineLoad()}`);
  console.log(`nginx ${site.base} → Next ${next}; straight from disk ${disk}\n`);
  const targets = [...PAGES.map((path) => ({ path, diskPath: `${path}.html` })), { path: stylesheet, diskPath: stylesheet }];
  for (const { path } of targets) {
    const response = await fetch(site.base + path, { headers: { "accept-encoding": ACCEPT_ENCODING } });
    const body = await response.arrayBuffer();
    console.log(`  ${path.padEnd(44)} ${response.headers.get("content-encoding") ?? "plain"}, "${response.headers.get("cache-control")}" (${kib(Number(response.headers.get("content-length") ?? body.byteLength))} on the wire)`);
  }
  // Everything warms up (JIT, open-file caches) before anything is counted.
  for (const { path, diskPath } of targets) await Promise.all([load(site.base + path, 2), load(disk + diskPath, 2)]);

  console.log(`\n  ${"path".padEnd(44)} ${"nginx → site".padStart(13)} ${"p99".padStart(6)} ${"from disk".padStart(10)} ${"× disk".padStart(7)} ${"Next alone".padStart(11)} ${"× Next".padStart(7)}`);
  for (const { path, diskPath } of targets) {
    const proxied = await load(site.base + path);
    const bare = await load(disk + diskPath);
    const alone = await load(next + path);
    rows.push({ path, proxied, bare, alone });
    console.log(
      `  ${path.padEnd(44)} ${fmt(proxied.perSecond).padStart(13)} ${`${proxied.p99}ms`.padStart(6)} ${fmt(bare.perSecond).padStart(10)} ${(proxied.perSecond / bare.perSecond).toFixed(2).padStart(7)} ${fmt(alone.perSecond).padStart(11)} ${(proxied.perSecond / alone.perSecond).toFixed(1).padStart(7)}`,
    );
  }
} finally {
  site.stop();
}

const entry = rows.find((r) => r.path === GOALS.entry.path);
const css = rows.at(-1);
const mark = (ok) => (ok ? "PASS" : "MISS");
console.log(`\nGoals, ${machineLoad()}:`);
console.log(`  ${GOALS.entry.path} through nginx ≥ ${fmt(GOALS.entry.perSecond)} req/s: ${fmt(entry.proxied.perSecond)} — ${mark(entry.proxied.perSecond >= GOALS.entry.perSecond)}`);
console.log(`  … and ≥ ${GOALS.entry.ofDisk}× straight from disk: ${(entry.proxied.perSecond / entry.bare.perSecond).toFixed(2)}× — ${mark(entry.proxied.perSecond >= GOALS.entry.ofDisk * entry.bare.perSecond)}`);
console.log(`  first stylesheet ≥ ${fmt(GOALS.stylesheet.perSecond)} req/s: ${fmt(css.proxied.perSecond)} — ${mark(css.proxied.perSecond >= GOALS.stylesheet.perSecond)}`);
console.log("(autocannon shares the machine's two cores with the servers it measures.)");
