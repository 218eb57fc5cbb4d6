import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type Mail from "nodemailer/lib/mailer";
import type { Store } from "@/lib/newsletter/db";
import { deliverLetter, enqueueLetter, letterStats } from "@/lib/newsletter/deliveries";
import { readEnv, type Env } from "@/lib/newsletter/env";
import { createMailer, type Mailer } from "@/lib/newsletter/mailer";
import { sendTime } from "@/lib/newsletter/schedule";
import { confirmSubscriber, recordSignup } from "@/lib/newsletter/subscriptions";
import { workerTick } from "@/lib/newsletter/worker";
import { backends } from "../support/stores";

// workerTick itself, under the faults the letter has to survive, with a clock the test moves.
const LETTER = "2026-11-30-what-deep-means";
const DUE = sendTime("2026-11-30", "Europe/London") + 60_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const settings = { NODE_ENV: "test", SITE_URL: "https://lumomate.test", NEWSLETTER_SECRET: "worker-test-secret-0123456789abcdef", LETTER_LEASE_MS: String(250_000), SMTP_SEND_TIMEOUT_MS: "60000" };
const config: Env = readEnv(settings);

type Sent = { to: string; messageId: string };

/** The worker sends each mail to one plain address. */
const recipient = (m: Mail.Options) => (typeof m.to === "string" ? m.to : JSON.stringify(m.to));
/** A relay in memory: `behave` decides what each send does (default: accept at once). */
function fakeRelay() {
  const accepted: Sent[] = [];
  const relay = {
    accepted,
    behave: async (_message: Mail.Options): Promise<"accept" | Error> => "accept",
    mailer: {
      send: async (message: Mail.Options) => {
        const outcome = await relay.behave(message);
        if (outcome instanceof Error) throw outcome;
        accepted.push({ to: recipient(message), messageId: String(message.messageId ?? "") });
      },
      close: () => {},
    } satisfies Mailer,
  };
  return relay;
}
const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ESOCKET" });
const letterMails = (sent: Sent[]) => sent.filter((m) => m.messageId.startsWith(`<${LETTER}.`));

for (const backend of backends()) {
  describe(`workerTick on ${backend.name}`, () => {
    let store: Store;
    let clock: number;
    const now = () => clock;
    beforeEach(async () => {
      store = await backend.open();
      clock = DUE;
    });
    afterEach(async () => {
      await store.close();
    });

    async function confirmed(n: number, prefix = "reader"): Promise<string[]> {
      const emails = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, "0")}@example.com`);
      for (const email of emails) await store.db.transaction().execute((trx) => recordSignup(trx, email, 1, "form"));
      for (const { id } of await store.db.selectFrom("subscribers").select("id").execute()) await confirmSubscriber(store.db, id, 2);
      await store.db.deleteFrom("outbox").execute();
      return emails;
    }
    const stats = async () => (await letterStats(store)).find((s) => s.letter === LETTER);
    const tick = (relay: ReturnType<typeof fakeRelay>, extra: { workerId?: string; batchSize?: number; config?: Env } = {}) =>
      workerTick(store, relay.mailer, extra.config ?? config, { now, maxPerSecond: 100_000, workerId: extra.workerId, batchSize: extra.batchSize });

    it("a crash between the sends row and the deliveries loses nothing: the next tick sends every mail", async () => {
      const emails = await confirmed(6);
      // The enqueue is one transaction: failing half-way leaves no started letter behind…
      await expect(enqueueLetter(store, LETTER, DUE, clock, { beforeDeliveries: () => { throw new Error("killed"); } })).rejects.toThrow("killed");
      expect(await store.db.selectFrom("sends").selectAll().execute()).toEqual([]);
      // …and a sends row with no deliveries (as the old two-statement enqueue could leave) is filled in.
      await store.db.insertInto("sends").values({ letter: LETTER, scheduled_for: DUE, started_at: clock, completed_at: null }).execute();
      const relay = fakeRelay();
      const report = await tick(relay);
      expect(report.letters.find((l) => l.slug === LETTER)).toMatchObject({ sent: 6, complete: true });
      expect(letterMails(relay.accepted).map((m) => m.to).sort()).toEqual(emails);
      // Later ticks while the letter is still due send nothing more.
      clock += 10 * MINUTE;
      await tick(relay);
      expect(letterMails(relay.accepted)).toHaveLength(6);
    });

    it("a batch that outlives its claim: another worker takes the rest, and no mail goes twice", async () => {
      await confirmed(5);
      await enqueueLetter(store, LETTER, DUE, clock);
      const relay = fakeRelay();
      let sends = 0;
      let inB = false;
      // Each of worker a's mails takes 100 s of the clock; the lease is 250 s, so a's claim on its
      // batch of 5 runs out during its third mail, and worker b ticks right then.
      relay.behave = async () => {
        if (inB) return "accept";
        clock += 100_000;
        if (++sends === 3) {
          inB = true;
          await tick(relay, { workerId: "b" });
          inB = false;
        }
        return "accept";
      };
      await deliverLetter(store, relay.mailer, config, LETTER, { now, workerId: "a", batchSize: 5, maxPerSecond: 100_000 });
      const recipients = letterMails(relay.accepted).map((m) => m.to);
      expect(recipients).toHaveLength(5);
      expect(new Set(recipients).size).toBe(5);
      const byWorker = await store.db.selectFrom("deliveries").select("claimed_by").execute();
      expect(new Set(byWorker.map((r) => r.claimed_by))).toEqual(new Set(["a", "b"]));
      expect(await stats()).toMatchObject({ sent: 5, pending: 0, complete: true });
    });

    it("SMTP down for 3 hours, then back: every mail delivered once, and the letter complete only then", async () => {
      const emails = await confirmed(8);
      await store.db.transaction().execute((trx) => recordSignup(trx, "newcomer@example.com", clock, "api"));
      const relay = fakeRelay();
      relay.behave = async () => refused();
      const outageEnds = clock + 3 * HOUR;
      while (clock < outageEnds) {
        const report = await tick(relay);
        expect(report.letters.find((l) => l.slug === LETTER)?.complete ?? false).toBe(false);
        clock += 5 * MINUTE;
      }
      expect(relay.accepted).toEqual([]);
      expect(await stats()).toMatchObject({ sent: 0, pending: 8, failed: 0, complete: false });
      relay.behave = async () => "accept";
      // The backoff is capped at 30 minutes, so within half an hour of SMTP's return everything is out.
      for (let i = 0; i < 7; i++) {
        await tick(relay);
        clock += 5 * MINUTE;
      }
      expect(letterMails(relay.accepted).map((m) => m.to).sort()).toEqual(emails);
      expect(relay.accepted.filter((m) => m.to === "newcomer@example.com")).toHaveLength(1); // the confirmation mail too
      expect(await stats()).toMatchObject({ sent: 8, pending: 0, failed: 0, complete: true });
    });

    it("past the retry window a mail is marked failed, the letter says so, and it is never 'sent'", async () => {
      await confirmed(2);
      const short = readEnv({ ...settings, LETTER_RETRY_HOURS: "1" });
      const relay = fakeRelay();
      relay.behave = async (m) => (recipient(m).startsWith("reader000") ? refused() : "accept");
      let last;
      for (let i = 0; i < 20 && !last?.complete; i++) {
        last = (await tick(relay, { config: short })).letters.find((l) => l.slug === LETTER);
        clock += 10 * MINUTE;
      }
      expect(last).toMatchObject({ complete: true, failedTotal: 1 });
      expect(await stats()).toMatchObject({ sent: 1, failed: 1, pending: 0 });
      const row = await store.db.selectFrom("deliveries").innerJoin("subscribers", "subscribers.id", "deliveries.subscriber_id").select(["deliveries.sent_at", "deliveries.last_error"]).where("subscribers.email", "=", "reader000@example.com").executeTakeFirstOrThrow();
      expect(row.sent_at).toBeNull();
      expect(row.last_error).toMatch(/ECONNREFUSED/);
    });

    it("a confirmation mail that cannot go for the whole retry window is marked failed, not forgotten", async () => {
      await store.db.transaction().execute((trx) => recordSignup(trx, "unlucky@example.com", clock, "form"));
      const relay = fakeRelay();
      relay.behave = async () => refused();
      for (let i = 0; i < 3; i++) {
        expect((await tick(relay)).confirmations).toMatchObject({ retrying: 1, failed: 0 });
        clock += HOUR;
      }
      clock += 48 * HOUR;
      expect((await tick(relay)).confirmations).toMatchObject({ retrying: 0, failed: 1 });
      const row = await store.db.selectFrom("outbox").select(["sent_at", "failed_at", "last_error"]).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ sent_at: null, failed_at: clock });
      expect(row.last_error).toMatch(/ECONNREFUSED/);
      // And it is not tried again.
      clock += HOUR;
      expect((await tick(relay)).confirmations).toMatchObject({ retrying: 0, failed: 0, sent: 0 });
    });

    it("the relay accepted, then the worker died before the mark: the resend carries the same Message-ID", async () => {
      await confirmed(3);
      await enqueueLetter(store, LETTER, DUE, clock);
      const relay = fakeRelay();
      // Worker a hands reader001's mail to the relay, then never gets to mark it (it is gone).
      relay.behave = async (m) => {
        if (recipient(m).startsWith("reader001")) {
          relay.accepted.push({ to: recipient(m), messageId: String(m.messageId) });
          return new Promise<never>(() => {});
        }
        return "accept";
      };
      void deliverLetter(store, relay.mailer, config, LETTER, { now, workerId: "a", batchSize: 1, maxPerSecond: 100_000 });
      await expect.poll(() => relay.accepted.some((m) => m.to.startsWith("reader001"))).toBe(true);
      relay.behave = async () => "accept";
      // Within the claim nobody touches that mail; once it has run out, worker b sends it again.
      clock += 60_000;
      await tick(relay, { workerId: "b" });
      expect(relay.accepted.filter((m) => m.to.startsWith("reader001"))).toHaveLength(1);
      expect(relay.accepted).toHaveLength(3);
      clock += config.leaseMs;
      await tick(relay, { workerId: "b" });
      await expect.poll(() => relay.accepted.length).toBe(4);
      const twice = relay.accepted.filter((m) => m.to.startsWith("reader001"));
      expect(twice).toHaveLength(2);
      expect(twice[0].messageId).toBe(twice[1].messageId);
      expect(new Set(letterMails(relay.accepted).map((m) => m.to)).size).toBe(3);
      expect(await stats()).toMatchObject({ sent: 3, complete: true });
    });

    it("a hard bounce (5xx at RCPT) marks the address bounced for good; a 4xx is retried and delivered", async () => {
      await confirmed(3);
      let deferred = 0;
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onRcptTo(address, _session, callback) {
          if (address.address.startsWith("reader000")) return callback(Object.assign(new Error("5.1.1 No such user"), { responseCode: 550 }));
          if (address.address.startsWith("reader001") && deferred++ === 0) return callback(Object.assign(new Error("4.2.1 Try later"), { responseCode: 451 }));
          callback();
        },
        onData(stream, _session, callback) {
          stream.resume();
          stream.on("end", () => callback());
        },
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`, sendTimeoutMs: 10_000 });
      try {
        const first = await workerTick(store, mailer, config, { now, maxPerSecond: 100_000 });
        expect(first.letters.find((l) => l.slug === LETTER)).toMatchObject({ sent: 1, bounced: 1, retrying: 1, complete: false });
        const bounced = await store.db.selectFrom("subscribers").select(["status", "bounced_at"]).where("email", "=", "reader000@example.com").executeTakeFirstOrThrow();
        expect(bounced).toEqual({ status: "bounced", bounced_at: clock });
        clock += 5 * MINUTE;
        const second = await workerTick(store, mailer, config, { now, maxPerSecond: 100_000 });
        expect(second.letters.find((l) => l.slug === LETTER)).toMatchObject({ sent: 1, bounced: 0, complete: true });
        expect(await stats()).toMatchObject({ sent: 2, bounced: 1, failed: 0, pending: 0 });
        // The next letter does not go to the bounced address at all…
        await enqueueLetter(store, "2026-12-07-how-a-network-learns", DUE, clock);
        const queued = await store.db.selectFrom("deliveries").innerJoin("subscribers", "subscribers.id", "deliveries.subscriber_id").select("subscribers.email").where("letter", "=", "2026-12-07-how-a-network-learns").execute();
        expect(queued.map((r) => r.email).sort()).toEqual(["reader001@example.com", "reader002@example.com"]);
        // …until it signs up afresh, which asks for confirmation again.
        expect(await store.db.transaction().execute((trx) => recordSignup(trx, "reader000@example.com", clock, "form"))).toEqual({ mailQueued: true });
        expect((await store.db.selectFrom("subscribers").select("status").where("email", "=", "reader000@example.com").executeTakeFirstOrThrow()).status).toBe("pending");
      } finally {
        mailer.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });

    it("a letter added while the worker runs is picked up on its next tick, without a restart", async () => {
      await confirmed(2);
      const site = fs.mkdtempSync(path.join(os.tmpdir(), "lumomate-letters-"));
      fs.mkdirSync(path.join(site, "content", "letters"), { recursive: true });
      const source = fs.readFileSync(path.join("content", "letters", `${LETTER}.mdx`), "utf8");
      const cwd = process.cwd();
      process.chdir(site);
      try {
        const relay = fakeRelay();
        expect((await tick(relay)).letters).toEqual([]);
        fs.writeFileSync(path.join(site, "content", "letters", `${LETTER}.mdx`), source);
        const report = await tick(relay);
        expect(report.letters).toEqual([expect.objectContaining({ slug: LETTER, sent: 2, complete: true })]);
      } finally {
        process.chdir(cwd);
        fs.rmSync(site, { recursive: true, force: true });
      }
    });

    it("a relay that stalls is abandoned well within the claim, and the mail is retried later", async () => {
      await confirmed(1);
      const server = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false, onData() {} });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`, sendTimeoutMs: 300 });
      try {
        const started = Date.now();
        const report = await workerTick(store, mailer, config, { now, maxPerSecond: 100_000 });
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(report.letters.find((l) => l.slug === LETTER)).toMatchObject({ sent: 0, retrying: 1, complete: false });
        const row = await store.db.selectFrom("deliveries").select(["claimed_until", "last_error"]).executeTakeFirstOrThrow();
        // The claim is kept to its end, so no other worker starts the same mail meanwhile.
        expect(row.claimed_until).toBeGreaterThan(clock);
        expect(row.last_error).toMatch(/longer than 300 ms/);
      } finally {
        mailer.close();
        server.close(() => {});
      }
    });
  });
}
