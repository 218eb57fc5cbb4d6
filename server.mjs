// The production server: Next's own request handler, with prerendered pages and built files
// answered from memory first (lib/http/prerendered-cache.mjs says why). Everything else — API
// routes, dynamic pages, RSC requests — is Next's, unchanged.
//
//   node server.mjs [--hostname 127.0.0.1] [--port 3000]      (HOST and PORT work too)
//   PRERENDERED_CACHE=off node server.mjs                       (every request to Next, as `next start`)
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { builtFiles, createPrerenderedCache, prerenderedRoutes } from "./lib/http/prerendered-cache.mjs";

// As `next start` does: a production server runs with NODE_ENV=production, and the environment
// checks in instrumentation.ts rely on it.
process.env.NODE_ENV = "production";
// The socket's address reaches the app in a header only this process can vouch for: the tag is
// secret to it (lib/newsletter/clientAddress.ts checks it), and any client copy is deleted first.
const PEER_HEADER = "x-lumomate-peer";
const peerTag = randomBytes(18).toString("base64url");
process.env.LUMOMATE_PEER_TAG = peerTag;
const { default: next } = await import("next");

const { values } = parseArgs({ options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } } });
const hostname = values.hostname ?? process.env.HOST ?? "127.0.0.1";
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`Not a port: ${values.port ?? process.env.PORT}`);

const dir = path.dirname(fileURLToPath(import.meta.url));
const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const cache =
  process.env.PRERENDERED_CACHE === "off"
    ? null
    : createPrerenderedCache({
        routes: prerenderedRoutes(path.join(dir, ".next")),
        files: builtFiles({ distDir: path.join(dir, ".next"), publicDir: path.join(dir, "public") }),
        fetchFromNext: (pagePath) => askNext(pagePath),
        onError: (pagePath, error) => console.error(`[lumomate] could not cache ${pagePath}:`, error),
      });

/** One plain GET of a page from this very server (which passes it to Next), body uncompressed. */
function askNext(pagePath) {
  return new Promise((resolve, reject) => {
    const host = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
    const req = http.get({ host, port, path: pagePath, headers: { "accept-encoding": "identity" } }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

const server = http.createServer((req, res) => {
  if (cache?.answer(req, res)) return;
  delete req.headers[PEER_HEADER];
  if (req.socket.remoteAddress) req.headers[PEER_HEADER] = `${req.socket.remoteAddress} ${peerTag}`;
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  });
});
server.on("error", (error) => {
  console.error(`[lumomate] cannot listen on ${hostname}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`[lumomate] ready on http://${hostname}:${port}${cache ? "" : " (prerendered cache off)"}`);
});

// Finish the answers in flight, then stop (a second signal stops at once).
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
