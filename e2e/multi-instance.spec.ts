import { execFile, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startInbox, type Inbox } from "../tests/support/smtp";
import type { ProxiedSite } from "../scripts/site.mjs";
import { killGroup, startBareNext, startSiteServer, stopSiteServer } from "./support/site-server";

// Two app instances on one PostgreSQL behind nginx: signups through both, one shared rate limit,
// confirmation mails sent once, two letter workers sending one letter exactly once, and an
// instance killed mid-signup losing nothing it acknowledged while nginx sends the rest to the other.
const run = promisify(execFile);
const DB = process.env.TEST_DATABASE_URL;
const SECRET = "multi-instance-test-secret-0123456789abcdef";
// Beside the main test server's port, so parallel runs on other ports never collide: nginx, then its two instances.
const PROXY = Number(process.env.E2E_PORT ?? 3100) + 1;
const PORTS = [PROXY + 10_000, PROXY + 10_001];
const LETTER = "2026-11-30-what-deep-means";

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.skip(!DB && !process.env.CI, "needs TEST_DATABASE_URL (npm test starts PostgreSQL)");

let inbox: Inbox;
let site: ProxiedSite;
let restarted: ChildProcess | undefined;
const env = () => ({
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: DB!,
  NEWSLETTER_SECRET: SECRET,
  SITE_URL: `http://127.0.0.1:${PROXY}`,
  SMTP_URL: inbox.url,
  SIGNUP_RATE_LIMIT_PER_MINUTE: "6",
  // As behind a load balancer in front of nginx, which the tests play from loopback: its X-Forwarded-For is believed.
  TRUST_PROXY: "1",
  LETTER_WORKER: "off",
  NEXT_TELEMETRY_DISABLED: "1",
});

async function signup(email: string, client: string) {
  const response = await fetch(`http://127.0.0.1:${PROXY}/api/subscribe`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    body: JSON.stringify({ email }),
  });
  // Read the answer to its end: a body left unread holds its connection, and if the instance dies
  // meanwhile its stream errors with no one listening. The status is what counts (202 comes only
  // after the commit).
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: DB });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  await query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  inbox = await startInbox();
  site = await startSiteServer(PROXY, env(), 2, PORTS);
});
test.afterAll(async () => {
  stopSiteServer(site);
  killGroup(restarted);
  await inbox?.close();
});

const recipients = () => inbox.messages.map((m) => (m.to && "text" in m.to ? m.to.text : ""));

test("signups through both instances land in one database, each confirmation mailed once", async () => {
  const emails = Array.from({ length: 10 }, (_, i) => `two-instances-${i}@example.com`);
  const statuses = await Promise.all(emails.map((email, i) => signup(email, `192.0.2.${i + 1}`)));
  expect(statuses).toEqual(emails.map(() => 202));
  expect(Number((await query<{ n: string }>("select count(*) as n from subscribers"))[0].n)).toBe(10);
  await inbox.waitFor(10, 20_000);
  await new Promise((r) => setTimeout(r, 1_000)); // both instances drained; nothing more may arrive
  expect(recipients().sort()).toEqual([...emails].sort());
});

test("the rate limit is shared: one client's budget is spent across both instances", async () => {
  const client = "198.51.100.77";
  const statuses = [];
  // nginx takes turns between the two instances: the budget is spent across both.
  for (let i = 0; i < 6; i++) statuses.push(await signup(`limited-${i}@example.com`, client));
  expect(statuses).toEqual([202, 202, 202, 202, 202, 202]);
  expect(await signup("limited-6@example.com", client)).toBe(429);
  expect(await signup("limited-7@example.com", client)).toBe(429);
});

test("two letter workers sending one letter: every subscriber gets it exactly once", async () => {
  await query("update subscribers set status = 'confirmed', confirmed_at = 1 where email like 'two-instances-%'");
  const confirmed = Number((await query<{ n: string }>("select count(*) as n from subscribers where status = 'confirmed'"))[0].n);
  const cli = ["tsx", "--import", "./scripts/allow-server-only.mjs", "scripts/send-letter.mts", LETTER];
  await Promise.all([run("npx", cli, { env: env() }), run("npx", cli, { env: env() })]);
  // Only the letter's own mails count (a late confirmation mail may arrive meanwhile).
  const letterMails = () => inbox.messages.filter((m) => m.messageId?.startsWith(`<${LETTER}.`));
  await expect.poll(() => letterMails().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(confirmed);
  await new Promise((r) => setTimeout(r, 500));
  const letters = letterMails().map((m) => (m.to && "text" in m.to ? m.to.text : ""));
  expect(letters).toHaveLength(confirmed);
  expect(new Set(letters).size).toBe(confirmed);
});

test("an instance killed mid-signup loses nothing it acknowledged; the other keeps serving", async () => {
  const acknowledged: string[] = [];
  const emails = Array.from({ length: 60 }, (_, i) => `crash-${i}@example.com`);
  let killed = false;
  await Promise.all(
    emails.map(async (email, i) => {
      try {
        if ((await signup(email, `203.0.113.${(i % 200) + 1}`)) === 202) acknowledged.push(email);
      } catch {
        // The connection died with the instance: not acknowledged.
      }
      if (!killed && acknowledged.length >= 20) {
        killed = true;
        killGroup(site.apps[0], "SIGKILL");
      }
    }),
  );
  expect(killed).toBe(true);
  const stored = new Set((await query<{ email: string }>("select email from subscribers where email like 'crash-%'")).map((r) => r.email));
  expect(acknowledged.filter((e) => !stored.has(e))).toEqual([]);
  // nginx sends what follows to the surviving instance. (The SMTP inbox once died here: the killed
  // instance's half-sent confirmation reset its connection, an unheard "error" event ended the test
  // worker, and its teardown stopped nginx. The inbox now records such a connection and goes on.)
  for (let i = 0; i < 4; i++) expect(await signup(`after-crash-${i}@example.com`, "192.0.2.250")).toBe(202);
  restarted = await startBareNext(PORTS[0], { ...env(), SITE_URL: `http://127.0.0.1:${PROXY}`, LUMOMATE_PEER_TAG: site.peerTag });
});
