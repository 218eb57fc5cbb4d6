// @ts-check
// Answers requests for prerendered pages and built files from memory, in front of Next's request handler.
//
// `next start` serves a prerendered page from its cache, but on every hit it still routes the
// request, fills in the header templates from next.config, hashes the whole page for an ETag and
// gzips it afresh: about 1 ms of CPU per page, which caps one process near 1,000 pages/s. Pages
// built once per deploy (revalidate: false) give the same answer every time, so this module asks
// Next once per path, keeps exactly what Next answered (status 200, every header, the body), adds
// gzip and brotli copies, and answers later requests itself. Anything it is unsure of — another
// method, a query string, the router's RSC and prefetch headers, a Range, a path not in Next's
// prerender manifest, an answer Next did not mark as a cache hit — goes to Next unchanged.
//
// The files a page needs before its first paint (its CSS, scripts, fonts, hero illustration) get the
// same treatment: Next reads each from disk and gzips it again on every request, so a page's dozen
// files queue behind each other in the one Node process, and its render-blocking CSS arrived
// 150 ms after the HTML on this machine. Files under .next/static are named by their content
// (cached "immutable"); public/ ships with the build. Both are asked for once and kept.
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";

// Compressed in libuv's thread pool: a large widget chunk takes brotli a second or more, and the
// event loop keeps answering meanwhile (Next answers that file until its copy is ready). One file
// at a time: the pool has four threads and Next reads files through them too, so a widget page's
// fifteen chunks compressing at once would stall every other file on the first visit.
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
let compressing = Promise.resolve();
/** @template T @param {() => Promise<T>} job @returns {Promise<T>} */
function oneAtATime(job) {
  const run = compressing.then(job);
  compressing = run.then(
    () => {},
    () => {},
  );
  return run;
}

/** Headers of one connection, not of the page: never replayed. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "content-encoding"]);

/** Content types Next's compression would gzip (text, JSON, XML, SVG, JavaScript). */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|[\w.+-]*\+(json|xml))|image\/svg\+xml)/i;

/** Request headers that ask Next for something other than the plain document (RSC payloads, prefetches, actions). */
const ROUTER_HEADER = /^(rsc|next-.*)$/i;

/**
 * The paths worth caching: routes in Next's prerender manifest built once per deploy (no
 * revalidate), except Next's own error pages. Each keeps its manifest's bypass rules.
 * @param {string} distDir the build directory, usually ".next"
 * @returns {Map<string, Array<{ type: string, key: string, value?: string }>>}
 */
export function prerenderedRoutes(distDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8"));
  const routes = new Map();
  for (const [route, info] of Object.entries(manifest.routes ?? {})) {
    if (route.startsWith("/_") || info.initialRevalidateSeconds !== false) continue;
    routes.set(route, info.experimentalBypassFor ?? []);
  }
  return routes;
}

/**
 * The URL paths of the files built with the site: `.next/static/**` as `/_next/static/**`, and
 * `public/**` at the root. Paths that would need escaping in a URL are left to Next.
 * @param {{ distDir: string, publicDir: string }} dirs
 * @returns {Set<string>}
 */
export function builtFiles({ distDir, publicDir }) {
  const files = new Set();
  const walk = (/** @type {string} */ dir, /** @type {string} */ prefix) => {
    if (!fs.existsSync(dir)) return;
    for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
      const urlPath = `${prefix}/${item.name}`;
      if (item.isDirectory()) walk(path.join(dir, item.name), urlPath);
      else if (item.isFile() && /^[\w./-]+$/.test(urlPath)) files.add(urlPath);
    }
  };
  walk(path.join(distDir, "static"), "/_next/static");
  walk(publicDir, "");
  return files;
}

/**
 * Which encoding a request accepts, preferring brotli, then gzip (q=0 refuses one).
 * @param {string | undefined} header the Accept-Encoding header
 * @returns {"br" | "gzip" | "identity"}
 */
export function preferredEncoding(header) {
  if (!header) return "identity";
  const q = new Map();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const quality = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    q.set(name.trim(), quality ? Number(quality.slice(2)) : 1);
  }
  const accepts = (name) => (q.get(name) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return "identity";
}

/**
 * True when the browser's copy is current: If-None-Match names this ETag (or "*"), weak or strong;
 * or, without If-None-Match, If-Modified-Since is no earlier than Last-Modified (RFC 9110, 13.1.3).
 * @param {import("node:http").IncomingHttpHeaders} request
 * @param {Entry} entry
 */
function notModified(request, entry) {
  const ifNoneMatch = request["if-none-match"];
  if (ifNoneMatch) {
    const etag = entry.headers.etag;
    if (typeof etag !== "string") return false;
    const strip = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, "");
    return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
  }
  const ifModifiedSince = request["if-modified-since"];
  if (!ifModifiedSince || entry.lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && entry.lastModified <= since;
}

/**
 * @typedef {{ status: number, headers: Record<string, string | string[] | undefined>, body: Buffer }} Answer
 * @typedef {{ headers: Record<string, string | string[]>, lastModified?: number, bodies: { identity: Buffer, gzip?: Buffer, br?: Buffer } }} Entry
 */

/**
 * Makes the in-memory copy of one answer, or null when it must not be kept: a page only when Next
 * served it from its prerender cache, a file when Next found it (status 200).
 * @param {Answer} answer what Next sent for a plain GET with Accept-Encoding: identity
 * @param {"page" | "file"} kind
 * @returns {Promise<Entry | null>}
 */
export async function entryFrom(answer, kind = "page") {
  const cacheControl = String(answer.headers["cache-control"] ?? "");
  if (answer.status !== 200 || /no-store|private/i.test(cacheControl)) return null;
  if (kind === "page" && answer.headers["x-nextjs-cache"] !== "HIT") return null;
  if (answer.headers["content-encoding"] && answer.headers["content-encoding"] !== "identity") return null;
  /** @type {Record<string, string | string[]>} */
  const headers = {};
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  const identity = answer.body;
  const compressible = COMPRESSIBLE.test(String(headers["content-type"] ?? "")) && identity.length > 1024;
  // Parsed once here rather than on every conditional request.
  const lastModified = Date.parse(String(headers["last-modified"] ?? ""));
  return {
    headers,
    ...(Number.isFinite(lastModified) ? { lastModified } : {}),
    bodies: compressible
      ? {
          identity,
          ...(await oneAtATime(async () => ({
            gzip: await gzipAsync(identity, { level: 9 }),
            br: await brotliAsync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
          }))),
        }
      : { identity },
  };
}

/**
 * @param {{
 *   routes: Map<string, Array<{ type: string, key: string, value?: string }>>,
 *   files?: Set<string>,
 *   fetchFromNext: (path: string) => Promise<Answer>,
 *   onError?: (path: string, error: unknown) => void,
 * }} options
 */
export function createPrerenderedCache({ routes, files = new Set(), fetchFromNext, onError = () => {} }) {
  /** @type {Map<string, Entry | null>} null: asked, not cacheable */
  const entries = new Map();
  /** @type {Set<string>} */
  const filling = new Set();
  // Each bypass rule's value pattern compiled once here, not on every request. A rule of another
  // type than "header" is one this module does not understand: such a route always goes to Next.
  const bypassRules = new Map(
    [...routes].map(([route, rules]) => [
      route,
      rules.some((rule) => rule.type !== "header")
        ? null
        : rules.map((rule) => ({ header: rule.key.toLowerCase(), pattern: rule.value === undefined ? null : new RegExp(`^${rule.value}$`) })),
    ]),
  );

  /** The path this request may be answered for, or null when only Next should answer it. */
  function cacheablePath(/** @type {import("node:http").IncomingMessage} */ req) {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    const url = req.url ?? "";
    if (url.includes("?") || url.includes("%")) return null;
    if (req.headers.range) return null;
    if (files.has(url)) return url;
    const bypass = bypassRules.get(url);
    if (!bypass) return null;
    for (const name of Object.keys(req.headers)) if (ROUTER_HEADER.test(name)) return null;
    for (const { header, pattern } of bypass) {
      const value = req.headers[header];
      if (value !== undefined && (pattern === null || pattern.test(String(value)))) return null;
    }
    return url;
  }

  function fill(/** @type {string} */ path) {
    if (filling.has(path)) return;
    filling.add(path);
    fetchFromNext(path)
      .then((answer) => entryFrom(answer, files.has(path) ? "file" : "page"))
      .then((entry) => entries.set(path, entry))
      .catch((error) => onError(path, error))
      .finally(() => filling.delete(path));
  }

  return {
    /**
     * Answers from memory and returns true, or returns false for Next to answer (starting to fill
     * the cache for this path in the background when it may be kept).
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     */
    answer(req, res) {
      const path = cacheablePath(req);
      if (path === null) return false;
      const entry = entries.get(path);
      if (entry === undefined) {
        fill(path);
        return false;
      }
      if (entry === null) return false;
      if (notModified(req.headers, entry)) {
        res.writeHead(304, entry.headers).end();
        return true;
      }
      const encoding = entry.bodies.gzip ? preferredEncoding(req.headers["accept-encoding"]) : "identity";
      const body = entry.bodies[encoding] ?? entry.bodies.identity;
      const headers = { ...entry.headers, "content-length": String(body.length) };
      if (encoding !== "identity") headers["content-encoding"] = encoding;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
      return true;
    },
    /** How many paths are held in memory (for the log and the tests). */
    get size() {
      let n = 0;
      for (const entry of entries.values()) if (entry) n++;
      return n;
    },
  };
}
