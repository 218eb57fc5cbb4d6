import type { ChildProcess } from "node:child_process";

export const ROOT: string;
export const APP_DIR: string;
export function appEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function requireBuild(): void;
export function startNext(options: { port: number; env?: NodeJS.ProcessEnv; log?: string; detached?: boolean; hostname?: string }): ChildProcess;
export function killGroup(child: ChildProcess | undefined, signal?: NodeJS.Signals): void;
export function waitForOk(url: string, options?: { timeoutMs?: number; intervalMs?: number; child?: ChildProcess }): Promise<void>;
export type ProxiedSite = { base: string; ports: number[]; apps: ChildProcess[]; nginx: ChildProcess; runDir: string; peerTag: string; stop(signal?: NodeJS.Signals): void };
export function startProxiedSite(options: {
  port: number;
  instances?: number;
  env?: NodeJS.ProcessEnv;
  logDir?: string;
  runDir?: string;
  accessLog?: string;
  extraServers?: string;
  instancePorts?: number[];
  detached?: boolean;
}): Promise<ProxiedSite>;
