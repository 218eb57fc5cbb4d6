// `npm run worker [-- --once]`: the letter worker. Safe to run several at once (and beside the
// in-process scheduler of `npm start`): claims keep every mail to one send.
// --once: one tick, then exit — 1 if any letter has mails that failed for good (for cron and CI).
import { ConfigError, env } from "../lib/newsletter/env";

let config;
try {
  config = env();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[worker] ${error.message}`);
  process.exit(1);
}
const { openStore } = await import("../lib/newsletter/db");
const { createMailer } = await import("../lib/newsletter/mailer");
const { workerTick } = await import("../lib/newsletter/worker");

const once = process.argv.includes("--once");
const INTERVAL_MS = Number(process.env.WORKER_INTERVAL_MS ?? 30_000);
const store = await openStore();
const mailer = createMailer();
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (stopping = true));
console.log(`[worker] ${store.dialect}; letters go out Mondays 08:00 ${config.letterTimeZone}; ${once ? "one tick" : `checking every ${INTERVAL_MS / 1000} s`}`);
const warned = new Set<string>();
let failedLetters: string[] = [];
do {
  try {
    const report = await workerTick(store, mailer, config);
    if (report.confirmations.failed > 0) console.error(`[worker] ${report.confirmations.failed} confirmation mail(s) failed for good`);
    for (const l of report.letters) {
      if (l.sent + l.failed + l.bounced + l.retrying > 0) console.log(`[worker] ${l.slug}: sent ${l.sent}, retrying ${l.retrying}, bounced ${l.bounced}, failed ${l.failed}${l.complete ? " — complete" : ""}`);
    }
    failedLetters = report.letters.filter((l) => l.failedTotal > 0).map((l) => l.slug);
    for (const slug of failedLetters) console.error(`[worker] ${slug}: some mails failed for good after the retry window; see \`npm run subscribers -- stats\``);
    for (const slug of report.heldBack) {
      if (!warned.has(slug)) console.warn(`[worker] ${slug} is more than 12 hours late and was held back. Send it by hand with: npm run letter:send -- ${slug}`);
      warned.add(slug);
    }
  } catch (error) {
    console.error("[worker]", (error as Error).message);
    if (once) process.exitCode = 1;
  }
  if (once) break;
  for (let waited = 0; waited < INTERVAL_MS && !stopping; waited += 250) await new Promise((r) => setTimeout(r, 250));
} while (!stopping);
if (once && failedLetters.length > 0) process.exitCode = 1;
mailer.close();
await store.close();
