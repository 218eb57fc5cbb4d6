import "server-only";
import { randomUUID } from "node:crypto";
import { loadLetters, type Letter } from "../letters/load";
import type { Store } from "./db";
import { letterBody } from "./email/letterBody";
import { letterMail, type RenderedMail } from "./email/render";
import type { Env } from "./env";
import { unsubscribeHeaders, unsubscribePageUrl } from "./links";
import { backoffMs, classifyFailure } from "./mailFailure";
import { SendTimeout, type Mailer } from "./mailer";
import { isSuppressed } from "./suppression";

const UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/placeholder";

export type SendOptions = {
  workerId?: string;
  batchSize?: number;
  /** Messages per second at most (the SMTP relay's and the recipients' patience). */
  maxPerSecond?: number;
  /** For the crash test only: exit the process after this many messages. */
  crashAfter?: number;
  /** The clock the claims, retries and the retry window are measured by (tests move it). */
  now?: () => number;
  /** The letters to render from (default: read content/letters/ afresh). */
  letters?: Letter[];
};

export type DeliveryReport = { sent: number; failed: number; bounced: number; retrying: number };

/**
 * Starts a letter: its `sends` row and one delivery row per confirmed subscriber, in one
 * transaction, so there is never a started letter without its deliveries. Idempotent (the
 * (letter, subscriber) key): the worker runs it on every tick while the letter is due, which also
 * adds readers who confirmed since. `beforeDeliveries` lets a test fail the transaction half-way.
 */
export async function enqueueLetter(store: Store, slug: string, scheduledFor: number, now = Date.now(), faults: { beforeDeliveries?: () => void } = {}): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    await trx.insertInto("sends").values({ letter: slug, scheduled_for: scheduledFor, started_at: now, completed_at: null }).onConflict((oc) => oc.column("letter").doNothing()).execute();
    faults.beforeDeliveries?.();
    const result = await trx
      .insertInto("deliveries")
      .columns(["letter", "subscriber_id", "email", "attempts", "next_attempt_at", "claimed_by", "claimed_until", "claim_token", "sent_at", "failed_at", "bounced_at", "last_error"])
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
            s.val(null).as("claim_token"),
            s.val(null).as("sent_at"),
            s.val(null).as("failed_at"),
            s.val(null).as("bounced_at"),
            s.val(null).as("last_error"),
          ])
          .where("status", "=", "confirmed"),
      )
      .onConflict((oc) => oc.columns(["letter", "subscriber_id"]).doNothing())
      .executeTakeFirst();
    const added = Number(result.numInsertedOrUpdatedRows ?? 0);
    if (added > 0) await trx.updateTable("sends").set({ completed_at: null }).where("letter", "=", slug).execute();
    return added;
  });
}

async function renderTemplate(letter: Letter, config: Env): Promise<RenderedMail> {
  return letterMail({
    subject: letter.subject,
    preheader: letter.preheader,
    body: await letterBody(letter.body, config.siteUrl),
    webUrl: `${config.siteUrl}/letters/${letter.slug}`,
    unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER,
    siteUrl: config.siteUrl,
    timeZone: config.letterTimeZone,
  });
}

/** The same for every send of one (letter, subscriber): a resent mail is recognisably the same mail. */
export const letterMessageId = (slug: string, subscriberId: string, siteUrl: string) => `<${slug}.${subscriberId}@${new URL(siteUrl).hostname}>`;

/**
 * Sends the due deliveries of a letter, in claimed batches.
 *
 * Exactly once, as far as any sender can: each claim carries a fresh token; before each mail the
 * worker renews the claim on that one row (only if the token is still its own), so the mail starts
 * with a whole lease ahead of it, and the SMTP exchange is bounded at a third of the lease
 * (mailer.ts). The mark "sent" counts only under the same token: a worker that lost its claim
 * cannot mark (or re-send) what another worker now holds. The one window left: the relay accepted
 * the mail and the process died before the mark. That mail is sent again after the lease, with
 * the same Message-ID (letterMessageId), which mail clients and relays recognise as a duplicate.
 *
 * Transient failures are retried with backoff until `config.retryWindowMs` after the letter
 * started, then marked failed; a 5xx at RCPT or DATA marks the delivery and the subscriber bounced.
 */
export async function deliverLetter(store: Store, mailer: Mailer, config: Env, slug: string, options: SendOptions = {}): Promise<DeliveryReport> {
  const letter = (options.letters ?? loadLetters()).find((l) => l.slug === slug);
  if (!letter) throw new Error(`No letter "${slug}" in content/letters/`);
  const { db, dialect } = store;
  const workerId = options.workerId ?? randomUUID();
  const batchSize = options.batchSize ?? 50;
  const leaseMs = config.leaseMs;
  const minGapMs = 1000 / (options.maxPerSecond ?? Number(process.env.LETTER_MAX_PER_SECOND ?? 50));
  const now = options.now ?? Date.now;
  const template = await renderTemplate(letter, config);
  const send = await db.selectFrom("sends").select("started_at").where("letter", "=", slug).executeTakeFirst();
  const startedAt = send ? Number(send.started_at) : now();
  const report: DeliveryReport = { sent: 0, failed: 0, bounced: 0, retrying: 0 };
  const row$ = (subscriberId: string, token: string) => db.updateTable("deliveries").where("letter", "=", slug).where("subscriber_id", "=", subscriberId).where("claim_token", "=", token);

  for (;;) {
    const t = now();
    const token = randomUUID();
    const due = db
      .selectFrom("deliveries")
      .select("subscriber_id")
      .where("letter", "=", slug)
      .where("sent_at", "is", null)
      .where("failed_at", "is", null)
      .where("bounced_at", "is", null)
      .where("next_attempt_at", "<=", t)
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", t)]))
      .orderBy("subscriber_id")
      .limit(batchSize);
    const claim = { claimed_by: workerId, claimed_until: t + leaseMs, claim_token: token };
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
      const started = Date.now();
      // The batch may have outlived its lease: this row goes out only if the claim is still ours.
      const renewed = await row$(row.subscriber_id, token).set({ claimed_until: now() + leaseMs }).where("sent_at", "is", null).executeTakeFirst();
      if (Number(renewed.numUpdatedRows) === 0) continue;
      // Someone may have left, or bounced, since the letter was queued.
      const subscriber = await db.selectFrom("subscribers").select("status").where("id", "=", row.subscriber_id).executeTakeFirst();
      if (subscriber?.status !== "confirmed" || (await isSuppressed(db, config.secret, row.email))) {
        await db.deleteFrom("deliveries").where("letter", "=", slug).where("subscriber_id", "=", row.subscriber_id).where("claim_token", "=", token).execute();
        continue;
      }
      const unsubscribeUrl = unsubscribePageUrl(config, row.subscriber_id, now());
      try {
        await mailer.send({
          from: config.mailFrom,
          to: row.email,
          subject: template.subject,
          html: template.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribeUrl),
          text: template.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribeUrl),
          messageId: letterMessageId(slug, row.subscriber_id, config.siteUrl),
          headers: unsubscribeHeaders(config, row.subscriber_id, now()),
        });
        const marked = await row$(row.subscriber_id, token).set({ sent_at: now(), claimed_until: null, claim_token: null, last_error: null }).executeTakeFirst();
        if (Number(marked.numUpdatedRows) === 0) {
          console.warn(`[letter] ${slug}: delivery ${row.subscriber_id} was sent after its claim passed to another worker; it may arrive twice, with the same Message-ID`);
        }
        report.sent++;
        if (options.crashAfter !== undefined && report.sent >= options.crashAfter) process.exit(137);
      } catch (error) {
        const failure = classifyFailure(error);
        const at = now();
        if (failure.kind === "bounce") {
          report.bounced++;
          await row$(row.subscriber_id, token).set({ bounced_at: at, claimed_until: null, claim_token: null, last_error: failure.message }).execute();
          await db.updateTable("subscribers").set({ status: "bounced", bounced_at: at }).where("id", "=", row.subscriber_id).where("status", "=", "confirmed").execute();
          console.warn(`[letter] ${slug}: delivery ${row.subscriber_id} bounced (${failure.message}); that address gets no more mail until it signs up again`);
        } else {
          const attempts = row.attempts + 1;
          const givenUp = at - startedAt >= config.retryWindowMs;
          // After a timeout the claim is kept to its end: the abandoned exchange is dead by then.
          const release = error instanceof SendTimeout ? {} : { claimed_until: null, claim_token: null };
          await row$(row.subscriber_id, token)
            .set({ attempts, next_attempt_at: at + backoffMs(attempts), failed_at: givenUp ? at : null, last_error: failure.message, ...release })
            .execute();
          if (givenUp) report.failed++;
          else report.retrying++;
          console.error(`[letter] ${slug}: delivery ${row.subscriber_id} attempt ${attempts} failed: ${failure.message}${givenUp ? " — retry window over, marked failed" : `; retrying in ${Math.round(backoffMs(attempts) / 1000)} s`}`);
        }
      }
      const wait = minGapMs - (Date.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }
  await markCompleteIfDone(store, slug, now());
  return report;
}

/** A letter is complete once every delivery is sent, bounced or failed — never while one can still go. */
export async function markCompleteIfDone(store: Store, slug: string, at: number): Promise<boolean> {
  const open = await store.db
    .selectFrom("deliveries")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("letter", "=", slug)
    .where("sent_at", "is", null)
    .where("failed_at", "is", null)
    .where("bounced_at", "is", null)
    .executeTakeFirstOrThrow();
  if (Number(open.n) > 0) return false;
  await store.db.updateTable("sends").set({ completed_at: at }).where("letter", "=", slug).where("completed_at", "is", null).execute();
  return true;
}

export type LetterStats = { letter: string; sent: number; pending: number; failed: number; bounced: number; complete: boolean };

/** Per letter: how many mails went, wait, failed for good, bounced. */
export async function letterStats(store: Store): Promise<LetterStats[]> {
  const sends = await store.db.selectFrom("sends").select(["letter", "completed_at"]).orderBy("scheduled_for").execute();
  const rows = await store.db
    .selectFrom("deliveries")
    .select((eb) => [
      "letter",
      eb.fn.count<number>("sent_at").as("sent"),
      eb.fn.count<number>("failed_at").as("failed"),
      eb.fn.count<number>("bounced_at").as("bounced"),
      eb.fn.countAll<number>().as("total"),
    ])
    .groupBy("letter")
    .execute();
  const by = new Map(rows.map((r) => [r.letter, r]));
  return sends.map((s) => {
    const r = by.get(s.letter);
    const sent = Number(r?.sent ?? 0);
    const failed = Number(r?.failed ?? 0);
    const bounced = Number(r?.bounced ?? 0);
    return { letter: s.letter, sent, failed, bounced, pending: Number(r?.total ?? 0) - sent - failed - bounced, complete: s.completed_at !== null };
  });
}
