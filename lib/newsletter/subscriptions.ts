import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "./db";
import type { Database } from "./schema";
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
 * The global hourly cap on confirmation mails, counted once per transaction: the first signup in
 * a group commit that wants a mail counts the last hour's outbox, and the rest of the group counts
 * on from there (every mail queued in the transaction goes through here). Counting per signup cost
 * a scan of the last hour's outbox for every signup, which grew with the traffic.
 * The count happens inside the caller's transaction, after its first write: on SQLite the write
 * lock is held by then, so no other writer can add mails between the count and the commit. (On
 * PostgreSQL concurrent transactions can each count the other's mails as not yet there, with one
 * count per group as with one per signup: the cap is a brake on abuse, not an exact quota.)
 */
export class HourlyCap {
  private left: number | undefined;
  constructor(readonly perHour: number) {}

  async take(trx: Trx, now: number): Promise<boolean> {
    if (this.left === undefined) {
      const lastHour = await trx
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("created_at", ">", now - 3600 * 1000)
        .executeTakeFirstOrThrow();
      this.left = this.perHour - Number(lastHour.n);
    }
    if (this.left <= 0) return false;
    this.left--;
    return true;
  }
}

/**
 * Records a signup and, when allowed, queues its confirmation mail — in the caller's transaction,
 * so a signup that is acknowledged always has its mail on record even if SMTP is down.
 * The caller's answer is the same whatever the address's state: nothing here is revealed.
 * `cap`: a number counts the hour's mails afresh; an HourlyCap shared by the signups of one
 * transaction (and used for that transaction only) counts them once.
 */
export async function recordSignup(trx: Trx, email: string, now: number, cap: number | HourlyCap): Promise<SignupResult> {
  const id = randomUUID();
  const inserted = await trx
    .insertInto("subscribers")
    .values({ id, email, status: "pending", created_at: now, confirmed_at: null, unsubscribed_at: null })
    .onConflict((oc) => oc.column("email").doNothing())
    .executeTakeFirst();
  // A new address has a new id, so no mail was ever queued for it: only the global cap applies.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return queueMail(trx, id, email, now, cap);
  const subscriber = await trx.selectFrom("subscribers").select(["id", "status"]).where("email", "=", email).executeTakeFirstOrThrow();
  if (subscriber.status === "confirmed") return { mailQueued: false };
  if (subscriber.status === "unsubscribed") {
    // Coming back: they confirm again before any letter goes to them.
    await trx.updateTable("subscribers").set({ status: "pending", unsubscribed_at: null }).where("id", "=", subscriber.id).execute();
  }
  return queueConfirmation(trx, subscriber.id, email, now, cap);
}

export async function queueConfirmation(trx: Trx, subscriberId: string, email: string, now: number, cap: number | HourlyCap): Promise<SignupResult> {
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
  return queueMail(trx, subscriberId, email, now, cap);
}

/** Queues the mail if the global hourly cap allows it (the per-address limits are checked by then). */
async function queueMail(trx: Trx, subscriberId: string, email: string, now: number, cap: number | HourlyCap): Promise<SignupResult> {
  if (!(await (typeof cap === "number" ? new HourlyCap(cap) : cap).take(trx, now))) return { mailQueued: false };
  await trx
    .insertInto("outbox")
    .values({ kind: "confirm", subscriber_id: subscriberId, email, created_at: now, attempts: 0, next_attempt_at: now, claimed_until: null, sent_at: null, last_error: null })
    .execute();
  return { mailQueued: true };
}

export async function confirmSubscriber(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("subscribers")
    .set({ status: "confirmed", confirmed_at: now })
    .where("id", "=", id)
    .where("status", "in", ["pending", "confirmed"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function unsubscribe(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("subscribers")
    .set({ status: "unsubscribed", unsubscribed_at: now })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
