import { describe, expect, it } from "vitest";
import { LIFETIME_SECONDS, signToken, verifyToken } from "./tokens";

const SECRET = "test-secret-that-is-long-enough-0123456789";
const NOW = Date.UTC(2026, 2, 23, 8, 0, 0);

describe("signToken / verifyToken", () => {
  it("round-trips and returns the right subscriber id", () => {
    for (const id of ["42", "sub_7f3c", "ünïcode-id", "a.b.c"]) {
      const token = signToken(SECRET, id, "confirm", NOW);
      expect(verifyToken(SECRET, token, "confirm", NOW)).toEqual({ ok: true, subscriberId: id });
    }
    const unsub = signToken(SECRET, "42", "unsubscribe", NOW);
    expect(verifyToken(SECRET, unsub, "unsubscribe", NOW)).toEqual({ ok: true, subscriberId: "42" });
  });

  it("produces URL-safe tokens with four parts", () => {
    const token = signToken(SECRET, "ünïcode/id+?&=", "confirm", NOW);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.confirm\.\d+\.[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
  });

  it("rejects a tampered signature", () => {
    const token = signToken(SECRET, "42", "confirm", NOW);
    const parts = token.split(".");
    const sig = parts[3];
    const flip = (c: string) => (c === "A" ? "B" : "A");
    const middle = Math.floor(sig.length / 2);
    const tampered = [...parts.slice(0, 3), sig.slice(0, middle) + flip(sig[middle]) + sig.slice(middle + 1)].join(".");
    expect(verifyToken(SECRET, tampered, "confirm", NOW)).toEqual({ ok: false, reason: "tampered" });
    const firstChar = [...parts.slice(0, 3), flip(sig[0]) + sig.slice(1)].join(".");
    expect(verifyToken(SECRET, firstChar, "confirm", NOW)).toMatchObject({ ok: false, reason: "tampered" });
  });

  it("rejects a signature that was altered but decodes to the same bytes (non-canonical base64url)", () => {
    const token = signToken(SECRET, "42", "confirm", NOW);
    const [a, b, c, sig] = token.split(".");
    const variants = [
      `${sig}!`, // a character base64url decoding ignores
      `${sig}=`, // padding
      `!${sig}`,
      // 32 bytes need 43 characters; the last one carries 2 unused bits. Change only those.
      sig.slice(0, -1) + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(sig.at(-1)!) ^ 1
      ],
    ];
    for (const v of variants) {
      expect(v).not.toBe(sig);
      expect(verifyToken(SECRET, [a, b, c, v].join("."), "confirm", NOW)).toMatchObject({ ok: false, reason: "tampered" });
    }
  });

  it("cannot be replayed for another subscriber (swapped id segment)", () => {
    const mine = signToken(SECRET, "42", "unsubscribe", NOW);
    const theirs = signToken(SECRET, "43", "unsubscribe", NOW);
    const forged = [theirs.split(".")[0], ...mine.split(".").slice(1)].join(".");
    const check = verifyToken(SECRET, forged, "unsubscribe", NOW);
    expect(check).toEqual({ ok: false, reason: "tampered" });
  });

  it("rejects a changed expiry (cannot be extended)", () => {
    const token = signToken(SECRET, "42", "confirm", NOW);
    const [a, b, expiry, sig] = token.split(".");
    const extended = [a, b, String(Number(expiry) + 365 * 24 * 3600), sig].join(".");
    expect(verifyToken(SECRET, extended, "confirm", NOW + 30 * 24 * 3600 * 1000)).toMatchObject({ ok: false, reason: "tampered" });
  });

  it("cannot be replayed for another purpose", () => {
    const confirm = signToken(SECRET, "42", "confirm", NOW);
    const asUnsub = verifyToken(SECRET, confirm, "unsubscribe", NOW);
    expect(asUnsub.ok).toBe(false);
    expect(asUnsub).toMatchObject({ reason: "wrong-purpose" });
    const unsub = signToken(SECRET, "42", "unsubscribe", NOW);
    expect(verifyToken(SECRET, unsub, "confirm", NOW).ok).toBe(false);
    // Rewriting the purpose segment breaks the signature.
    const rewritten = confirm.replace(".confirm.", ".unsubscribe.");
    expect(verifyToken(SECRET, rewritten, "unsubscribe", NOW)).toMatchObject({ ok: false, reason: "tampered" });
  });

  it("expires after the confirm lifetime but still names the subscriber", () => {
    const token = signToken(SECRET, "42", "confirm", NOW);
    const lifetimeMs = LIFETIME_SECONDS.confirm * 1000;
    expect(verifyToken(SECRET, token, "confirm", NOW + lifetimeMs - 1000)).toEqual({ ok: true, subscriberId: "42" });
    expect(verifyToken(SECRET, token, "confirm", NOW + lifetimeMs + 1000)).toEqual({
      ok: false,
      reason: "expired",
      subscriberId: "42",
    });
  });

  it("keeps the confirm lifetime to at most 7 days, and unsubscribe links longer", () => {
    expect(LIFETIME_SECONDS.confirm).toBeGreaterThan(0);
    expect(LIFETIME_SECONDS.confirm).toBeLessThanOrEqual(7 * 24 * 3600);
    expect(LIFETIME_SECONDS.unsubscribe).toBeGreaterThanOrEqual(30 * 24 * 3600);
    const token = signToken(SECRET, "42", "confirm", NOW);
    expect(verifyToken(SECRET, token, "confirm", NOW + 7 * 24 * 3600 * 1000 + 1000).ok).toBe(false);
  });

  it.each<[string, unknown]>([
    ["empty string", ""],
    ["three parts", "a.confirm.123"],
    ["five parts", "a.confirm.123.sig.extra"],
    ["number", 12345],
    ["null", null],
    ["undefined", undefined],
    ["array", ["a", "confirm", "1", "s"]],
    ["over 512 characters", `${"a".repeat(500)}.confirm.9999999999.${"b".repeat(20)}`],
  ])("rejects a malformed token: %s", (_name, token) => {
    expect(verifyToken(SECRET, token, "confirm", NOW)).toEqual({ ok: false, reason: "malformed" });
  });

  it("rejects a token signed with a different secret", () => {
    const token = signToken("another-secret-that-is-long-enough-xyz", "42", "confirm", NOW);
    expect(verifyToken(SECRET, token, "confirm", NOW)).toEqual({ ok: false, reason: "tampered" });
  });
});
