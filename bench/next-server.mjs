// Shared by the newsletter benches: a production server (Next's standalone server.js) with its own environment,
// a scratch directory for its database, and a couple of small measuring tools.
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { APP_DIR, appEnv, killGroup } from "../scripts/site.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

export { requireBuild } from "../scripts/site.mjs";

/**
 * The signup bench's own build in .next-bench/ (LUMOMATE_BENCH_BUILD=1 adds the `*.bench.ts` routes
 * such as /api/noop, which the deployed build never has), rebuilt when the main build is newer.
 * Returns its standalone folder.
 */
export function ensureBenchBuild() {
  const benchId = path.join(root, ".next-bench", "BUILD_ID");
  const mainId = path.join(root, ".next", "BUILD_ID");
  const stale = !fs.existsSync(benchId) || (fs.existsSync(mainId) && fs.statSync(mainId).mtimeMs > fs.statSync(benchId).mtimeMs);
  if (stale) {
    console.log("building the bench's own build into .next-bench/ (next build with LUMOMATE_BENCH_BUILD=1)…");
    // `next build` alone skips prebuild, which writes the content index (and search index) the build reads.
    const index = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "generate-content-index.ts")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    if (index.status !== 0) throw new Error("generating the search index failed");
    const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: root,
      env: { ...process.env, LUMOMATE_BENCH_BUILD: "1", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) throw new Error("the bench build failed");
  }
  return path.join(root, ".next-bench", "standalone");
}

/** A fresh directory on the disk the benches measure (BENCH_DIR, else the OS temp dir). tmpfs would make fsync free, so say so. */
export function scratchDir(prefix) {
  const dir = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), prefix));
  const TMPFS_MAGIC = 0x01021994;
  let note = "";
  try {
    if (fs.statfsSync(dir).type === TMPFS_MAGIC) note = " (tmpfs: fsync costs nothing here — set BENCH_DIR to a directory on a real disk)";
  } catch {}
  return { dir, note, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** write + fsync of one 4 KiB block, as fast as the disk allows, for `seconds`: the ceiling of one-commit-per-request. */
export function fsyncsPerSecond(dir, seconds = 2) {
  const file = path.join(dir, "fsync-probe");
  const fd = fs.openSync(file, "w");
  const block = Buffer.alloc(4096, 7);
  try {
    fs.writeSync(fd, block, 0, block.length, 0);
    fs.fsyncSync(fd);
    const start = performance.now();
    const until = start + seconds * 1000;
    let n = 0;
    // Bounded twice: by time, and by a count no disk reaches in two seconds.
    while (performance.now() < until && n < 10_000_000) {
      block[0] = n & 255;
      fs.writeSync(fd, block, 0, block.length, 0);
      fs.fsyncSync(fd);
      n++;
    }
    return n / ((performance.now() - start) / 1000);
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
}

/**
 * The production server (Next's standalone server.js, no proxy) on 127.0.0.1:port in a process group of its own (detached), so that stop() and
 * kill9() reach the server itself and anything it started. Resolves once it answers HTTP.
 */
export async function startNext(port, env, { label = "server", nodeArgs = [], appDir = APP_DIR } = {}) {
  // Something already answering there (a server left behind by an interrupted run) would take the
  // load and keep its own database: refuse rather than measure the wrong server.
  const taken = await new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
  if (taken) throw new Error(`${label}: port ${port} on 127.0.0.1 is already in use (a server left over from an earlier run?)`);
  const child = spawn(process.execPath, [...nodeArgs, path.join(appDir, "server.js")], {
    cwd: root,
    env: appEnv({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env, PORT: String(port), HOSTNAME: "127.0.0.1" }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  // Keep the tail of its output for error messages; count what the signup route logs on failure.
  const tail = [];
  const counts = { notStored: 0 };
  const keep = (chunk) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line) continue;
      if (line.includes("signup not stored")) counts.notStored++;
      tail.push(line);
      if (tail.length > 40) tail.shift();
    }
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = false;
  const exit = new Promise((resolve) => child.on("exit", (code, signal) => ((exited = true), resolve({ code, signal }))));

  const group = child.pid;
  const gone = async () => {
    await exit;
    // The group may outlive its leader for a moment; wait (bounded) until nothing in it is left.
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(-group, 0);
      } catch {
        return;
      }
      await sleep(50);
    }
  };
  const signal = (sig) => killGroup(child, sig);
  // The server is in its own process group, so it would outlive an interrupted bench: take it along.
  const onInterrupt = (sig) => {
    signal("SIGKILL");
    process.exit(128 + (os.constants.signals[sig] ?? 1));
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(sig, onInterrupt);
  process.once("exit", () => exited || signal("SIGKILL"));
  exit.then(() => {
    for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.off(sig, onInterrupt);
  });
  const server = {
    base: `http://127.0.0.1:${port}`,
    pid: group,
    counts,
    output: () => tail.join("\n"),
    /** SIGTERM to the group, then waits until it has exited (SIGKILL after 10 s). */
    async stop() {
      if (exited) return gone();
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 10_000);
      await gone();
      clearTimeout(timer);
    },
    /** kill -9 of the whole group: no shutdown code runs. */
    async kill9() {
      signal("SIGKILL");
      await gone();
    },
  };

  // Any HTTP answer means it is up (GET on a POST-only route is a cheap 405).
  for (let i = 0; i < 240 && !exited; i++) {
    try {
      await fetch(`${server.base}/api/subscribe`, { signal: AbortSignal.timeout(2000) });
      return server;
    } catch {}
    await sleep(250);
  }
  await server.stop();
  throw new Error(`${label}: the server did not answer on ${server.base} within 60 s — did you run "npm run build"?\n${server.output()}`);
}

/** The machine's load, to print next to the figures (they mean little on a busy machine). */
export const machineLoad = () => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(", ")} on ${os.availableParallelism()} cores`;

/**
 * CPU seconds (user + system) used so far by every process in a process group — the server and,
 * with WEB_CONCURRENCY > 1, its worker processes — from /proc (Linux); undefined elsewhere.
 */
export function cpuSeconds(group) {
  try {
    let ticks = 0;
    for (const pid of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue; // ended meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]); // pgrp; utime, stime
    }
    return ticks / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

