import "server-only";
import { randomUUID } from "node:crypto";
import type { Store } from "./db";
import { confirmationMail } from "./email/render";
import type { Env } from "./env";
import { confirmUrl, unsubscribeHeaders, unsubscribePageUrl } from "./links";
import { backoffMs, classifyFailure } from "./mailFailure";
import { SendTimeout, type Mailer } from "./mailer";

export type DrainReport = { sent: number; failed: number; bounced: number; retrying: number; heldByCap: number };

/**
 * Sends the confirmation mails that are due, at most CONFIRMATIONS_PER_HOUR in any hour: mails
 * the cap holds back stay queued and go out as soon as the hour allows. Rows are claimed with a
 * token and a lease first (on PostgreSQL with SKIP LOCKED), so several app instances and workers
 * can drain the same outbox; a row is marked only under its own claim. Transient failures are
 * retried for the retry window after the mail was queued, then marked failed and logged; a 5xx at
 * RCPT or DATA marks the mail and the address bounced.
 */
export async function drainOutbox(store: Store, mailer: Mailer, config: Env, now = Date.now(), limit = 50): Promise<DrainReport> {
  const { db, dialect } = store;
  const report: DrainReport = { sent: 0, failed: 0, bounced: 0, retrying: 0, heldByCap: 0 };
  const lastHour = await db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("sent_at", ">", now - 3600_000).executeTakeFirstOrThrow();
  const allowed = Math.min(limit, config.confirmationsPerHour - Number(lastHour.n));
  const waiting = () => db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("sent_at", "is", null).where("failed_at", "is", null).where("bounced_at", "is", null).where("next_attempt_at", "<=", now).executeTakeFirstOrThrow();
  if (allowed <= 0) {
    report.heldByCap = Number((await waiting()).n);
    return report;
  }
  const token = randomUUID();
  const due = db
    .selectFrom("outbox")
    .select("id")
    .where("sent_at", "is", null)
    .where("failed_at", "is", null)
    .where("bounced_at", "is", null)
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
    .orderBy("id")
    .limit(allowed);
  // The same lease as the letter's, renewed before each mail: one SMTP exchange is bounded at a
  // third of it (mailer.ts), so a mail never outlives its claim.
  const leaseMs = config.leaseMs;
  const claim = { claimed_until: now + leaseMs, claim_token: token };
  // A CTE on PostgreSQL, for the reason given in deliveries.ts: the claim must run exactly once.
  const claimed =
    dialect === "postgres"
      ? await db.with("due", () => due.forUpdate().skipLocked()).updateTable("outbox").set(claim).from("due").whereRef("outbox.id", "=", "due.id").returningAll("outbox").execute()
      : await db.updateTable("outbox").set(claim).where("id", "in", due).returningAll().execute();
  const mine = (id: number) => db.updateTable("outbox").where("id", "=", id).where("claim_token", "=", token);
  for (const row of claimed) {
    const renewed = await mine(row.id).set({ claimed_until: Math.max(now, Date.now()) + leaseMs }).where("sent_at", "is", null).executeTakeFirst();
    if (Number(renewed.numUpdatedRows) === 0) continue;
    try {
      const mail = await confirmationMail({ confirmUrl: confirmUrl(config, row.subscriber_id, now), unsubscribeUrl: unsubscribePageUrl(config, row.subscriber_id, now), siteUrl: config.siteUrl, timeZone: config.letterTimeZone });
      await mailer.send({ from: config.mailFrom, to: row.email, subject: mail.subject, html: mail.html, text: mail.text, headers: unsubscribeHeaders(config, row.subscriber_id, now) });
      await mine(row.id).set({ sent_at: now, claimed_until: null, claim_token: null, last_error: null }).execute();
      if (!config.smtpUrl) console.log(`[newsletter] confirmation mail for subscriber ${row.subscriber_id} written to ${config.outboxDir}/: ${confirmUrl(config, row.subscriber_id, now)}`);
      report.sent++;
    } catch (error) {
      const failure = classifyFailure(error);
      const at = now;
      if (failure.kind === "bounce") {
        report.bounced++;
        await mine(row.id).set({ bounced_at: at, claimed_until: null, claim_token: null, last_error: failure.message }).execute();
        await db.updateTable("subscribers").set({ status: "bounced", bounced_at: at }).where("id", "=", row.subscriber_id).where("status", "=", "pending").execute();
        console.warn(`[newsletter] confirmation mail ${row.id} bounced: ${failure.message}`);
        continue;
      }
      const attempts = row.attempts + 1;
      const givenUp = at - Number(row.created_at) >= config.retryWindowMs;
      const release = error instanceof SendTimeout ? {} : { claimed_until: null, claim_token: null };
      await mine(row.id).set({ attempts, next_attempt_at: at + backoffMs(attempts), failed_at: givenUp ? at : null, last_error: failure.message, ...release }).execute();
      if (givenUp) report.failed++;
      else report.retrying++;
      console.error(`[newsletter] confirmation mail ${row.id} attempt ${attempts} failed: ${failure.message}${givenUp ? " — retry window over, marked failed" : ""}`);
    }
  }
  if (claimed.length >= allowed && allowed < limit) report.heldByCap = Math.max(0, Number((await waiting()).n));
  return report;
}
