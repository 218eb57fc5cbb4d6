// `npm run subscribers -- export | delete <email> | stats`: the owner's view of the list.
import { normaliseAddress } from "../lib/newsletter/address";
import { openStore } from "../lib/newsletter/db";

const [command, argument] = process.argv.slice(2);
const store = await openStore();
const { db } = store;
try {
  if (command === "export") {
    const rows = await db.selectFrom("subscribers").selectAll().orderBy("created_at").execute();
    const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
    console.log(JSON.stringify(rows.map((r) => ({ email: r.email, status: r.status, created: iso(r.created_at), confirmed: iso(r.confirmed_at), unsubscribed: iso(r.unsubscribed_at) })), null, 2));
  } else if (command === "delete" && argument) {
    const address = normaliseAddress(argument);
    if (!address.ok) throw new Error(address.reason);
    // Erasure: the subscriber row and, by cascade, every outbox and delivery row naming them.
    const result = await db.deleteFrom("subscribers").where("email", "=", address.address).executeTakeFirst();
    console.log(Number(result.numDeletedRows) > 0 ? `Deleted ${address.address} and everything stored about them.` : `No subscriber ${address.address}.`);
  } else if (command === "stats") {
    const rows = await db.selectFrom("subscribers").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
    const counts = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    const pending = await db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("sent_at", "is", null).executeTakeFirstOrThrow();
    console.log(`confirmed ${counts.confirmed ?? 0} · pending ${counts.pending ?? 0} · unsubscribed ${counts.unsubscribed ?? 0} · confirmation mails waiting ${Number(pending.n)}`);
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
