import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { clientAddress, parseTrustProxy, PEER_HEADER, PEER_TAG_ENV } from "./clientAddress";

const TAG = "tag-known-only-to-the-proxy";
process.env[PEER_TAG_ENV] = TAG;
const request = (peer: string | undefined, forwarded?: string, tag = TAG) =>
  new Request("http://127.0.0.1/api/subscribe", { headers: { ...(peer ? { [PEER_HEADER]: `${peer} ${tag}` } : {}), ...(forwarded ? { "x-forwarded-for": forwarded } : {}) } });

describe("the client a rate limit counts", () => {
  it("is the socket's address by default, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request("192.0.2.1", "198.51.100.7"), parseTrustProxy(undefined))).toBe("192.0.2.1");
  });

  it("is never an address from a peer header without the proxy's tag", () => {
    expect(clientAddress(request("192.0.2.1", undefined, "guessed"), parseTrustProxy(undefined))).toBe("unknown");
  });

  it("with a hop count, is the address that many trusted proxies forwarded", () => {
    expect(clientAddress(request("10.0.0.1", "203.0.113.5, 198.51.100.7"), parseTrustProxy("1"))).toBe("198.51.100.7");
    expect(clientAddress(request("10.0.0.1", "203.0.113.5, 198.51.100.7"), parseTrustProxy("2"))).toBe("203.0.113.5");
  });

  it("with addresses, believes X-Forwarded-For only from those (a CDN's ranges)", () => {
    const trust = parseTrustProxy("10.0.0.0/8");
    expect(clientAddress(request("10.1.2.3", "198.51.100.7"), trust)).toBe("198.51.100.7");
    expect(clientAddress(request("192.0.2.9", "198.51.100.7"), trust)).toBe("192.0.2.9");
  });
});
