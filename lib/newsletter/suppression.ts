import "server-only";
import { createHmac } from "node:crypto";
import type { Db } from "./db";

/**
 * The only trace kept of an address that left: HMAC-SHA256 with the site's secret, so the list of
 * hashes cannot be turned back into addresses by hashing a list of guesses without the secret.
 */
export function addressHash(secret: string, email: string): string {
  return createHmac("sha256", secret).update(`suppression:${email}`).digest("hex");
}

export async function isSuppressed(db: Db, secret: string, email: string): Promise<boolean> {
  return (await db.selectFrom("suppressions").select("address_hash").where("address_hash", "=", addressHash(secret, email)).executeTakeFirst()) !== undefined;
}
