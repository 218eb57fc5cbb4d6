import { createHmac, timingSafeEqual } from "node:crypto";

export type Purpose = "confirm" | "unsubscribe";

export const LIFETIME_SECONDS: Record<Purpose, number> = {
  confirm: 7 * 24 * 3600,
  // Unsubscribe links sit in letters people keep; they must still work weeks later.
  unsubscribe: 180 * 24 * 3600,
};

export type TokenCheck =
  | { ok: true; subscriberId: string }
  | { ok: false; reason: "malformed" | "tampered" | "expired" | "wrong-purpose"; subscriberId?: string };

const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function mac(secret: string, body: string): Buffer {
  return createHmac("sha256", secret).update(body).digest();
}

/** `<id>.<purpose>.<expiry>.<HMAC-SHA256 of the three>`, all URL-safe. */
export function signToken(secret: string, subscriberId: string, purpose: Purpose, now = Date.now()): string {
  const expiry = Math.floor(now / 1000) + LIFETIME_SECONDS[purpose];
  const body = `${b64(subscriberId)}.${purpose}.${expiry}`;
  return `${body}.${b64(mac(secret, body))}`;
}

export function verifyToken(secret: string, token: unknown, purpose: Purpose, now = Date.now()): TokenCheck {
  if (typeof token !== "string" || token.length > 512) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 4) return { ok: false, reason: "malformed" };
  const [id64, tokenPurpose, expiryText, signature] = parts;
  const body = `${id64}.${tokenPurpose}.${expiryText}`;
  const expected = mac(secret, body);
  const given = Buffer.from(signature, "base64url");
  // Buffer ignores stray characters and unused trailing bits: only the canonical encoding counts.
  if (b64(given) !== signature || given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "tampered" };
  const subscriberId = Buffer.from(id64, "base64url").toString("utf8");
  if (tokenPurpose !== purpose) return { ok: false, reason: "wrong-purpose" };
  if (!/^\d+$/.test(expiryText) || Number(expiryText) * 1000 < now) return { ok: false, reason: "expired", subscriberId };
  return { ok: true, subscriberId };
}
