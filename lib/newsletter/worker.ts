import "server-only";
import { loadLetters } from "../letters/load";
import type { Store } from "./db";
import { deliverLetter, enqueueLetter, letterStats, type DeliveryReport } from "./deliveries";
import type { Env } from "./env";
import type { Mailer } from "./mailer";
import { drainOutbox, type DrainReport } from "./outbox";
import { runRetention, type RetentionReport } from "./retention";
import { timing } from "./schedule";

export type TickReport = {
  confirmations: DrainReport;
  letters: ({ slug: string; complete: boolean; failedTotal: number } & DeliveryReport)[];
  heldBack: string[];
  retention: RetentionReport;
};

export type TickOptions = { now?: () => number; workerId?: string; batchSize?: number; maxPerSecond?: number };

/**
 * One pass of the letter worker: send due confirmation mails; enqueue the letter that is due
 * (Monday 08:00 in the letter time zone) — idempotently, on every tick while it is due; send what
 * is due of every unfinished letter; apply the retention rules. Letters are read afresh each tick,
 * so a new one is picked up without a restart. A letter more than 12 hours late is held back —
 * logged, never sent on its own — so a worker that was down all week does not surprise anyone.
 */
export async function workerTick(store: Store, mailer: Mailer, config: Env, options: TickOptions = {}): Promise<TickReport> {
  const now = options.now ?? Date.now;
  const confirmations = await drainOutbox(store, mailer, config, now());
  const letters = loadLetters();
  const started = new Set((await store.db.selectFrom("sends").select("letter").execute()).map((s) => s.letter));
  const report: TickReport = { confirmations, letters: [], heldBack: [], retention: { unconfirmedDeleted: 0, outboxErased: 0, deliveriesErased: 0, bouncedToHash: 0 } };
  for (const letter of letters) {
    const when = timing(letter, now(), config.letterTimeZone);
    if (when.state === "due") await enqueueLetter(store, letter.slug, when.at, now());
    else if (when.state === "held-back" && !started.has(letter.slug)) report.heldBack.push(letter.slug);
  }
  const unfinished = (await store.db.selectFrom("sends").select("letter").where("completed_at", "is", null).orderBy("scheduled_for").execute()).map((s) => s.letter);
  for (const slug of unfinished) {
    const sent = await deliverLetter(store, mailer, config, slug, { now, letters, workerId: options.workerId, batchSize: options.batchSize, maxPerSecond: options.maxPerSecond });
    const stats = (await letterStats(store)).find((s) => s.letter === slug);
    report.letters.push({ slug, ...sent, complete: stats?.complete ?? false, failedTotal: stats?.failed ?? 0 });
  }
  report.retention = await runRetention(store, config.secret, now());
  return report;
}
