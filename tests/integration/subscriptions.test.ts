import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "@/lib/newsletter/db";
import { runRetention, RETENTION_MS } from "@/lib/newsletter/retention";
import { confirmSubscriber, eraseAddress, recordSignup, THROTTLE, unsubscribe } from "@/lib/newsletter/subscriptions";
import { addressHash } from "@/lib/newsletter/suppression";
import { backends } from "../support/stores";

const SECRET = "subscriptions-test-secret-0123456789abcdef";

for (const backend of backends()) {
  describe(`signups on ${backend.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await backend.open();
    });
    afterEach(async () => {
      await store.close();
    });

    const signup = (email: string, at: number, source: "form" | "api" = "form") => store.db.transaction().execute((trx) => recordSignup(trx, email, at, source));
    const count = async (table: "subscribers" | "outbox" | "suppressions") => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

    it("stores a new address as pending and queues one confirmation mail with it", async () => {
      expect(await signup("reader@example.com", 1_000)).toEqual({ mailQueued: true });
      const row = await store.db.selectFrom("subscribers").selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ email: "reader@example.com", status: "pending" });
      const mail = await store.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
      expect(mail).toMatchObject({ subscriber_id: row.id, email: "reader@example.com", sent_at: null });
    });

    it("the same address 50 times in a minute is one row and one mail", async () => {
      const results = [];
      for (let i = 0; i < 50; i++) results.push(await signup("same@example.com", 10_000 + i * 1_000));
      expect(await count("subscribers")).toBe(1);
      expect(await count("outbox")).toBe(1);
      expect(results.filter((r) => r.mailQueued)).toHaveLength(1);
    });

    it("sends at most one mail per 15 minutes and three per day per address", async () => {
      const start = 1_000_000;
      const minutes = (m: number) => start + m * 60_000;
      expect((await signup("bomb@example.com", minutes(0))).mailQueued).toBe(true);
      expect((await signup("bomb@example.com", minutes(14))).mailQueued).toBe(false);
      expect((await signup("bomb@example.com", minutes(16))).mailQueued).toBe(true);
      expect((await signup("bomb@example.com", minutes(32))).mailQueued).toBe(true);
      expect((await signup("bomb@example.com", minutes(60))).mailQueued).toBe(false);
      expect(await count("outbox")).toBe(THROTTLE.perAddressPerDay);
      expect((await signup("bomb@example.com", minutes(24 * 60 + 1))).mailQueued).toBe(true);
    });

    it("the same address twice in one group commit is one row and one mail", async () => {
      const results = await store.db.transaction().execute(async (trx) => [await recordSignup(trx, "twice@example.com", 7_000, "form"), await recordSignup(trx, "twice@example.com", 7_000, "form")]);
      expect(results).toEqual([{ mailQueued: true }, { mailQueued: false }]);
      expect(await count("subscribers")).toBe(1);
      expect(await count("outbox")).toBe(1);
    });

    it("never mails a confirmed subscriber again, and the answer is the same", async () => {
      await signup("known@example.com", 1);
      const { id } = await store.db.selectFrom("subscribers").select("id").executeTakeFirstOrThrow();
      expect(await confirmSubscriber(store.db, id, 2)).toBe(true);
      expect(await signup("known@example.com", 3_600_000)).toEqual({ mailQueued: false });
      expect((await store.db.selectFrom("subscribers").select("status").executeTakeFirstOrThrow()).status).toBe("confirmed");
    });

    it("lets someone who left come back, through confirmation again", async () => {
      await signup("back@example.com", 1);
      const { id } = await store.db.selectFrom("subscribers").select("id").executeTakeFirstOrThrow();
      await confirmSubscriber(store.db, id, 2, SECRET);
      await unsubscribe(store.db, id, 3, SECRET);
      expect(await confirmSubscriber(store.db, id, 4, SECRET)).toBe(false);
      expect((await signup("back@example.com", 3_600_000)).mailQueued).toBe(true);
      const back = await store.db.selectFrom("subscribers").selectAll().executeTakeFirstOrThrow();
      expect(back.status).toBe("pending");
      // Confirming afresh lifts the suppression.
      expect(await count("suppressions")).toBe(1);
      await confirmSubscriber(store.db, back.id, 3_700_000, SECRET);
      expect(await count("suppressions")).toBe(0);
    });

    it("unsubscribing keeps no address, only a keyed hash; a second unsubscribe changes nothing", async () => {
      await signup("leaver@example.com", 1);
      const { id } = await store.db.selectFrom("subscribers").select("id").executeTakeFirstOrThrow();
      await confirmSubscriber(store.db, id, 2, SECRET);
      expect(await unsubscribe(store.db, id, 3, SECRET)).toBe(true);
      expect(await count("subscribers")).toBe(0);
      expect(await count("outbox")).toBe(0);
      const kept = await store.db.selectFrom("suppressions").selectAll().execute();
      expect(kept).toEqual([{ address_hash: addressHash(SECRET, "leaver@example.com"), reason: "unsubscribed", created_at: 3 }]);
      expect(JSON.stringify(kept)).not.toContain("leaver");
      expect(await unsubscribe(store.db, id, 4, SECRET)).toBe(false);
      expect(await count("suppressions")).toBe(1);
    });

    it("'delete everything' on unsubscribe, or by the owner, leaves nothing at all", async () => {
      await signup("all-gone@example.com", 1);
      const { id } = await store.db.selectFrom("subscribers").select("id").executeTakeFirstOrThrow();
      await unsubscribe(store.db, id, 3, SECRET, { eraseAll: true });
      expect([await count("subscribers"), await count("outbox"), await count("suppressions")]).toEqual([0, 0, 0]);
      await signup("owner-erased@example.com", 1);
      const other = await store.db.selectFrom("subscribers").select("id").executeTakeFirstOrThrow();
      await unsubscribe(store.db, other.id, 3, SECRET);
      expect(await eraseAddress(store.db, "owner-erased@example.com", SECRET)).toBe(true);
      expect(await count("suppressions")).toBe(0);
    });

    it("keeps the first consent's time and source; a later confirmation does not overwrite them", async () => {
      await signup("consent@example.com", 1, "api");
      const { id } = await store.db.selectFrom("subscribers").select("id").executeTakeFirstOrThrow();
      await confirmSubscriber(store.db, id, 100, SECRET);
      await signup("consent@example.com", 200, "form");
      await confirmSubscriber(store.db, id, 300, SECRET);
      expect(await store.db.selectFrom("subscribers").select(["consent_at", "consent_source", "confirmed_at"]).executeTakeFirstOrThrow()).toEqual({ consent_at: 100, consent_source: "api", confirmed_at: 300 });
    });

    it("retention: unconfirmed signups go after 30 days; mail rows lose the address; confirmed readers stay", async () => {
      const day = 24 * 3600 * 1000;
      await signup("never-confirmed@example.com", 1_000);
      await signup("reader@example.com", 1_000);
      // Signing up again restarts the 30 days, so the fresh confirmation link still finds the row.
      await signup("tried-again@example.com", 1_000);
      await signup("tried-again@example.com", 1_000 + 20 * day);
      const reader = await store.db.selectFrom("subscribers").select("id").where("email", "=", "reader@example.com").executeTakeFirstOrThrow();
      await confirmSubscriber(store.db, reader.id, 2_000, SECRET);
      await store.db.updateTable("outbox").set({ sent_at: 1_500 }).execute();
      expect(await runRetention(store, SECRET, 1_000 + 29 * day)).toMatchObject({ unconfirmedDeleted: 0, outboxErased: 0 });
      expect(await runRetention(store, SECRET, 1_000 + RETENTION_MS + 1)).toMatchObject({ unconfirmedDeleted: 1, outboxErased: 2 }); // the reader's mail and tried-again's first
      expect((await store.db.selectFrom("subscribers").select("email").orderBy("email").execute()).map((r) => r.email)).toEqual(["reader@example.com", "tried-again@example.com"]);
      expect((await store.db.selectFrom("outbox").select("email").where("subscriber_id", "=", reader.id).execute()).map((r) => r.email)).toEqual([""]);
    });

    it("survives SQL metacharacters as plain data", async () => {
      await signup("o'brien@example.com", 1);
      expect((await store.db.selectFrom("subscribers").select("email").executeTakeFirstOrThrow()).email).toBe("o'brien@example.com");
    });

    it("erasing a subscriber removes their mails too", async () => {
      await signup("gone@example.com", 1);
      await store.db.deleteFrom("subscribers").where("email", "=", "gone@example.com").execute();
      expect(await count("outbox")).toBe(0);
    });
  });
}
