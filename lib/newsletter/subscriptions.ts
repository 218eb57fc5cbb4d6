import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "./db";
import type { ConsentSource, Database } from "./schema";
import { addressHash } from "./suppression";
import type { Transaction } from "kysely";

type Trx = Transaction<Database> | Db;

export const THROTTLE = {
  /** At most one confirmation mail per address in this window… */
  perAddressWindowMs: 15 * 60 * 1000,
  /** …and at most this many per address per day, so nobody can bomb an inbox through us. */
  perAddressPerDay: 3,
};

export type SignupResult = { mailQueued: boolean };

/**
 * Records a signup and queues its confirmation mail — in the caller's transaction, so a signup
 * that is acknowledged always has its mail on record even if SMTP is down. The global hourly cap
 * is applied when the outbox is drained (outbox.ts), so a mail held back by it waits its turn
 * instead of being dropped. The caller's answer is the same whatever the address's state.
 * `source` is how the signup came in (the form, or a script through the JSON API): it is kept
 * with the first consent, and later signups do not change it.
 */
export async function recordSignup(trx: Trx, email: string, now: number, source: ConsentSource = "api"): Promise<SignupResult> {
  const id = randomUUID();
  const inserted = await trx
    .insertInto("subscribers")
    .values({ id, email, status: "pending", created_at: now, confirmed_at: null, unsubscribed_at: null, consent_at: null, consent_source: source, bounced_at: null })
    .onConflict((oc) => oc.column("email").doNothing())
    .executeTakeFirst();
  // A new address has a new id, so no mail was ever queued for it.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return queueMail(trx, id, email, now);
  const subscriber = await trx.selectFrom("subscribers").select(["id", "status", "consent_at"]).where("email", "=", email).executeTakeFirstOrThrow();
  if (subscriber.status === "confirmed") return { mailQueued: false };
  if (subscriber.status === "unsubscribed" || subscriber.status === "bounced") {
    // Coming back (or trying again after a bounce): they confirm again before any letter goes to them.
    await trx.updateTable("subscribers").set({ status: "pending", unsubscribed_at: null, bounced_at: null }).where("id", "=", subscriber.id).execute();
  }
  // Not yet consented: this signup is the one that counts, for its source and for the 30 days an
  // unconfirmed signup is kept (retention.ts), so a fresh confirmation link is not deleted early.
  if (subscriber.consent_at === null) await trx.updateTable("subscribers").set({ consent_source: source, created_at: now }).where("id", "=", subscriber.id).execute();
  return queueConfirmation(trx, subscriber.id, email, now);
}

export async function queueConfirmation(trx: Trx, subscriberId: string, email: string, now: number): Promise<SignupResult> {
  const recent = await trx
    .selectFrom("outbox")
    .select((eb) => [
      eb.fn.countAll<number>().as("today"),
      eb.fn.max("created_at").as("latest"),
    ])
    .where("subscriber_id", "=", subscriberId)
    .where("created_at", ">", now - 24 * 3600 * 1000)
    .executeTakeFirstOrThrow();
  const today = Number(recent.today);
  const latest = recent.latest === null ? null : Number(recent.latest);
  if (today >= THROTTLE.perAddressPerDay || (latest !== null && now - latest < THROTTLE.perAddressWindowMs)) return { mailQueued: false };
  return queueMail(trx, subscriberId, email, now);
}

async function queueMail(trx: Trx, subscriberId: string, email: string, now: number): Promise<SignupResult> {
  await trx
    .insertInto("outbox")
    .values({ kind: "confirm", subscriber_id: subscriberId, email, created_at: now, attempts: 0, next_attempt_at: now, claimed_until: null, claim_token: null, sent_at: null, failed_at: null, bounced_at: null, last_error: null })
    .execute();
  return { mailQueued: true };
}

/** Confirms; the first consent's time stays as it was, and a confirmed address is no longer suppressed. */
export async function confirmSubscriber(db: Db, id: string, now: number, secret?: string): Promise<boolean> {
  const result = await db
    .updateTable("subscribers")
    .set((eb) => ({ status: "confirmed", confirmed_at: now, consent_at: eb.fn.coalesce("consent_at", eb.val(now)) }))
    .where("id", "=", id)
    .where("status", "in", ["pending", "confirmed"])
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  if (secret) {
    const row = await db.selectFrom("subscribers").select("email").where("id", "=", id).executeTakeFirst();
    if (row) await db.deleteFrom("suppressions").where("address_hash", "=", addressHash(secret, row.email)).execute();
  }
  return true;
}

/**
 * Unsubscribes: the subscriber's row goes (and with it, by cascade, their outbox and delivery rows);
 * only a keyed hash of the address stays, so it is never mailed a letter again unless it signs up
 * and confirms afresh. Idempotent: a second call, or one for an id already gone, changes nothing.
 * `eraseAll` also drops that hash: nothing about them is left.
 */
export async function unsubscribe(db: Db, id: string, now: number, secret: string, options: { eraseAll?: boolean } = {}): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("subscribers").select("email").where("id", "=", id).executeTakeFirst();
    if (row) {
      await trx.deleteFrom("subscribers").where("id", "=", id).execute();
      if (!options.eraseAll) {
        await trx
          .insertInto("suppressions")
          .values({ address_hash: addressHash(secret, row.email), reason: "unsubscribed", created_at: now })
          .onConflict((oc) => oc.column("address_hash").doUpdateSet({ reason: "unsubscribed", created_at: now }))
          .execute();
      }
    }
    return row !== undefined;
  });
}

/** "Delete everything you hold about me", for an address (the owner's command) — the hash included. */
export async function eraseAddress(db: Db, email: string, secret: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom("subscribers").where("email", "=", email).executeTakeFirst();
    const hash = await trx.deleteFrom("suppressions").where("address_hash", "=", addressHash(secret, email)).executeTakeFirst();
    return Number(deleted.numDeletedRows) + Number(hash.numDeletedRows) > 0;
  });
}
