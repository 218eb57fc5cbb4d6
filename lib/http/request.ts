import "server-only";
import { HttpError } from "./errors";

export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Browsers send Origin on every POST. One from another site — or the opaque "null" of a sandboxed
 * frame or a file — is refused; a request with no Origin at all is a non-browser client.
 */
export function checkOrigin(request: Request, siteUrl: string): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site") throw new HttpError(403, "cross-origin", "Cross-site requests are not accepted.");
  if (origin === null) return;
  const own = new Set([new URL(siteUrl).origin, new URL(request.url).origin]);
  const host = request.headers.get("host");
  if (host) own.add(`${new URL(request.url).protocol}//${host}`);
  if (!own.has(origin)) throw new HttpError(403, "cross-origin", "Requests from other sites are not accepted.");
}

export type Body = { kind: "form" | "json"; fields: Record<string, unknown> };

/** Reads at most 16 KB (more is refused before it is read in full) and parses a form or JSON. */
export async function readBody(request: Request): Promise<Body> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, "too-large", "The request is too large.");
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const kind = type === "application/json" ? "json" : type === "application/x-www-form-urlencoded" || type === "multipart/form-data" ? "form" : null;
  if (!kind) throw new HttpError(415, "unsupported-type", "Send a form or JSON.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new HttpError(413, "too-large", "The request is too large.");
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (kind === "json") {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      return { kind, fields: parsed as Record<string, unknown> };
    } catch {
      throw new HttpError(400, "bad-json", "The JSON could not be read.");
    }
  }
  if (type === "multipart/form-data") {
    const form = await new Response(text, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
    return { kind, fields: Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""])) };
  }
  return { kind, fields: Object.fromEntries(new URLSearchParams(text)) };
}

export function wantsJson(request: Request, body?: Body): boolean {
  return body?.kind === "json" || (request.headers.get("accept") ?? "").includes("application/json");
}
