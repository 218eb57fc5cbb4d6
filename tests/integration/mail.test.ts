import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "@/lib/newsletter/db";
import { deliverLetter, enqueueLetter } from "@/lib/newsletter/deliveries";
import { readEnv } from "@/lib/newsletter/env";
import { createMailer } from "@/lib/newsletter/mailer";
import { drainOutbox } from "@/lib/newsletter/outbox";
import { confirmSubscriber, recordSignup, unsubscribe } from "@/lib/newsletter/subscriptions";
import { verifyToken } from "@/lib/newsletter/tokens";
import { startInbox, type Inbox } from "../support/smtp";
import { backends } from "../support/stores";

const run = promisify(execFile);
const LETTER = "2026-11-30-what-deep-means";
const config = readEnv({ NODE_ENV: "test", SITE_URL: "https://lumomate.test", NEWSLETTER_SECRET: "integration-test-secret-0123456789abcdef" });

for (const backend of backends()) {
  describe(`mail on ${backend.name}`, () => {
    let store: Store;
    let inbox: Inbox;
    beforeEach(async () => {
      store = await backend.open();
      inbox = await startInbox();
    });
    afterEach(async () => {
      await inbox.close();
      await store.close();
    });

    async function confirmedSubscribers(n: number) {
      for (let i = 0; i < n; i++) {
        await store.db.transaction().execute((trx) => recordSignup(trx, `reader${String(i).padStart(3, "0")}@example.com`, 1, "form"));
      }
      for (const { id } of await store.db.selectFrom("subscribers").select("id").execute()) await confirmSubscriber(store.db, id, 2);
      await store.db.deleteFrom("outbox").execute();
    }

    it("sends the confirmation mail through SMTP with a working link and RFC 8058 headers", async () => {
      await store.db.transaction().execute((trx) => recordSignup(trx, "reader@example.com", Date.now(), "form"));
      const mailer = createMailer({ smtpUrl: inbox.url });
      expect(await drainOutbox(store, mailer, config)).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
      await inbox.waitFor(1);
      const mail = inbox.messages[0];
      expect(mail.subject).toBe("Confirm your LumoMate letter");
      expect(mail.to).toMatchObject({ text: "reader@example.com" });
      const link = mail.text!.match(/https:\/\/lumomate\.test\/newsletter\/confirm\?token=(\S+)/);
      expect(link).not.toBeNull();
      const { id } = await store.db.selectFrom("subscribers").select("id").executeTakeFirstOrThrow();
      expect(verifyToken(config.secret, link![1], "confirm")).toEqual({ ok: true, subscriberId: id });
      expect(mail.html).toContain(`href="https://lumomate.test/newsletter/confirm?token=${link![1]}"`);
      expect(inbox.raw[0]).toMatch(/List-Unsubscribe:\s+<https:\/\/lumomate\.test\/api\/unsubscribe\?token=[^>]+>,\s+<mailto:/);
      expect(inbox.raw[0]).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
      // No pixel, no click tracking: every link goes straight to our own pages.
      expect(mail.html).not.toMatch(/<img/i);
      for (const [, href] of String(mail.html).matchAll(/href="([^"]+)"/g)) expect(href).toMatch(/^https:\/\/lumomate\.test\//);
      // A second drain sends nothing more.
      expect(await drainOutbox(store, mailer, config)).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
      mailer.close();
    });

    it("keeps a signup's mail while SMTP is down and sends it once SMTP is back", async () => {
      await store.db.transaction().execute((trx) => recordSignup(trx, "patient@example.com", Date.now(), "api"));
      const down = createMailer({ smtpUrl: "smtp://127.0.0.1:1" });
      expect(await drainOutbox(store, down, config)).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
      const row = await store.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
      expect(row.attempts).toBe(1);
      expect(row.next_attempt_at).toBeGreaterThan(Date.now());
      // Not due yet: the backoff holds it back…
      const up = createMailer({ smtpUrl: inbox.url });
      expect(await drainOutbox(store, up, config)).toMatchObject({ sent: 0, retrying: 0 });
      // …and once the backoff has passed it goes out.
      expect(await drainOutbox(store, up, config, row.next_attempt_at + 1)).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
      await inbox.waitFor(1);
      expect(inbox.messages[0].to).toMatchObject({ text: "patient@example.com" });
      up.close();
      down.close();
    });

    it("holds confirmation mails past the hourly cap in the outbox and sends them when the hour allows", async () => {
      const capped = readEnv({ NODE_ENV: "test", SITE_URL: config.siteUrl, NEWSLETTER_SECRET: config.secret, CONFIRMATIONS_PER_HOUR: "3" });
      const t = Date.now();
      for (let i = 0; i < 5; i++) await store.db.transaction().execute((trx) => recordSignup(trx, `capped${i}@example.com`, t, "form"));
      expect(Number((await store.db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n)).toBe(5);
      const mailer = createMailer({ smtpUrl: inbox.url });
      expect(await drainOutbox(store, mailer, capped, t)).toMatchObject({ sent: 3, heldByCap: 2 });
      expect(await drainOutbox(store, mailer, capped, t + 30 * 60_000)).toMatchObject({ sent: 0, heldByCap: 2 });
      expect(await drainOutbox(store, mailer, capped, t + 61 * 60_000)).toMatchObject({ sent: 2, heldByCap: 0 });
      await inbox.waitFor(5);
      expect(new Set(inbox.messages.map((m) => (m.to && "text" in m.to ? m.to.text : ""))).size).toBe(5);
      mailer.close();
    });

    it("sends a letter once to every confirmed subscriber, HTML and text from the same MDX", async () => {
      await confirmedSubscribers(12);
      const { id: leaver } = await store.db.selectFrom("subscribers").select("id").where("email", "=", "reader011@example.com").executeTakeFirstOrThrow();
      await unsubscribe(store.db, leaver, 3, config.secret);
      const mailer = createMailer({ smtpUrl: inbox.url });
      expect(await enqueueLetter(store, LETTER, 0)).toBe(11);
      expect(await deliverLetter(store, mailer, config, LETTER, { maxPerSecond: 1_000 })).toMatchObject({ sent: 11, retrying: 0, failed: 0 });
      expect(await enqueueLetter(store, LETTER, 0)).toBe(0);
      expect(await deliverLetter(store, mailer, config, LETTER, { maxPerSecond: 1_000 })).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
      expect(inbox.messages).toHaveLength(11);
      const mail = inbox.messages[0];
      expect(mail.subject).toBe("What 'deep' means in deep learning");
      expect(mail.text).toMatch(/deep/i);
      expect(mail.html).toContain('href="https://lumomate.test/glossary/');
      expect(mail.html).toContain("prefers-color-scheme: dark");
      expect(mail.text).toMatch(/unsubscribe/i);
      expect(mail.messageId).toMatch(new RegExp(`^<${LETTER}\\.`));
      expect(inbox.messages.map((m) => m.to && "text" in m.to ? m.to.text : "")).not.toContain("reader011@example.com");
      mailer.close();
    });

    it("after a crash mid-send, a rerun sends every remaining mail exactly once", async () => {
      await confirmedSubscribers(20);
      const env = { ...process.env, ...backend.env(), SMTP_URL: inbox.url, NEWSLETTER_SECRET: config.secret, SITE_URL: config.siteUrl, LETTER_LEASE_MS: "3000", SMTP_SEND_TIMEOUT_MS: "1000", LETTER_MAX_PER_SECOND: "1000" };
      const cli = ["tsx", "--import", "./scripts/allow-server-only.mjs", "scripts/send-letter.mts", LETTER];
      const crashed = await run("npx", cli, { env: { ...env, LUMOMATE_CRASH_AFTER: "7" } }).then(
        () => 0,
        (error: { code?: number }) => error.code ?? -1,
      );
      expect(crashed).toBe(137);
      await inbox.waitFor(7);
      await new Promise((r) => setTimeout(r, 3_100)); // the crashed run's lease runs out
      await run("npx", cli, { env });
      await inbox.waitFor(20);
      const recipients = inbox.messages.map((m) => (m.to && "text" in m.to ? m.to.text : ""));
      expect(recipients).toHaveLength(20);
      expect(new Set(recipients).size).toBe(20);
    }, 60_000);

    if (backend.name === "postgres") {
      it("two workers sending the same letter at once never send a mail twice", async () => {
        await confirmedSubscribers(60);
        const second = await backend.open().then(async (s) => s); // a second pool, as a second process would have
        try {
          // The second open reset the schema; fill it again through the first store.
          await confirmedSubscribers(60);
          await enqueueLetter(store, LETTER, 0);
          // A relay that takes 20 ms a message, so neither worker can finish alone before the other starts.
          const slow = (m: ReturnType<typeof createMailer>) => ({ ...m, send: async (msg: Parameters<typeof m.send>[0]) => { await new Promise((r) => setTimeout(r, 20)); await m.send(msg); } });
          const a = slow(createMailer({ smtpUrl: inbox.url }));
          const b = slow(createMailer({ smtpUrl: inbox.url }));
          const [ra, rb] = await Promise.all([
            deliverLetter(store, a, config, LETTER, { batchSize: 5, maxPerSecond: 1_000, workerId: "a" }),
            deliverLetter(second, b, config, LETTER, { batchSize: 5, maxPerSecond: 1_000, workerId: "b" }),
          ]);
          expect(ra.sent + rb.sent).toBe(60);
          expect(ra.sent).toBeGreaterThan(0);
          expect(rb.sent).toBeGreaterThan(0);
          await inbox.waitFor(60);
          const recipients = inbox.messages.map((m) => (m.to && "text" in m.to ? m.to.text : ""));
          expect(new Set(recipients).size).toBe(60);
          a.close();
          b.close();
        } finally {
          await second.close();
        }
      }, 60_000);
    }
  });
}
