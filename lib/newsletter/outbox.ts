import "server-only";
import type { Store } from "./db";
import { confirmationMail } from "./email/render";
import type { Env } from "./env";
import { confirmUrl, unsubscribeHeaders, unsubscribePageUrl } from "./links";
import type { Mailer } from "./mailer";

export const MAX_ATTEMPTS = 8;
const LEASE_MS = Number(process.env.OUTBOX_LEASE_MS ?? 60_000);

/** 30 s, 1 min, 2 min … capped at an hour. */
export const backoffMs = (attempts: number) => Math.min(3600_000, 30_000 * 2 ** Math.max(0, attempts - 1));

/**
 * Sends the confirmation mails that are due. Rows are claimed with a lease first (on PostgreSQL
 * with SKIP LOCKED), so several app instances and workers can drain the same outbox.
 */
export async function drainOutbox(store: Store, mailer: Mailer, config: Env, now = Date.now(), limit = 50): Promise<{ sent: number; failed: number }> {
  const { db, dialect } = store;
  const due = db
    .selectFrom("outbox")
    .select("id")
    .where("sent_at", "is", null)
    .where("attempts", "<", MAX_ATTEMPTS)
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
    .orderBy("id")
    .limit(limit);
  // A CTE on PostgreSQL, for the reason given in deliveries.ts: the claim must run exactly once.
  const claimed =
    dialect === "postgres"
      ? await db
          .with("due", () => due.forUpdate().skipLocked())
          .updateTable("outbox")
          .set({ claimed_until: now + LEASE_MS })
          .from("due")
          .whereRef("outbox.id", "=", "due.id")
          .returningAll("outbox")
          .execute()
      : await db.updateTable("outbox").set({ claimed_until: now + LEASE_MS }).where("id", "in", due).returningAll().execute();
  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    try {
      const mail = await confirmationMail({ confirmUrl: confirmUrl(config, row.subscriber_id, now), unsubscribeUrl: unsubscribePageUrl(config, row.subscriber_id, now), siteUrl: config.siteUrl });
      await mailer.send({ from: config.mailFrom, to: row.email, subject: mail.subject, html: mail.html, text: mail.text, headers: unsubscribeHeaders(config, row.subscriber_id, now) });
      await db.updateTable("outbox").set({ sent_at: Date.now(), claimed_until: null, last_error: null }).where("id", "=", row.id).execute();
      if (!config.smtpUrl) console.log(`[newsletter] confirmation for ${row.email}: ${confirmUrl(config, row.subscriber_id, now)}`);
      sent++;
    } catch (error) {
      failed++;
      const attempts = row.attempts + 1;
      await db
        .updateTable("outbox")
        .set({ attempts, next_attempt_at: Date.now() + backoffMs(attempts), claimed_until: null, last_error: String((error as Error).message ?? error).slice(0, 500) })
        .where("id", "=", row.id)
        .execute();
    }
  }
  return { sent, failed };
}
