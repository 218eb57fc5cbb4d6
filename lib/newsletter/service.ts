import "server-only";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from "rate-limiter-flexible";
import { openCounterConnection, store, type Store } from "./db";
import { env } from "./env";
import { GroupCommit } from "./groupCommit";
import { mailer } from "./mailer";
import { drainOutbox } from "./outbox";
import { HourlyCap, queueConfirmation, recordSignup, type SignupResult } from "./subscriptions";

/** The app server's side of the letter: signups in group commits, and the outbox drained behind them. */
let signups: GroupCommit<string, SignupResult> | undefined;

async function signupQueue(): Promise<GroupCommit<string, SignupResult>> {
  const s = await store();
  signups ??= new GroupCommit(async (emails) =>
    s.db.transaction().execute(async (trx) => {
      const now = Date.now();
      const cap = new HourlyCap(env().confirmationsPerHour); // this transaction's count of the hour's mails
      const results: SignupResult[] = [];
      for (const email of emails) results.push(await recordSignup(trx, email, now, cap));
      return results;
    }),
  );
  return signups;
}

/** Resolves once the signup (and its queued mail, if any) is committed. */
export async function signUp(email: string): Promise<SignupResult> {
  const result = await (await signupQueue()).run(email);
  if (result.mailQueued) kickOutbox();
  return result;
}

export async function resendConfirmation(subscriberId: string): Promise<boolean> {
  const s = await store();
  const subscriber = await s.db.selectFrom("subscribers").select(["id", "email", "status"]).where("id", "=", subscriberId).executeTakeFirst();
  if (!subscriber || subscriber.status !== "pending") return false;
  const result = await queueConfirmation(s.db, subscriber.id, subscriber.email, Date.now(), env().confirmationsPerHour);
  if (result.mailQueued) kickOutbox();
  return true;
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

let limiter: Promise<RateLimiterAbstract> | undefined;

function createLimiter(s: Store): Promise<RateLimiterAbstract> {
  const options = {
    points: env().rateLimitPerMinute,
    duration: 60,
    keyPrefix: "signup",
    tableName: "rate_limits",
    // If the shared store is busy or down, count in this process for a while rather than fail signups.
    insuranceLimiter: new RateLimiterMemory({ points: env().rateLimitPerMinute, duration: 60 }),
  };
  return new Promise((resolve, reject) => {
    // Both stores share the app's own database, so every instance counts against the same limit.
    const ready = (error?: unknown) => (error ? reject(error) : resolve(created));
    const created =
      s.dialect === "postgres"
        ? new RateLimiterPostgres({ ...options, storeClient: s.pool, clearExpiredByTimeout: true }, ready)
        : // Not the signups' connection: a count is not worth a disk flush per request (one each capped
          // signups at the disk's fsync rate). See openCounterConnection for why this is safe.
          new RateLimiterSQLite({ ...options, storeClient: openCounterConnection(s), storeType: "better-sqlite3", clearExpiredByTimeout: true }, ready);
  });
}

/** Counts one signup attempt for a client; returns the seconds to wait when over the limit. */
export async function rateLimit(client: string): Promise<{ ok: true } | { ok: false; retryAfter: number }> {
  limiter ??= store().then(createLimiter);
  try {
    await (await limiter).consume(client);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { ok: false, retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}
