// kill -9 in the middle of 500 concurrent signups, then a restart: every signup that was answered
// with a success (202) must be in the database. Stored-but-unanswered rows ("ghosts") are allowed:
// they were committed just before the kill, and their answers died with the server.
// Run after `npm run build`. Exit code 1 if a single acknowledged signup is lost.
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { machineLoad, requireBuild, scratchDir, startNext } from "./next-server.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3951);
const SIGNUPS = 500;
const KILL_AT = Math.floor(SIGNUPS / 2);

requireBuild();
const scratch = scratchDir("lumomate-kill-");
const sqlitePath = path.join(scratch.dir, "kill.db");
const env = {
  SQLITE_PATH: sqlitePath,
  DATABASE_URL: "",
  OUTBOX_DIR: path.join(scratch.dir, "outbox"),
  SMTP_URL: "",
  SIGNUP_RATE_LIMIT_PER_MINUTE: "100000000",
  // The load generator plays the proxy in front, naming each client in X-Forwarded-For.
  TRUST_PROXY: "loopback",
  LETTER_WORKER: "off",
  CONFIRMATIONS_PER_HOUR: "100000000",
  LUMOMATE_ALLOW_DEV_DEFAULTS: "1",
};
const run = randomBytes(3).toString("hex");
const address = (i) => `kill-${run}-${i}@example.com`;

console.log(`bench/kill-test — ${new Date().toISOString()}`);
console.log(`SQLite, WAL, synchronous=FULL (${sqlitePath})${scratch.note}; machine ${machineLoad()}\n`);

let server = await startNext(PORT, env, { label: "first server" });
// One signup first, so the route is compiled and the database open before the burst.
const warm = await fetch(`${server.base}/api/subscribe`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: `kill-${run}-warm@example.com` }) });
if (warm.status !== 202) throw new Error(`warm-up signup answered ${warm.status}`);

const acknowledged = new Set([`kill-${run}-warm@example.com`]);
const outcome = { ok: 0, otherStatus: 0, failed: 0 };
let killed = null; // { afterAcks, at }
const started = performance.now();

async function signup(i) {
  const email = address(i);
  try {
    const response = await fetch(`${server.base}/api/subscribe`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${i >> 8}.${i & 255}` },
      body: JSON.stringify({ email }),
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    if (response.status === 202) {
      outcome.ok++;
      acknowledged.add(email);
      if (!killed && outcome.ok >= KILL_AT) {
        killed = { afterAcks: outcome.ok, at: performance.now() - started };
        // The whole process group, at once: no shutdown code runs, nothing is flushed.
        process.kill(-server.pid, "SIGKILL");
      }
    } else outcome.otherStatus++;
  } catch {
    outcome.failed++;
  }
}

// All 500 at once (each on its own connection), and no more.
await Promise.all(Array.from({ length: SIGNUPS }, (_, i) => signup(i)));
const answersBeforeKill = outcome.ok;
await server.kill9(); // waits until the group is gone (and kills it, if the kill never came)
console.log(
  killed
    ? `killed the server (kill -9 of process group ${server.pid}) after ${killed.afterAcks} acknowledgements, ${killed.at.toFixed(0)} ms into the burst`
    : `the kill came too late: all ${SIGNUPS} signups were answered before it (the test proves nothing this time)`,
);
console.log(`answers: ${outcome.ok} × 202, ${outcome.otherStatus} other statuses, ${outcome.failed} connections cut by the kill`);

server = await startNext(PORT, env, { label: "restarted server" });
const after = await fetch(`${server.base}/api/subscribe`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: `kill-${run}-after@example.com` }) });
console.log(`restarted: pid ${server.pid}; a new signup answers ${after.status}`);
await server.stop();

const db = new Database(sqlitePath, { fileMustExist: true });
const stored = new Set(db.prepare("SELECT email FROM subscribers WHERE email LIKE ? AND email NOT LIKE ?").pluck().all(`kill-${run}-%`, "%-after@%"));
const withoutMail = db.prepare("SELECT count(*) FROM subscribers s WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.subscriber_id = s.id)").pluck().get();
const integrity = db.pragma("integrity_check", { simple: true });
db.close();

const lost = [...acknowledged].filter((e) => !stored.has(e));
const ghosts = [...stored].filter((e) => !acknowledged.has(e));
console.log(`\nacknowledged  ${acknowledged.size}  (${answersBeforeKill} of the burst + 1 warm-up)`);
console.log(`stored        ${stored.size}`);
console.log(`lost          ${lost.length}${lost.length ? `  e.g. ${lost.slice(0, 5).join(", ")}` : ""}   (acknowledged, not stored: must be 0)`);
console.log(`ghosts        ${ghosts.length}   (stored, never acknowledged: committed just before the kill; allowed)`);
console.log(`never stored  ${SIGNUPS + 1 - stored.size}   (in flight, never committed: their senders got no success)`);
console.log(`subscribers without their confirmation mail queued: ${withoutMail}; integrity_check: ${integrity}`);
console.log(`\n${lost.length === 0 ? "PASS" : "FAIL"}: lost = ${lost.length}${killed ? "" : " (but the kill came too late to test anything)"}   — machine ${machineLoad()}`);

scratch.remove();
process.exitCode = lost.length === 0 && killed && integrity === "ok" ? 0 : 1;
