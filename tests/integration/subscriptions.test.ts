import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "@/lib/newsletter/db";
import { confirmSubscriber, HourlyCap, recordSignup, THROTTLE, unsubscribe } from "@/lib/newsletter/subscriptions";
import { backends } from "../support/stores";

const CAP = 500;

for (const backend of backends()) {
  describe(`signups on ${backend.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await backend.open();
    });
    afterEach(async () => {
      await store.close();
    });

    const signup = (email: string, at: number, cap = CAP) => store.db.transaction().execute((trx) => recordSignup(trx, email, at, cap));
    const count = async (table: "subscribers" | "outbox") => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

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

    it("stops queueing confirmation mails at the global hourly cap, but keeps the signups", async () => {
      for (let i = 0; i < 5; i++) await signup(`cap${i}@example.com`, 5_000 + i, 3);
      expect(await count("subscribers")).toBe(5);
      expect(await count("outbox")).toBe(3);
    });

    it("in one group commit, the hourly cap is counted once and the group counts on from there", async () => {
      for (let i = 0; i < 2; i++) await signup(`early${i}@example.com`, 5_000 + i, 4);
      const results = await store.db.transaction().execute(async (trx) => {
        const cap = new HourlyCap(4);
        const out = [];
        for (let i = 0; i < 5; i++) out.push(await recordSignup(trx, `group${i}@example.com`, 6_000, cap));
        return out;
      });
      expect(results.map((r) => r.mailQueued)).toEqual([true, true, false, false, false]);
      expect(await count("subscribers")).toBe(7);
      expect(await count("outbox")).toBe(4);
    });

    it("the same address twice in one group commit is one row and one mail", async () => {
      const results = await store.db.transaction().execute(async (trx) => {
        const cap = new HourlyCap(CAP);
        return [await recordSignup(trx, "twice@example.com", 7_000, cap), await recordSignup(trx, "twice@example.com", 7_000, cap)];
      });
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
      await confirmSubscriber(store.db, id, 2);
      await unsubscribe(store.db, id, 3);
      expect(await confirmSubscriber(store.db, id, 4)).toBe(false);
      expect((await signup("back@example.com", 3_600_000)).mailQueued).toBe(true);
      expect((await store.db.selectFrom("subscribers").select("status").executeTakeFirstOrThrow()).status).toBe("pending");
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
