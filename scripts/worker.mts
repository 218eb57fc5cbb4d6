// `npm run worker`: the long-running letter worker. Safe to run several at once on PostgreSQL.
import { openStore } from "../lib/newsletter/db";
import { env } from "../lib/newsletter/env";
import { createMailer } from "../lib/newsletter/mailer";
import { workerTick } from "../lib/newsletter/worker";

const INTERVAL_MS = Number(process.env.WORKER_INTERVAL_MS ?? 30_000);
const config = env();
const store = await openStore();
const mailer = createMailer();
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (stopping = true));
console.log(`[worker] ${store.dialect}; letters go out Mondays 08:00 ${config.letterTimeZone}; checking every ${INTERVAL_MS / 1000} s`);
const warned = new Set<string>();
while (!stopping) {
  try {
    const report = await workerTick(store, mailer, config);
    for (const l of report.letters) if (l.sent > 0) console.log(`[worker] ${l.slug}: sent ${l.sent}`);
    for (const slug of report.heldBack) {
      if (!warned.has(slug)) console.warn(`[worker] ${slug} is more than 12 hours late and was held back. Send it by hand with: npm run letter:send -- ${slug}`);
      warned.add(slug);
    }
  } catch (error) {
    console.error("[worker]", (error as Error).message);
  }
  for (let waited = 0; waited < INTERVAL_MS && !stopping; waited += 250) await new Promise((r) => setTimeout(r, 250));
}
mailer.close();
await store.close();
