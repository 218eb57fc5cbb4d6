import "server-only";
import type { Store } from "./db";
import { addressHash } from "./suppression";

/** How long an address stays anywhere it is not needed for sending (docs/privacy.md). */
export const RETENTION_MS = 30 * 24 * 3600 * 1000;

export type RetentionReport = { unconfirmedDeleted: number; outboxErased: number; deliveriesErased: number; bouncedToHash: number };

/**
 * Runs from every worker tick (and the in-process scheduler): deletes signups never confirmed
 * within 30 days, empties the address on outbox and delivery rows 30 days after their mail was
 * done with, and turns addresses that left or bounced more than 30 days ago into suppression
 * hashes. Each step is one idempotent statement, so two schedulers running it at once is harmless.
 */
export async function runRetention(store: Store, secret: string, now = Date.now()): Promise<RetentionReport> {
  const { db } = store;
  const cutoff = now - RETENTION_MS;
  const unconfirmed = await db.deleteFrom("subscribers").where("status", "=", "pending").where("consent_at", "is", null).where("created_at", "<", cutoff).executeTakeFirst();
  const outbox = await db.updateTable("outbox").set({ email: "" }).where("email", "!=", "").where("created_at", "<", cutoff).where((eb) => eb.or([eb("sent_at", "is not", null), eb("failed_at", "is not", null), eb("bounced_at", "is not", null)])).executeTakeFirst();
  const deliveries = await db
    .updateTable("deliveries")
    .set({ email: "" })
    .where("email", "!=", "")
    .where((eb) => eb(eb.fn.coalesce("sent_at", "failed_at", "bounced_at"), "<", cutoff))
    .executeTakeFirst();
  // Bounced (and, from before unsubscribing deleted the row, unsubscribed) addresses become hashes.
  const gone = await db
    .selectFrom("subscribers")
    .select(["id", "email", "status"])
    .where((eb) => eb.or([eb.and([eb("status", "=", "bounced"), eb("bounced_at", "<", cutoff)]), eb("status", "=", "unsubscribed")]))
    .limit(500)
    .execute();
  for (const row of gone) {
    await db.transaction().execute(async (trx) => {
      const reason = row.status === "bounced" ? "bounced" : "unsubscribed";
      await trx.insertInto("suppressions").values({ address_hash: addressHash(secret, row.email), reason, created_at: now }).onConflict((oc) => oc.column("address_hash").doNothing()).execute();
      await trx.deleteFrom("subscribers").where("id", "=", row.id).execute();
    });
  }
  return {
    unconfirmedDeleted: Number(unconfirmed.numDeletedRows),
    outboxErased: Number(outbox.numUpdatedRows),
    deliveriesErased: Number(deliveries.numUpdatedRows),
    bouncedToHash: gone.length,
  };
}
