import "server-only";
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * Which client a request counts against, for the rate limits.
 *
 * Next's route handlers never see the socket, so nginx (deploy/nginx.conf) passes the address it
 * saw in PEER_HEADER: it replaces any copy the client sent with `<address> <tag>`, where the tag
 * is a secret it shares with the app (PEER_TAG_ENV; scripts/site.mjs makes a random one per start).
 * A header whose tag does not match is ignored, so no client can forge its address, even on a Next
 * reached without the proxy (`npm start`, `next dev`): there every request counts as "unknown"
 * and a warning says so.
 */
export const PEER_HEADER = "x-lumomate-peer";
export const PEER_TAG_ENV = "LUMOMATE_PEER_TAG";

/** Express's `trust proxy` setting: trust nothing (the default), the nearest N hops, or addresses/CIDRs. */
export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; list: string[]; trust: (addr: string, i: number) => boolean };

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim();
  if (text === "" || text === "false" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) return { kind: "hops", hops: Number(text) };
  if (text === "true") throw new Error('"true" trusts any forwarded address a client makes up; give the number of proxies in front (e.g. 1) or their addresses');
  const list = text.split(",").map((s) => s.trim()).filter(Boolean);
  try {
    return { kind: "addresses", list, trust: proxyaddr.compile(list) };
  } catch (error) {
    throw new Error(`must be a hop count (e.g. 1) or a comma-separated list of addresses or CIDRs (e.g. 10.0.0.0/8, loopback): ${(error as Error).message}`, { cause: error });
  }
}

let warned = false;

/** The client's address as the proxy vouched for it, or undefined without the proxy. */
export function peerAddress(request: Request, tag = process.env[PEER_TAG_ENV]): string | undefined {
  const value = request.headers.get(PEER_HEADER);
  if (!tag || !value) return undefined;
  const [address, given] = value.split(" ");
  return given === tag && address ? address : undefined;
}

/** The address the rate limits count: the socket's, or the forwarded one TRUST_PROXY says to believe. */
export function clientAddress(request: Request, trust: TrustProxy): string {
  const peer = peerAddress(request);
  if (!peer) {
    if (!warned) console.warn("[newsletter] no client address from the proxy (Next reached directly, as with `npm start` or `next dev`): every client shares one rate limit");
    warned = true;
    return "unknown";
  }
  if (trust.kind === "none") return peer;
  const fake = { headers: { "x-forwarded-for": request.headers.get("x-forwarded-for") ?? undefined }, socket: { remoteAddress: peer } } as unknown as IncomingMessage;
  return trust.kind === "hops" ? proxyaddr(fake, (_addr, i) => i < trust.hops) : proxyaddr(fake, trust.trust);
}
