// `npm run bench:letter-faults`: one letter to 1,000 confirmed readers through a relay that
// misbehaves, with a worker killed (kill -9) at a random moment and restarted. Counts, at the
// relay, the distinct Message-IDs each reader received.
//
//   PostgreSQL (TEST_DATABASE_URL, or the cluster `npm run bench:letter-faults` starts): two workers.
//   SQLite (a scratch file): one worker.
//
// The relay (smtp-server on 127.0.0.1) drops 10% of connections mid-DATA, answers 4xx to 5% of
// recipients, holds 2% of accepted messages past the workers' claim before answering (the sender
// gives up, then resends: the same Message-ID arrives twice), and refuses 3 addresses with 5xx.
// Each backend ends with one line:
//   letter-faults: delivered N/N, duplicates D (same Message-ID R), missing M, bounced B
// and the bench exits 1 unless, for each, missing = 0, bounced = 3 and every duplicate carries the
// Message-ID of the first copy.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { SMTPServer } from "smtp-server";

const READERS = Number(process.env.LETTER_FAULTS_READERS ?? 1000);
const LETTER = "2026-11-30-what-deep-means";
const LEASE_MS = 6_000;
const SEND_TIMEOUT_MS = 2_000;
const PORT = Number(process.env.BENCH_PORT ?? 4390);
const REFUSED = ["refused-0@example.com", "refused-1@example.com", "refused-2@example.com"];
const DEADLINE_MS = 8 * 60_000;
const random = (p) => Math.random() < p;

function faultyRelay(port) {
  const received = new Map(); // recipient → Message-IDs, one per accepted copy
  const sockets = new Map(); // remote port → socket, to drop a connection mid-DATA
  const faults = { dropped: 0, deferred: 0, stalled: 0, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (REFUSED.includes(address.address)) {
        faults.refused++;
        return callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }));
      }
      if (random(0.05)) {
        faults.deferred++;
        return callback(Object.assign(new Error("4.7.1 Try again later"), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const drop = random(0.1);
      const chunks = [];
      stream.on("data", (chunk) => {
        chunks.push(chunk);
        if (drop && chunks.length === 1) {
          faults.dropped++;
          sockets.get(session.remotePort)?.destroy();
        }
      });
      stream.on("end", () => {
        if (drop) return;
        const raw = Buffer.concat(chunks).toString("utf8");
        const id = raw.match(/^Message-ID:\s*(<[^>]+>)/im)?.[1] ?? `(none ${randomUUID()})`;
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        // The relay has the whole message: from here on it is delivered, whether or not the
        // sender hears the answer (the window in which a resend is a duplicate).
        received.set(to, [...(received.get(to) ?? []), id]);
        if (random(0.02)) {
          faults.stalled++;
          setTimeout(() => callback(), LEASE_MS + 1_000);
        } else callback();
      });
    },
  });
  server.server.on("connection", (socket) => {
    sockets.set(socket.remotePort, socket);
    socket.on("close", () => sockets.delete(socket.remotePort));
  });
  server.on("error", () => {}); // a dropped connection is the point, not a failure
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve({ received, faults, close: () => new Promise((r) => server.close(r)) })),
  );
}

function startWorker(env, name) {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/allow-server-only.mjs", "scripts/worker.mts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = 0;
  child.stderr.on("data", (d) => (errors += String(d).split("\n").filter((l) => l.includes("failed")).length));
  child.name = name;
  child.failures = () => errors;
  return child;
}

async function runMigrations(env) {
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/allow-server-only.mjs", "scripts/subscribers.mts", "stats"], { env: { ...process.env, ...env }, stdio: "ignore" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`migrations failed (${code})`))));
  });
}

/** The letter started: 1,000 confirmed readers (3 of them refused by the relay) and their deliveries. */
function seedRows(now) {
  const emails = [...REFUSED, ...Array.from({ length: READERS - REFUSED.length }, (_, i) => `reader-${i}@example.com`)];
  return emails.map((email) => ({ id: randomUUID(), email, now }));
}

const SQL = {
  subscriber: "insert into subscribers (id, email, status, created_at, confirmed_at, consent_at, consent_source) values ($1, $2, 'confirmed', $3, $3, $3, 'form')",
  send: "insert into sends (letter, scheduled_for, started_at, completed_at) values ($1, $2, $2, null)",
  deliveries:
    "insert into deliveries (letter, subscriber_id, email, attempts, next_attempt_at) select $1, id, email, 0, $2 from subscribers where status = 'confirmed'",
};

async function backend(kind) {
  if (kind === "postgres") {
    const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) return null;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    const env = { DATABASE_URL: url, SQLITE_PATH: "unused.db" };
    await runMigrations(env);
    return {
      env,
      workers: 2,
      async seed(rows, now) {
        await client.query("begin");
        for (const r of rows) await client.query(SQL.subscriber, [r.id, r.email, now]);
        await client.query(SQL.send, [LETTER, now]);
        await client.query(SQL.deliveries, [LETTER, now]);
        await client.query("commit");
      },
      async state() {
        const complete = (await client.query("select completed_at from sends where letter = $1", [LETTER])).rows[0]?.completed_at !== null;
        const bounced = Number((await client.query("select count(*) as n from deliveries where bounced_at is not null")).rows[0].n);
        const failed = Number((await client.query("select count(*) as n from deliveries where failed_at is not null")).rows[0].n);
        return { complete, bounced, failed };
      },
      close: () => client.end(),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lumomate-letter-faults-"));
  const file = path.join(dir, "letter.db");
  const env = { SQLITE_PATH: file, DATABASE_URL: "" };
  await runMigrations(env);
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  const q = (sql) => db.prepare(sql.replace(/\$\d/g, "?"));
  return {
    env,
    workers: 1,
    async seed(rows, now) {
      db.transaction(() => {
        for (const r of rows) q(SQL.subscriber).run(r.id, r.email, now, now, now);
        q(SQL.send).run(LETTER, now, now);
        q(SQL.deliveries).run(LETTER, now);
      })();
    },
    async state() {
      const complete = db.prepare("select completed_at from sends where letter = ?").get(LETTER)?.completed_at !== null;
      const bounced = db.prepare("select count(*) as n from deliveries where bounced_at is not null").get().n;
      const failed = db.prepare("select count(*) as n from deliveries where failed_at is not null").get().n;
      return { complete, bounced, failed };
    },
    close: async () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function run(kind, port) {
  const store = await backend(kind);
  if (!store) {
    console.log(`${kind}: skipped (no TEST_DATABASE_URL; \`npm run bench:letter-faults\` starts a cluster)`);
    return true;
  }
  const relay = await faultyRelay(port);
  const started = Date.now();
  await store.seed(seedRows(started), started);
  const env = {
    ...store.env,
    NODE_ENV: "development",
    NEWSLETTER_SECRET: "letter-faults-bench-secret-0123456789abcdef",
    SITE_URL: "https://lumomate.bench",
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    LETTER_LEASE_MS: String(LEASE_MS),
    SMTP_SEND_TIMEOUT_MS: String(SEND_TIMEOUT_MS),
    WORKER_INTERVAL_MS: "500",
    LETTER_MAX_PER_SECOND: "1000",
  };
  const workers = Array.from({ length: store.workers }, (_, i) => startWorker(env, `worker-${i}`));
  // kill -9 of one worker at a random moment while the letter is going out, then a fresh one.
  const killAfter = 1_500 + Math.random() * 4_000;
  let killedAt = null;
  const killer = setTimeout(() => {
    killedAt = Date.now() - started;
    workers[0].kill("SIGKILL");
    workers[0] = startWorker(env, "worker-0-restarted");
  }, killAfter);
  let state = await store.state();
  while (!state.complete && Date.now() - started < DEADLINE_MS) {
    await new Promise((r) => setTimeout(r, 500));
    state = await store.state();
  }
  clearTimeout(killer);
  // Let stalled sessions finish answering before counting.
  await new Promise((r) => setTimeout(r, LEASE_MS + 1_500));
  for (const w of workers) w.kill("SIGTERM");
  await relay.close();
  await store.close();

  const expected = READERS - REFUSED.length;
  let delivered = 0;
  let duplicates = 0;
  let sameId = 0;
  for (const [to, ids] of relay.received) {
    if (REFUSED.includes(to)) continue;
    delivered++;
    duplicates += ids.length - 1;
    sameId += ids.length - new Set(ids).size;
  }
  const missing = expected - delivered;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${kind} (${store.workers} worker${store.workers > 1 ? "s" : ""}, ${READERS} readers): ${state.complete ? "complete" : "NOT complete"} in ${seconds} s; worker-0 killed at ${killedAt === null ? "—" : `${(killedAt / 1000).toFixed(1)} s`}; ` +
      `relay faults: ${relay.faults.dropped} dropped mid-DATA, ${relay.faults.deferred} deferred (4xx), ${relay.faults.stalled} stalled past the lease, ${relay.faults.refused} refused (5xx); failed ${state.failed}`,
  );
  console.log(`letter-faults: delivered ${delivered}/${expected}, duplicates ${duplicates} (same Message-ID ${sameId}), missing ${missing}, bounced ${state.bounced}`);
  return state.complete && missing === 0 && state.bounced === REFUSED.length && duplicates === sameId;
}

const results = [];
results.push(await run("postgres", PORT));
results.push(await run("sqlite", PORT + 1));
console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
process.exit(results.every(Boolean) ? 0 : 1);
