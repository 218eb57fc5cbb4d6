// `npm run subscribers -- export | delete <email> | stats`: the owner's view of the list.
import { normaliseAddress } from "../lib/newsletter/address";
import { openStore } from "../lib/newsletter/db";
import { letterStats } from "../lib/newsletter/deliveries";
import { env } from "../lib/newsletter/env";
import { eraseAddress } from "../lib/newsletter/subscriptions";

const [command, argument] = process.argv.slice(2);
const store = await openStore();
const { db } = store;
try {
  if (command === "export") {
    const rows = await db.selectFrom("subscribers").selectAll().orderBy("created_at").execute();
    const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
    console.log(
      JSON.stringify(
        rows.map((r) => ({ email: r.email, status: r.status, created: iso(r.created_at), consented: iso(r.consent_at), consentSource: r.consent_source, confirmed: iso(r.confirmed_at), bounced: iso(r.bounced_at) })),
        null,
        2,
      ),
    );
  } else if (command === "delete" && argument) {
    const address = normaliseAddress(argument);
    if (!address.ok) throw new Error(address.reason);
    // Erasure: the subscriber row, by cascade every outbox and delivery row naming them, and the suppression hash.
    const deleted = await eraseAddress(db, address.address, env().secret);
    console.log(deleted ? `Deleted ${address.address} and everything stored about them.` : `Nothing stored about ${address.address}.`);
  } else if (command === "stats") {
    const rows = await db.selectFrom("subscribers").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
    const counts = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    const outbox = await db
      .selectFrom("outbox")
      .select((eb) => [eb.fn.count<number>("failed_at").as("failed"), eb.fn.count<number>("bounced_at").as("bounced"), eb.fn.countAll<number>().as("all"), eb.fn.count<number>("sent_at").as("sent")])
      .executeTakeFirstOrThrow();
    const waiting = Number(outbox.all) - Number(outbox.sent) - Number(outbox.failed) - Number(outbox.bounced);
    const suppressed = await db.selectFrom("suppressions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    console.log(`confirmed ${counts.confirmed ?? 0} · pending ${counts.pending ?? 0} · bounced ${counts.bounced ?? 0} · left (hash only) ${Number(suppressed.n)}`);
    console.log(`confirmation mails: waiting ${waiting} · failed ${Number(outbox.failed)} · bounced ${Number(outbox.bounced)}`);
    for (const l of await letterStats(store)) {
      console.log(`${l.letter}: sent ${l.sent} · pending ${l.pending} · failed ${l.failed} · bounced ${l.bounced}${l.complete ? " · complete" : ""}`);
    }
  } else {
    console.error("Usage: npm run subscribers -- export | delete <email> | stats");
    process.exitCode = 2;
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await store.close();
}
