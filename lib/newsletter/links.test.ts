import { describe, expect, it } from "vitest";
import { confirmUrl, unsubscribeHeaders, unsubscribePageUrl, type LinkContext } from "./links";
import { verifyToken } from "./tokens";

const NOW = Date.UTC(2026, 2, 23, 8, 0, 0);
const ctx: LinkContext = {
  siteUrl: "https://lumomate.example",
  secret: "links-test-secret-long-enough-0123456789",
  unsubscribeMailbox: "unsubscribe@lumomate.example",
};

function parseListUnsubscribe(value: string) {
  const entries = [...value.matchAll(/<([^<>]+)>/g)].map((m) => m[1]);
  // Nothing but bracketed entries separated by commas.
  expect(value.replace(/<[^<>]+>/g, "").replace(/[\s,]/g, "")).toBe("");
  return entries;
}

describe("unsubscribeHeaders", () => {
  const headers = unsubscribeHeaders(ctx, "sub-42", NOW);

  it("offers an http(s) one-click URL in angle brackets pointing at /api/unsubscribe?token=", () => {
    const entries = parseListUnsubscribe(headers["List-Unsubscribe"]);
    const http = entries.filter((e) => /^https?:\/\//.test(e));
    expect(http).toHaveLength(1);
    const url = new URL(http[0]);
    expect(url.origin).toBe(ctx.siteUrl);
    expect(url.pathname).toBe("/api/unsubscribe");
    expect(url.searchParams.get("token")).toBeTruthy();
  });

  it("offers a mailto: in angle brackets", () => {
    const entries = parseListUnsubscribe(headers["List-Unsubscribe"]);
    const mailto = entries.filter((e) => e.startsWith("mailto:"));
    expect(mailto).toHaveLength(1);
    expect(mailto[0]).toMatch(/^mailto:unsubscribe@lumomate\.example(\?|$)/);
  });

  it("sets List-Unsubscribe-Post exactly to the RFC 8058 value", () => {
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("carries a token that verifies as unsubscribe for that subscriber", () => {
    const http = parseListUnsubscribe(headers["List-Unsubscribe"]).find((e) => e.startsWith("http"))!;
    const token = new URL(http).searchParams.get("token");
    expect(verifyToken(ctx.secret, token, "unsubscribe", NOW)).toEqual({ ok: true, subscriberId: "sub-42" });
    expect(verifyToken(ctx.secret, token, "confirm", NOW).ok).toBe(false);
    // Still works months later, when people dig out an old letter.
    expect(verifyToken(ctx.secret, token, "unsubscribe", NOW + 90 * 24 * 3600 * 1000).ok).toBe(true);
  });

  it("header values contain no line breaks (no header injection)", () => {
    for (const value of Object.values(headers)) expect(value).not.toMatch(/[\r\n]/);
  });
});

describe("confirmUrl", () => {
  it("points at /newsletter/confirm?token= with a token that verifies as confirm", () => {
    const url = new URL(confirmUrl(ctx, "sub-42", NOW));
    expect(url.origin).toBe(ctx.siteUrl);
    expect(url.pathname).toBe("/newsletter/confirm");
    const token = url.searchParams.get("token");
    expect(verifyToken(ctx.secret, token, "confirm", NOW)).toEqual({ ok: true, subscriberId: "sub-42" });
    expect(verifyToken(ctx.secret, token, "unsubscribe", NOW).ok).toBe(false);
  });
});

describe("unsubscribePageUrl", () => {
  it("points at /newsletter/unsubscribe?token= with an unsubscribe token", () => {
    const url = new URL(unsubscribePageUrl(ctx, "sub-42", NOW));
    expect(url.pathname).toBe("/newsletter/unsubscribe");
    expect(verifyToken(ctx.secret, url.searchParams.get("token"), "unsubscribe", NOW)).toEqual({
      ok: true,
      subscriberId: "sub-42",
    });
  });
});
