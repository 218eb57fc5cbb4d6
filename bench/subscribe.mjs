// Signups per second on the production build, against two ceilings measured in the same run: the
// disk's fsyncs/s, and a no-op route of the same server under the same load. Then the database is
// checked: it must hold exactly the signups that were acknowledged (202), no more, no fewer.
// Goals: ≥ 50% of the no-op route's rate in the same run, and the database = the acknowledged
// signups. The absolute 1,000 signups/s (and p99 ≤ 50 ms) is withdrawn: on two cores the
// framework's own no-op route with the load generator beside it cannot reach it; rate and p99 are
// printed for the record. (The load is a closed loop: each connection waits for its answer, so the
// mean latency is connections ÷ rate.)
//
// Run after `npm run build`. SQLite in a fresh temp file by default; with DATABASE_URL set it runs
// against that PostgreSQL database instead (use a throwaway one: `source scripts/postgres.sh` and
// DATABASE_URL=$TEST_DATABASE_URL — the bench's rows are left in it).
// Knobs: BENCH_SECONDS (10), BENCH_ROUNDS (2), BENCH_CONNECTIONS (50), BENCH_DIR (where the temp dir goes).
import { Worker } from "node:worker_threads";
import path from "node:path";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { quantile } from "./harness.mjs";
import { cpuSeconds, ensureBenchBuild, fsyncsPerSecond, machineLoad, requireBuild, scratchDir, startNext } from "./next-server.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3950);
const SMTP_PORT = PORT + 2;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2); // each endpoint's SECONDS, split into turns
const WARMUP_SECONDS = 2;
const GOALS = { ofNoop: 0.5 };

requireBuild();
const databaseUrl = process.env.DATABASE_URL || undefined;
const run = randomBytes(3).toString("hex"); // in every address, so a shared PostgreSQL database is no problem
const scratch = scratchDir("lumomate-bench-");
const sqlitePath = path.join(scratch.dir, "bench.db");

/** Distinct client addresses (the rate limit keys on the last X-Forwarded-For). */
const clientIp = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/**
 * POSTs a JSON body {"email": "<prefix>-<n>@example.com"} with a new n (and a new client address)
 * on every request, from `connections` keep-alive connections, for `seconds`. Records which
 * address got which status. At the deadline no connection starts another request, but each waits
 * for the answer it is owed, so every address sent is either answered or counted as cut off.
 */
async function load(url, prefix, seconds, ledger, serverPid) {
  let n = 0;
  const clients = [];
  const latencies = [];
  const statuses = {};
  let answered = 0;
  let last = 0;
  const cpuBefore = cpuSeconds(serverPid);
  const start = performance.now();
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds + 60, // a safety net only: the run ends itself at `seconds` (below)
    timeout: 30,
    method: "POST",
    headers: { "content-type": "application/json" },
    setupClient(client) {
      clients.push(client);
      client.on("response", (status, _bytes, ms) => {
        latencies.push(ms);
        statuses[status] = (statuses[status] ?? 0) + 1;
        answered++;
        last = performance.now();
      });
    },
    requests: [
      {
        setupRequest(request, context) {
          const i = ++n;
          context.email = `${prefix}-${i}@example.com`;
          ledger.sent.add(context.email);
          request.body = JSON.stringify({ email: context.email });
          request.headers["x-forwarded-for"] = clientIp(i);
          return request;
        },
        onResponse(status, _body, context) {
          ledger.answered.set(context.email, status);
        },
      },
    ],
  });
  // autocannon's own duration would drop the connections with their requests in flight, and the
  // addresses in those requests might or might not be stored. Instead each connection stops after
  // the request it is waiting on (responseMax: the per-connection request cap behind `amount`).
  const deadline = setTimeout(() => {
    for (const client of clients) client.responseMax = Math.max(1, client.reqsMade);
  }, seconds * 1000);
  const result = await instance;
  clearTimeout(deadline);
  return {
    answered,
    elapsed: (last - start) / 1000,
    latencies,
    statuses,
    cpu: cpuSeconds(serverPid) - cpuBefore,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** One endpoint's figures over its rounds. */
function summarise(rounds) {
  const sum = (key) => rounds.reduce((a, r) => a + r[key], 0);
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const statuses = {};
  for (const r of rounds) for (const [status, count] of Object.entries(r.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  const answered = sum("answered");
  const elapsed = sum("elapsed");
  return {
    answered,
    elapsed,
    perSecond: answered / elapsed,
    okPerSecond: (statuses[202] ?? 0) / elapsed,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    statuses,
    cpuMsPerAnswer: (sum("cpu") * 1000) / answered, // the server's own CPU time: less at the mercy of other load than req/s
    errors: sum("errors"),
    timeouts: sum("timeouts"),
  };
}

function startSmtpSink() {
  const worker = new Worker(new URL("./smtp-sink.mjs", import.meta.url), { workerData: { port: SMTP_PORT } });
  const next = () => new Promise((resolve, reject) => {
    worker.once("message", (m) => (m.error ? reject(new Error(`SMTP sink: ${m.error}`)) : resolve(m)));
    worker.once("error", reject);
  });
  return next().then(() => ({
    url: `smtp://127.0.0.1:${SMTP_PORT}`,
    count: () => (worker.postMessage("count"), next()).then((m) => m.accepted),
    close: async () => {
      worker.postMessage("close");
      const { accepted } = await next();
      await worker.terminate();
      return accepted;
    },
  }));
}

async function storedAddresses(prefix) {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT email FROM subscribers WHERE email LIKE $1", [`${prefix}-%`]);
      return new Set(rows.map((r) => r.email));
    } finally {
      await client.end();
    }
  }
  const db = new Database(sqlitePath, { fileMustExist: true });
  try {
    return new Set(db.prepare("SELECT email FROM subscribers WHERE email LIKE ?").pluck().all(`${prefix}-%`));
  } finally {
    db.close();
  }
}

const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "—");
const mark = (ok) => (ok ? "PASS" : "MISS");

const loadBefore = machineLoad();
console.log(`bench/subscribe — ${new Date().toISOString()}`);
console.log(`database: ${databaseUrl ? `PostgreSQL (${databaseUrl.replace(/\/\/[^@]*@/, "//…@")})` : `SQLite, WAL, synchronous=FULL (${sqlitePath})`}${scratch.note}`);
console.log(`load: ${CONNECTIONS} connections, ${SECONDS} s per endpoint in ${ROUNDS} turns each, after ${WARMUP_SECONDS} s of warm-up; machine ${loadBefore}\n`);

const fsyncs = fsyncsPerSecond(scratch.dir, 2);
const smtp = await startSmtpSink();
const server = await startNext(PORT, {
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { SQLITE_PATH: sqlitePath, DATABASE_URL: "" }),
  SIGNUP_RATE_LIMIT_PER_MINUTE: "100000000",
  CONFIRMATIONS_PER_HOUR: "100000000",
  SMTP_URL: smtp.url,
  LUMOMATE_ALLOW_DEV_DEFAULTS: "1",
  // The load generator plays the proxy in front, naming each client in X-Forwarded-For.
  TRUST_PROXY: "loopback",
  LETTER_WORKER: "off",
}, { appDir: ensureBenchBuild() });

const noopLedger = { sent: new Set(), answered: new Map() };
const ledger = { sent: new Set(), answered: new Map() };
const prefix = `bench-${run}`;
let noop;
let signup;
let mailsDuringRun;
try {
  const probe = await fetch(`${server.base}/api/noop`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  if (probe.status !== 202) throw new Error(`/api/noop answered ${probe.status}: delete .next-bench/ to rebuild the bench's build.`);
  await load(`${server.base}/api/noop`, `noop-${run}-warm`, WARMUP_SECONDS, noopLedger, server.pid);
  await load(`${server.base}/api/subscribe`, `${prefix}-warm`, WARMUP_SECONDS, ledger, server.pid);
  // Taking turns, so that a change in the machine's load during the run falls on both alike.
  const noopRounds = [];
  const signupRounds = [];
  const mailsBefore = await smtp.count();
  for (let round = 1; round <= ROUNDS; round++) {
    noopRounds.push(await load(`${server.base}/api/noop`, `noop-${run}-${round}`, SECONDS / ROUNDS, noopLedger, server.pid));
    signupRounds.push(await load(`${server.base}/api/subscribe`, `${prefix}-${round}`, SECONDS / ROUNDS, ledger, server.pid));
  }
  mailsDuringRun = (await smtp.count()) - mailsBefore;
  noop = summarise(noopRounds);
  signup = summarise(signupRounds);
} finally {
  await server.stop();
}
const mailsTotal = await smtp.close();

// Only now, with the server stopped, read what it left on disk.
const stored = await storedAddresses(prefix);
const acknowledged = new Set([...ledger.answered].filter(([, status]) => status === 202).map(([email]) => email));
const lost = [...acknowledged].filter((e) => !stored.has(e));
const refusedButStored = [...stored].filter((e) => ledger.answered.has(e) && ledger.answered.get(e) !== 202);
const cutOff = [...ledger.sent].filter((e) => !ledger.answered.has(e));
const strangers = [...stored].filter((e) => !ledger.sent.has(e));
const exact = lost.length === 0 && refusedButStored.length === 0 && strangers.length === 0 && stored.size === acknowledged.size;

const row = (label, r) =>
  console.log(label.padEnd(26), fmt(r.perSecond).padStart(9), fmt(r.p50, 1).padStart(9), fmt(r.p99, 1).padStart(9), fmt(r.answered).padStart(9), fmt(r.cpuMsPerAnswer, 2).padStart(10), `  ${Object.entries(r.statuses).map(([s, c]) => `${s}×${c}`).join(" ")}${r.errors ? `  errors ${r.errors}` : ""}${r.timeouts ? `  timeouts ${r.timeouts}` : ""}`);
console.log("".padEnd(26), "req/s".padStart(9), "p50 ms".padStart(9), "p99 ms".padStart(9), "answers".padStart(9), "CPU ms/req".padStart(10), "  statuses");
row("POST /api/noop (ceiling)", noop);
row("POST /api/subscribe", signup);
console.log(`${"disk: write+fsync 4 KiB".padEnd(26)} ${fmt(fsyncs).padStart(9)} /s`);

const ratio = signup.okPerSecond / noop.perSecond;
console.log(`\nsignups/s (202s)           ${fmt(signup.okPerSecond)}`);
console.log(`signups/s ÷ no-op req/s    ${ratio.toFixed(3)}`);
console.log(`signups per disk fsync     ${(signup.okPerSecond / fsyncs).toFixed(2)}  (1.00 is the ceiling of one commit per signup; grouped commits can pass it)`);
console.log(`confirmation mails         ${fmt(mailsDuringRun)} accepted by SMTP during the measured turns, ${fmt(mailsTotal)} in all`);

console.log(`\ndatabase check (all signups of this run, warm-up included):`);
console.log(`  sent ${fmt(ledger.sent.size)}, answered ${fmt(ledger.answered.size)}, acknowledged (202) ${fmt(acknowledged.size)}, stored ${fmt(stored.size)}`);
console.log(`  acknowledged but not stored (lost): ${lost.length}${lost.length ? `  e.g. ${lost.slice(0, 3).join(", ")}` : ""}`);
console.log(`  stored but refused: ${refusedButStored.length}; stored but never sent: ${strangers.length}; cut off without an answer: ${cutOff.length}`);
console.log(`  acknowledged = stored: ${exact ? "yes" : "NO"}${server.counts.notStored ? `  (the server logged ${server.counts.notStored} "signup not stored")` : ""}`);

console.log(`\nfor the record (no longer goals): ${fmt(signup.okPerSecond)} signups/s, p99 ${fmt(signup.p99, 1)} ms`);
const goals = [
  [`≥ ${GOALS.ofNoop * 100}% of the no-op route`, ratio >= GOALS.ofNoop, `${(ratio * 100).toFixed(1)}%`],
  ["database = acknowledged", exact, exact ? "exact" : `${lost.length} lost`],
];
console.log("\ngoal".padEnd(33), "result");
for (const [label, ok, value] of goals) console.log(`${label.padEnd(32)} ${mark(ok)}  ${value}`);
console.log(`\nmachine ${machineLoad()} at the end (${loadBefore.replace("load average ", "")} at the start)`);

scratch.remove();
process.exitCode = goals.every(([, ok]) => ok) ? 0 : 1;
