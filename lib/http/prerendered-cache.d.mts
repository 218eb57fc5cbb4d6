import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

export type BypassRule = { type: string; key: string; value?: string };
export type Answer = { status: number; headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>; body: Buffer };
export type Entry = { headers: Record<string, string | string[]>; lastModified?: number; bodies: { identity: Buffer; gzip?: Buffer; br?: Buffer } };

export function prerenderedRoutes(distDir: string): Map<string, BypassRule[]>;
export function preferredEncoding(header: string | undefined): "br" | "gzip" | "identity";
export function builtFiles(dirs: { distDir: string; publicDir: string }): Set<string>;
export function entryFrom(answer: Answer, kind?: "page" | "file"): Promise<Entry | null>;
export function createPrerenderedCache(options: {
  routes: Map<string, BypassRule[]>;
  files?: Set<string>;
  fetchFromNext: (path: string) => Promise<Answer>;
  onError?: (path: string, error: unknown) => void;
}): { answer(req: IncomingMessage, res: ServerResponse): boolean; readonly size: number };
