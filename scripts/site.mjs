// @ts-check
// Starting the built site: Next's standalone server alone (`npm start`), or one or more of them behind
// nginx (`npm run serve:proxy`, and the e2e suite, Lighthouse and the serving bench).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderNginxConfig } from "../deploy/render.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const APP_DIR = path.join(ROOT, ".next", "standalone");
const SERVER = path.join(APP_DIR, "server.js");

/**
 * The environment a standalone server runs with. It works in its own folder (server.js changes
 * into it), which the next build replaces: relative data paths are made absolute against the
 * repository, so the subscribers and the mail outbox outlive a rebuild.
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function appEnv(env) {
  /** @type {NodeJS.ProcessEnv} */
  const out = { NEXT_TELEMETRY_DISABLED: "1", ...env, NODE_ENV: "production" };
  for (const [name, fallback] of /** @type {const} */ ([["SQLITE_PATH", "data/lumomate.db"], ["OUTBOX_DIR", "outbox"]])) {
    out[name] = path.resolve(ROOT, out[name] ?? fallback);
  }
  return out;
}

export function requireBuild() {
  if (!fs.existsSync(SERVER)) throw new Error("No standalone build: run `npm run build` first (.next/standalone/server.js is missing)");
}

/**
 * One Next standalone server on 127.0.0.1:port. Its output goes to `log` (a path) or this process.
 * `detached` puts it in a process group of its own, for tests that kill it.
 * @param {{ port: number, env?: NodeJS.ProcessEnv, log?: string, detached?: boolean, hostname?: string }} options
 */
export function startNext({ port, env = process.env, log, detached = false, hostname = "127.0.0.1" }) {
  requireBuild();
  let stdio = /** @type {import("node:child_process").StdioOptions} */ ("inherit");
  let fd;
  if (log) {
    fs.mkdirSync(path.dirname(log), { recursive: true });
    fd = fs.openSync(log, "a");
    stdio = ["ignore", fd, fd];
  }
  const child = spawn(process.execPath, [SERVER], { env: { ...appEnv(env), PORT: String(port), HOSTNAME: hostname }, stdio, detached });
  if (fd !== undefined) fs.closeSync(fd);
  return child;
}

/**
 * Sends `signal` to a child started with `detached` and to its process group, only while the child
 * is running. Once it has exited and been reaped, its number is free again (this machine reuses
 * process ids within minutes): a late group kill could land on an unrelated server, such as another
 * test's nginx.
 * @param {import("node:child_process").ChildProcess | undefined} child
 * @param {NodeJS.Signals} signal
 */
export function killGroup(child, signal = "SIGTERM") {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {}
}

/**
 * Resolves once `url` answers 200, or rejects after `timeoutMs` (or when `child` exits first).
 * @param {string} url
 */
export async function waitForOk(url, { timeoutMs = 60_000, intervalMs = 100, child = /** @type {import("node:child_process").ChildProcess | undefined} */ (undefined) } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the server exited (code ${child.exitCode}) before answering`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/**
 * nginx on 127.0.0.1:port in front of `instances` Next servers (ports port+10000, +10001, …), as in
 * production. Resolves when a page comes back through nginx. `stop()` ends them all.
 * @param {{ port: number, instances?: number, env?: NodeJS.ProcessEnv, logDir?: string, runDir?: string,
 *           accessLog?: string, extraServers?: string, instancePorts?: number[], detached?: boolean }} options
 *   `detached` (default) gives nginx and each instance a process group of their own, for tests that
 *   kill one; a foreground command passes false, so whoever kills its group takes them all along.
 */
export async function startProxiedSite({ port, instances = 1, env = process.env, logDir, runDir, accessLog, extraServers, instancePorts, detached = true }) {
  requireBuild();
  const peerTag = env.LUMOMATE_PEER_TAG ?? randomBytes(18).toString("base64url");
  const ports = instancePorts ?? Array.from({ length: instances }, (_, i) => port + 10_000 + i);
  const dir = path.resolve(ROOT, runDir ?? path.join(".next", "proxy", String(port)));
  // A fresh run directory, so nginx's cache starts empty for this build.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const siteUrl = env.SITE_URL ?? `http://127.0.0.1:${port}`;
  const config = renderNginxConfig({ listen: `127.0.0.1:${port}`, upstreams: ports.map((p) => `127.0.0.1:${p}`), appDir: APP_DIR, runDir: dir, peerTag, siteUrl, accessLog, extraServers });
  const configFile = path.join(dir, "nginx.conf");
  fs.writeFileSync(configFile, config);
  const nginxArgs = ["-c", configFile, "-p", dir, "-e", path.join(dir, "error.log")];
  const check = spawnSync("nginx", [...nginxArgs, "-t", "-q"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx refused ${configFile}:\n${check.stderr || check.error}`);

  const apps = ports.map((p) =>
    startNext({ port: p, env: { ...env, SITE_URL: siteUrl, LUMOMATE_PEER_TAG: peerTag }, log: logDir ? path.join(logDir, `server-${p}.log`) : undefined, detached }),
  );
  const nginx = spawn("nginx", [...nginxArgs, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"], detached });
  const stop = (/** @type {NodeJS.Signals} */ signal = "SIGTERM") => {
    for (const child of [nginx, ...apps]) {
      if (detached) killGroup(child, signal);
      // nginx's master stops its workers on SIGTERM; killed outright, it would leave them serving.
      else child.kill(child === nginx && signal === "SIGKILL" ? "SIGTERM" : signal);
    }
  };
  try {
    await Promise.all(ports.map((p, i) => waitForOk(`http://127.0.0.1:${p}/glossary/epoch`, { child: apps[i] })));
    await waitForOk(`http://127.0.0.1:${port}/`, { child: nginx, timeoutMs: 10_000 });
  } catch (error) {
    stop("SIGKILL");
    throw error;
  }
  return { base: `http://127.0.0.1:${port}`, ports, apps, nginx, runDir: dir, peerTag, stop };
}
