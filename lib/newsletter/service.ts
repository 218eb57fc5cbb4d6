import "server-only";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from "rate-limiter-flexible";
import { openCounterConnection, store, type Store } from "./db";
import { env } from "./env";
import { GroupCommit } from "./groupCommit";
import { mailer } from "./mailer";
import { drainOutbox } from "./outbox";
import { workerTick } from "./worker";
import type { ConsentSource } from "./schema";
import { confirmSubscriber, queueConfirmation, recordSignup, unsubscribe, type SignupResult } from "./subscriptions";

/** The app server's side of the letter: signups in group commits, and the outbox drained behind them. */
type SignupJob = { email: string; source: ConsentSource };
let signups: GroupCommit<SignupJob, SignupResult> | undefined;

async function signupQueue(): Promise<GroupCommit<SignupJob, SignupResult>> {
  const s = await store();
  signups ??= new GroupCommit(async (jobs) =>
    s.db.transaction().execute(async (trx) => {
      const now = Date.now();
      const results: SignupResult[] = [];
      for (const job of jobs) results.push(await recordSignup(trx, job.email, now, job.source));
      return results;
    }),
  );
  return signups;
}

/** Resolves once the signup (and its queued mail, if any) is committed. */
export async function signUp(email: string, source: ConsentSource = "api"): Promise<SignupResult> {
  const result = await (await signupQueue()).run({ email, source });
  if (result.mailQueued) kickOutbox();
  return result;
}

export async function resendConfirmation(subscriberId: string): Promise<boolean> {
  const s = await store();
  const subscriber = await s.db.selectFrom("subscribers").select(["id", "email", "status"]).where("id", "=", subscriberId).executeTakeFirst();
  if (!subscriber || subscriber.status !== "pending") return false;
  const result = await queueConfirmation(s.db, subscriber.id, subscriber.email, Date.now());
  if (result.mailQueued) kickOutbox();
  return true;
}

/** Confirms a pending subscriber; false when there is nothing left to confirm (they left, or were erased). */
export async function confirm(subscriberId: string): Promise<boolean> {
  return confirmSubscriber((await store()).db, subscriberId, Date.now(), env().secret);
}

/** Unsubscribes at once (and erases everything held about them when asked); leaving twice is harmless. */
export async function leave(subscriberId: string, options: { eraseAll?: boolean } = {}): Promise<boolean> {
  return unsubscribe((await store()).db, subscriberId, Date.now(), env().secret, options);
}

let draining = false;
let again = false;
let retryTimer: NodeJS.Timeout | undefined;

/** Sends due confirmation mails soon, without holding up the request that queued them. */
export function kickOutbox(): void {
  retryTimer ??= setInterval(kickOutbox, 30_000).unref();
  if (draining) {
    again = true;
    return;
  }
  draining = true;
  void (async () => {
    try {
      do {
        again = false;
        await drainOutbox(await store(), mailer(), env());
      } while (again);
    } catch (error) {
      console.error("[newsletter] outbox:", (error as Error).message);
    } finally {
      draining = false;
    }
  })();
}

const limiters = new Map<string, Promise<RateLimiterAbstract>>();

function createLimiter(s: Store, keyPrefix: string): Promise<RateLimiterAbstract> {
  const options = {
    points: env().rateLimitPerMinute,
    duration: 60,
    keyPrefix,
    tableName: "rate_limits",
    // If the shared store is busy or down, count in this process for a while rather than fail signups.
    insuranceLimiter: new RateLimiterMemory({ points: env().rateLimitPerMinute, duration: 60 }),
  };
  return new Promise((resolve, reject) => {
    // Both stores share the app's own database, so every instance counts against the same limit.
    const ready = (error?: Error) => (error ? reject(error) : resolve(created));
    const created =
      s.dialect === "postgres"
        ? new RateLimiterPostgres({ ...options, storeClient: s.pool, clearExpiredByTimeout: true }, ready)
        : // Not the signups' connection: a count is not worth a disk flush per request (one each capped
          // signups at the disk's fsync rate). See openCounterConnection for why this is safe.
          new RateLimiterSQLite({ ...options, storeClient: openCounterConnection(s), storeType: "better-sqlite3", clearExpiredByTimeout: true }, ready);
  });
}

/**
 * Counts one attempt for a client (a signup, or a request for a new confirmation link: each has its
 * own budget of SIGNUP_RATE_LIMIT_PER_MINUTE); returns the seconds to wait when over the limit.
 */
export async function rateLimit(client: string, purpose: "signup" | "resend" = "signup"): Promise<{ ok: true } | { ok: false; retryAfter: number }> {
  let limiter = limiters.get(purpose);
  if (!limiter) {
    limiter = store().then((s) => createLimiter(s, purpose));
    limiters.set(purpose, limiter);
  }
  try {
    await (await limiter).consume(client);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { ok: false, retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}

let scheduler: NodeJS.Timeout | undefined;

/**
 * The letter scheduler inside the app server (`npm start` on its defaults), so a fresh machine
 * sends Monday's letter with nothing else running. Deployments set LETTER_WORKER=off and run
 * `npm run worker` instead; should both run, the claims in deliveries.ts keep every mail to one send.
 */
export function startLetterScheduler(intervalMs = Number(process.env.WORKER_INTERVAL_MS ?? 30_000)): void {
  if (scheduler) return;
  let running = false;
  const warned = new Set<string>();
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await workerTick(await store(), mailer(), env());
      for (const l of report.letters) if (l.sent > 0 || l.failed > 0) console.log(`[letter] ${l.slug}: sent ${l.sent}, failed ${l.failed}, bounced ${l.bounced}${l.complete ? " — complete" : ""}`);
      for (const slug of report.heldBack) {
        if (!warned.has(slug)) console.warn(`[letter] ${slug} is more than 12 hours late and was held back. Send it by hand with: npm run letter:send -- ${slug}`);
        warned.add(slug);
      }
      for (const l of report.letters) if (l.failedTotal > 0 && l.complete) console.error(`[letter] ${l.slug}: ${l.failedTotal} mail(s) failed for good; see \`npm run subscribers -- stats\``);
    } catch (error) {
      console.error("[letter] scheduler:", (error as Error).message);
    } finally {
      running = false;
    }
  };
  scheduler = setInterval(() => void tick(), intervalMs).unref();
  void tick();
}
