import type { ChildProcess } from "node:child_process";
import { killGroup, startNext, startProxiedSite, waitForOk, type ProxiedSite } from "../../scripts/site.mjs";

export { killGroup };

/**
 * A site of its own for one spec: nginx on `port` in front of `instances` Next servers (as in
 * production), each Next's output in test-results/server-<port>.log, so an instance that dies
 * mid-test leaves its reason behind.
 */
export function startSiteServer(port: number, env: NodeJS.ProcessEnv, instances = 1, instancePorts?: number[]): Promise<ProxiedSite> {
  return startProxiedSite({ port, env, instances, instancePorts, logDir: "test-results", runDir: `test-results/proxy-${port}` });
}

export function stopSiteServer(site: ProxiedSite | undefined, signal: NodeJS.Signals = "SIGTERM") {
  site?.stop(signal);
}

/** One Next instance alone (no proxy in front), in its own process group; resolves when it serves pages. */
export async function startBareNext(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = startNext({ port, env, log: `test-results/server-${port}.log`, detached: true });
  await waitForOk(`http://127.0.0.1:${port}/glossary/epoch`, { child });
  return child;
}
