import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

/**
 * Starts a production server (`server.mjs`) of its own on `port` with `env`, in its own process
 * group, and waits for its first 200 on `/`. Its output goes to test-results/server-<port>.log,
 * so a server that dies mid-test leaves its reason behind.
 */
export async function startSiteServer(port: number, env: NodeJS.ProcessEnv, attempts = 160): Promise<ChildProcess> {
  fs.mkdirSync("test-results", { recursive: true });
  const log = fs.openSync(`test-results/server-${port}.log`, "a");
  const child = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", String(port)], { env, detached: true, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  for (let i = 0; i < attempts; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${port} did not start (see test-results/server-${port}.log)`);
}

/** Stops a server started above, and anything it started, with `signal`. */
export function stopSiteServer(child: ChildProcess | undefined, signal: NodeJS.Signals = "SIGTERM") {
  try {
    if (child?.pid) process.kill(-child.pid, signal);
  } catch {}
}
