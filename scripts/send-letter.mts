// `npm run letter:send -- <slug>`: send one letter now to every confirmed subscriber who has not had it.
import { deliverLetter, enqueueLetter } from "../lib/newsletter/deliveries";
import { openStore } from "../lib/newsletter/db";
import { env } from "../lib/newsletter/env";
import { letters } from "../lib/letters/load";
import { createMailer } from "../lib/newsletter/mailer";

const slug = process.argv[2];
const known = letters().map((l) => l.slug);
if (!slug || !known.includes(slug)) {
  console.error(`Usage: npm run letter:send -- <slug>\nLetters: ${known.join(", ") || "(none in content/letters/)"}`);
  process.exit(2);
}
const store = await openStore();
const mailer = createMailer();
const queued = await enqueueLetter(store, slug, Date.now());
const crashAfter = process.env.LUMOMATE_CRASH_AFTER ? Number(process.env.LUMOMATE_CRASH_AFTER) : undefined;
const { sent, retrying, bounced, failed } = await deliverLetter(store, mailer, env(), slug, { crashAfter });
console.log(`${slug}: ${queued} newly queued, ${sent} sent, ${retrying} to retry (the worker retries them), ${bounced} bounced, ${failed} failed for good`);
mailer.close();
await store.close();
