// @ts-check
// Fills deploy/nginx.conf for one machine: where the build is, which ports, which Next instances.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { securityHeaders } from "../lib/security-headers.mjs";

const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), "nginx.conf");
const BROTLI_STATIC = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/** How long a shared cache may keep a page (the proxy itself keeps Next's answers per release). */
const PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=300, must-revalidate";

/**
 * @typedef {object} NginxOptions
 * @property {string} listen            address:port nginx listens on, e.g. "127.0.0.1:3100"
 * @property {string[]} upstreams       the Next instances, "127.0.0.1:3101"
 * @property {string} appDir            the standalone build (.next/standalone, with its static files added)
 * @property {string} runDir            pid, temp files and the cache, one per running proxy
 * @property {string} peerTag           the secret the app checks on X-Lumomate-Peer (LUMOMATE_PEER_TAG)
 * @property {string} siteUrl           SITE_URL: https adds HSTS and upgrade-insecure-requests
 * @property {string} [staticDir]       /_next/static from here (a release's merged static dir; default appDir/.next/static)
 * @property {string} [accessLog]       a path, or "off" (default)
 * @property {string} [errorLog]        default runDir/error.log
 * @property {string} [extraServers]    more server blocks (the serving bench adds one)
 */

/** nginx's own value syntax: a double-quoted string with " and \ escaped. */
const quote = (/** @type {string} */ value) => `"${value.replace(/["\\]/g, "\\$&")}"`;

/** @param {NginxOptions} options @returns {string} the config */
export function renderNginxConfig(options) {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(options.peerTag)) throw new Error("peerTag must be 16 or more letters, digits, _ or -");
  if (!fs.existsSync(BROTLI_STATIC)) throw new Error(`${BROTLI_STATIC} is missing: apt-get install -y libnginx-mod-http-brotli-static`);
  const publicDir = path.join(options.appDir, "public");
  const security = securityHeaders(options.siteUrl).map(({ key, value }) => `      add_header ${key} ${quote(value)} always;`).join("\n");
  // One location per top-level folder of public/ (illustrations, widgets, …): served from disk,
  // revalidated hourly (their names do not change with their content, unlike /_next/static).
  const publicLocations = fs
    .readdirSync(publicDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) =>
      [
        `    location ^~ /${d.name}/ {`,
        `      root ${options.appDir}/public;`,
        "      try_files $uri @next;",
        '      add_header Cache-Control "public, max-age=3600" always;',
        security,
        "    }",
      ].join("\n"),
    )
    .join("\n\n");
  /** @type {Record<string, string>} */
  const values = {
    USER: process.getuid?.() === 0 ? "user root root;" : "",
    RUN_DIR: options.runDir,
    ERROR_LOG: options.errorLog ?? path.join(options.runDir, "error.log"),
    ACCESS_LOG: options.accessLog ?? "off",
    LOAD_MODULES: `load_module ${BROTLI_STATIC};`,
    MIME_TYPES: "/etc/nginx/mime.types",
    CACHE_DIR: path.join(options.runDir, "cache"),
    UPSTREAMS: options.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join("\n"),
    LISTEN: options.listen,
    APP_DIR: options.appDir,
    STATIC_DIR: options.staticDir ?? path.join(options.appDir, ".next", "static"),
    PUBLIC_LOCATIONS: publicLocations,
    PAGE_CACHE_CONTROL,
    SECURITY_HEADERS: security,
    PEER_TAG: options.peerTag,
    EXTRA_SERVERS: options.extraServers ?? "",
  };
  return fs.readFileSync(TEMPLATE, "utf8").replace(/\{\{([A-Z_]+)\}\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`deploy/nginx.conf names {{${name}}}, which render.mjs does not fill`);
    return values[name];
  });
}
