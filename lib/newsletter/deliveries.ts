import "server-only";
import { randomUUID } from "node:crypto";
import { letters as allLetters, type Letter } from "../letters/load";
import type { Store } from "./db";
import { letterBody } from "./email/letterBody";
import { letterMail, type RenderedMail } from "./email/render";
import type { Env } from "./env";
import { unsubscribeHeaders, unsubscribePageUrl } from "./links";
import type { Mailer } from "./mailer";
import { backoffMs, MAX_ATTEMPTS } from "./outbox";

const UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/placeholder";

export type SendOptions = {
  workerId?: string;
  batchSize?: number;
  /** Messages per second at most (the SMTP relay's and the recipients' patience). */
  maxPerSecond?: number;
  leaseMs?: number;
  /** For the crash test only: exit the process after this many messages. */
  crashAfter?: number;
  now?: () => number;
};

/** Puts one delivery row per confirmed subscriber; the (letter, subscriber) key makes it idempotent. */
export async function enqueueLetter(store: Store, slug: string, scheduledFor: number, now = Date.now()): Promise<number> {
  const { db } = store;
  await db.insertInto("sends").values({ letter: slug, scheduled_for: scheduledFor, started_at: now, completed_at: null }).onConflict((oc) => oc.column("letter").doNothing()).execute();
  const result = await db
    .insertInto("deliveries")
    .columns(["letter", "subscriber_id", "email", "attempts", "next_attempt_at", "claimed_by", "claimed_until", "sent_at", "last_error"])
    .expression((eb) =>
      eb
        .selectFrom("subscribers")
        .select((s) => [
          s.val(slug).as("letter"),
          "id",
          "email",
          s.val(0).as("attempts"),
          s.val(now).as("next_attempt_at"),
          s.val(null).as("claimed_by"),
          s.val(null).as("claimed_until"),
          s.val(null).as("sent_at"),
          s.val(null).as("last_error"),
        ])
        .where("status", "=", "confirmed"),
    )
    .onConflict((oc) => oc.columns(["letter", "subscriber_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

async function renderTemplate(letter: Letter, config: Env): Promise<RenderedMail> {
  return letterMail({
    subject: letter.subject,
    preheader: letter.preheader,
    body: await letterBody(letter.body, config.siteUrl),
    webUrl: `${config.siteUrl}/letters/${letter.slug}`,
    unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER,
    siteUrl: config.siteUrl,
  });
}

/**
 * Sends every remaining delivery of a letter, in leased batches. Each sent mail is marked at once,
 * so a crash loses at most the one message in flight, and a rerun (or another worker) picks up
 * exactly the rows not yet marked. The Message-ID is fixed per (letter, subscriber), so even that
 * one message, if it is sent twice, is recognisable as the same mail.
 */
export async function deliverLetter(store: Store, mailer: Mailer, config: Env, slug: string, options: SendOptions = {}): Promise<{ sent: number; failed: number }> {
  const letter = allLetters().find((l) => l.slug === slug);
  if (!letter) throw new Error(`No letter "${slug}" in content/letters/`);
  const { db, dialect } = store;
  const workerId = options.workerId ?? randomUUID();
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? Number(process.env.LETTER_LEASE_MS ?? 5 * 60_000);
  const minGapMs = 1000 / (options.maxPerSecond ?? Number(process.env.LETTER_MAX_PER_SECOND ?? 50));
  const now = options.now ?? Date.now;
  const template = await renderTemplate(letter, config);
  const host = new URL(config.siteUrl).hostname;
  let sent = 0;
  let failed = 0;

  for (;;) {
    const t = now();
    const due = db
      .selectFrom("deliveries")
      .select("subscriber_id")
      .where("letter", "=", slug)
      .where("sent_at", "is", null)
      .where("attempts", "<", MAX_ATTEMPTS)
      .where("next_attempt_at", "<=", t)
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", t)]))
      .orderBy("subscriber_id")
      .limit(batchSize);
    const claim = { claimed_by: workerId, claimed_until: t + leaseMs };
    // On PostgreSQL the claim goes through a CTE: it runs once, so LIMIT holds, and SKIP LOCKED lets
    // another worker take the next rows instead of waiting. (An IN (… LIMIT … SKIP LOCKED)
    // subquery may be re-run by the planner and claim far more than one batch.)
    const batch =
      dialect === "postgres"
        ? await db
            .with("due", () => due.forUpdate().skipLocked())
            .updateTable("deliveries")
            .set(claim)
            .from("due")
            .whereRef("deliveries.subscriber_id", "=", "due.subscriber_id")
            .where("deliveries.letter", "=", slug)
            .returningAll("deliveries")
            .execute()
        : await db.updateTable("deliveries").set(claim).where("letter", "=", slug).where("subscriber_id", "in", due).returningAll().execute();
    if (batch.length === 0) break;
    for (const row of batch) {
      const started = now();
      // Someone may have left since the letter was queued.
      const subscriber = await db.selectFrom("subscribers").select("status").where("id", "=", row.subscriber_id).executeTakeFirst();
      if (subscriber?.status !== "confirmed") {
        await db.deleteFrom("deliveries").where("letter", "=", slug).where("subscriber_id", "=", row.subscriber_id).execute();
        continue;
      }
      const unsubscribeUrl = unsubscribePageUrl(config, row.subscriber_id);
      try {
        await mailer.send({
          from: config.mailFrom,
          to: row.email,
          subject: template.subject,
          html: template.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribeUrl),
          text: template.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribeUrl),
          messageId: `<${slug}.${row.subscriber_id}@${host}>`,
          headers: unsubscribeHeaders(config, row.subscriber_id),
        });
        await db.updateTable("deliveries").set({ sent_at: now(), claimed_until: null, last_error: null }).where("letter", "=", slug).where("subscriber_id", "=", row.subscriber_id).execute();
        sent++;
        if (options.crashAfter !== undefined && sent >= options.crashAfter) process.exit(137);
      } catch (error) {
        failed++;
        const attempts = row.attempts + 1;
        await db
          .updateTable("deliveries")
          .set({ attempts, next_attempt_at: now() + backoffMs(attempts), claimed_by: null, claimed_until: null, last_error: String((error as Error).message ?? error).slice(0, 500) })
          .where("letter", "=", slug)
          .where("subscriber_id", "=", row.subscriber_id)
          .execute();
      }
      const wait = minGapMs - (now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }
  const left = await db.selectFrom("deliveries").select((eb) => eb.fn.countAll<number>().as("n")).where("letter", "=", slug).where("sent_at", "is", null).where("attempts", "<", MAX_ATTEMPTS).executeTakeFirstOrThrow();
  if (Number(left.n) === 0) await db.updateTable("sends").set({ completed_at: now() }).where("letter", "=", slug).where("completed_at", "is", null).execute();
  return { sent, failed };
}
