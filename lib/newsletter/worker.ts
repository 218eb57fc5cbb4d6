import "server-only";
import { letters } from "../letters/load";
import type { Store } from "./db";
import { deliverLetter, enqueueLetter } from "./deliveries";
import type { Env } from "./env";
import type { Mailer } from "./mailer";
import { drainOutbox } from "./outbox";
import { timing } from "./schedule";

export type TickReport = { confirmations: number; letters: { slug: string; sent: number }[]; heldBack: string[] };

/**
 * One pass of the letter worker: send due confirmation mails, then start or continue the letter
 * that is due (Monday 08:00 in the letter time zone). A letter more than 12 hours late is held
 * back — logged, never sent on its own — so a worker that was down all week does not surprise anyone.
 */
export async function workerTick(store: Store, mailer: Mailer, config: Env, now = Date.now()): Promise<TickReport> {
  const report: TickReport = { confirmations: (await drainOutbox(store, mailer, config, now)).sent, letters: [], heldBack: [] };
  const started = new Set((await store.db.selectFrom("sends").select(["letter", "completed_at"]).execute()).map((s) => s.letter));
  const unfinished = new Set((await store.db.selectFrom("sends").select("letter").where("completed_at", "is", null).execute()).map((s) => s.letter));
  for (const letter of letters()) {
    const when = timing(letter, now, config.letterTimeZone);
    if (when.state === "due" && !started.has(letter.slug)) {
      await enqueueLetter(store, letter.slug, when.at, now);
      unfinished.add(letter.slug);
    } else if (when.state === "held-back" && !started.has(letter.slug)) {
      report.heldBack.push(letter.slug);
    }
  }
  for (const slug of unfinished) {
    const { sent } = await deliverLetter(store, mailer, config, slug);
    report.letters.push({ slug, sent });
  }
  return report;
}
