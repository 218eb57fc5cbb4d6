// @ts-check
// After `next build`: make .next/standalone a complete release — Next leaves the built static files
// and public/ out of it (a CDN or proxy usually serves them) — and compress, once and at the
// highest levels, every file a proxy serves from disk: .br and .gz beside each original.
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { forbiddenInRelease, missingFromRelease } from "./release-contents.mjs";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|wasm|map|rsc|webmanifest|bin)$/;
/** Below this a compressed copy saves less than a packet. */
const MIN_BYTES = 1024;

const root = process.cwd();
const app = path.join(root, ".next", "standalone");
if (!fs.existsSync(path.join(app, "server.js"))) {
  console.error("finish-build: .next/standalone/server.js is missing (is output: 'standalone' set in next.config.ts?)");
  process.exit(1);
}

const forbidden = forbiddenInRelease(app);
if (forbidden.length > 0) {
  console.error(`finish-build: the release would carry ${forbidden.length} file(s) it must not (see outputFileTracingExcludes in next.config.ts):`);
  for (const { file, why } of forbidden.slice(0, 10)) console.error(`  ${file}: ${why}`);
  process.exit(1);
}
const missing = missingFromRelease(app);
if (missing.length > 0) {
  console.error(`finish-build: the release lacks ${missing.join(", ")} (see outputFileTracingIncludes in next.config.ts)`);
  process.exit(1);
}

fs.rmSync(path.join(app, ".next", "static"), { recursive: true, force: true });
fs.cpSync(path.join(root, ".next", "static"), path.join(app, ".next", "static"), { recursive: true });
fs.rmSync(path.join(app, "public"), { recursive: true, force: true });
fs.cpSync(path.join(root, "public"), path.join(app, "public"), { recursive: true });

/** @param {string} dir @param {(file: string) => boolean} keep @returns {string[]} */
function filesUnder(dir, keep) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name)).filter(keep);
}

const targets = [
  ...filesUnder(path.join(app, ".next", "static"), (f) => COMPRESSIBLE.test(f)),
  ...filesUnder(path.join(app, "public"), (f) => COMPRESSIBLE.test(f)),
  // The prerendered pages nginx serves from disk.
  ...filesUnder(path.join(app, ".next", "server", "app"), (f) => f.endsWith(".html")),
];

const started = performance.now();
let before = 0;
let afterBr = 0;
let written = 0;
/** Compresses one file; a copy that is not smaller than the original is not kept. */
async function compress(/** @type {string} */ file) {
  const data = fs.readFileSync(file);
  if (data.length < MIN_BYTES) return;
  const [br, gz] = await Promise.all([
    brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
    gzip(data, { level: 9 }),
  ]);
  before += data.length;
  afterBr += br.length;
  const { atime, mtime } = fs.statSync(file);
  for (const [ext, bytes] of /** @type {const} */ ([["br", br], ["gz", gz]])) {
    if (bytes.length >= data.length) continue;
    fs.writeFileSync(`${file}.${ext}`, bytes);
    // Same time as the original, so both answers carry the same Last-Modified.
    fs.utimesSync(`${file}.${ext}`, atime, mtime);
    written++;
  }
}

// The thread pool compresses four at a time; more in flight only queues.
for (let i = 0; i < targets.length; i += 4) await Promise.all(targets.slice(i, i + 4).map(compress));
console.log(
  `finish-build: .next/standalone complete; ${written} compressed copies of ${targets.length} files ` +
    `(${(before / 1024).toFixed(0)} KiB → ${(afterBr / 1024).toFixed(0)} KiB as brotli) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
