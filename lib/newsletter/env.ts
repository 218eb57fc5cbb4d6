import "server-only";
import { z } from "zod";
import { parseTrustProxy, type TrustProxy } from "./clientAddress";

/**
 * Settings from the environment. Development gets safe defaults; production refuses to start
 * without a real secret and the public URL, loudly, rather than signing links with a known key.
 */
const DEV_SECRET = "lumomate-development-secret-do-not-use-in-production";
const DEV_SITE_URL = "http://127.0.0.1:3000";

export type Env = {
  production: boolean;
  secret: string;
  siteUrl: string;
  databaseUrl: string | undefined;
  sqlitePath: string;
  smtpUrl: string | undefined;
  outboxDir: string;
  mailFrom: string;
  unsubscribeMailbox: string;
  letterTimeZone: string;
  rateLimitPerMinute: number;
  confirmationsPerHour: number;
  /** Which forwarded address to believe (Express `trust proxy` semantics); none by default. */
  trustProxy: TrustProxy;
  /** `npm start` runs the letter scheduler in the server process unless this is false. */
  letterWorker: boolean;
  /** How long transient failures are retried before a mail is marked failed. */
  retryWindowMs: number;
  /** How long a claim on a mail lasts; one mail's SMTP exchange is bounded well below it. */
  leaseMs: number;
  /** The longest one SMTP exchange may take (connect + greeting + the message), < leaseMs / 3. */
  sendTimeoutMs: number;
};

export class ConfigError extends Error {}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const production = source.NODE_ENV === "production" && source.LUMOMATE_ALLOW_DEV_DEFAULTS !== "1";
  const missing = ["NEWSLETTER_SECRET", "SITE_URL"].filter((key) => !source[key]);
  if (production && missing.length > 0) {
    throw new ConfigError(
      `Refusing to start in production without ${missing.join(" and ")}. Set them in the environment ` +
        `(NEWSLETTER_SECRET: 32+ random bytes, e.g. \`openssl rand -base64 48\`; SITE_URL: the public https origin). ` +
        `For a local production build, LUMOMATE_ALLOW_DEV_DEFAULTS=1 uses the development defaults.`,
    );
  }
  const secret = source.NEWSLETTER_SECRET || DEV_SECRET;
  if (production && secret.length < 32) throw new ConfigError("NEWSLETTER_SECRET must be at least 32 characters in production.");
  const parsed = settings.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? "setting")}=${JSON.stringify(source[String(issue.path[0])] ?? "")}: ${issue.message}`);
    throw new ConfigError(`Bad settings:\n  ${lines.join("\n  ")}`);
  }
  const v = parsed.data;
  const siteUrl = (v.SITE_URL || DEV_SITE_URL).replace(/\/+$/, "");
  const host = new URL(siteUrl).hostname;
  const mailHost = host === "127.0.0.1" || host === "localhost" ? "lumomate.localhost" : host;
  return {
    production,
    secret,
    siteUrl,
    databaseUrl: v.DATABASE_URL || undefined,
    sqlitePath: v.SQLITE_PATH,
    smtpUrl: v.SMTP_URL || undefined,
    outboxDir: v.OUTBOX_DIR,
    mailFrom: v.MAIL_FROM ?? `LumoMate <letter@${mailHost}>`,
    unsubscribeMailbox: v.UNSUBSCRIBE_MAILBOX ?? `unsubscribe@${mailHost}`,
    letterTimeZone: v.LETTER_TIME_ZONE,
    rateLimitPerMinute: v.SIGNUP_RATE_LIMIT_PER_MINUTE,
    confirmationsPerHour: v.CONFIRMATIONS_PER_HOUR,
    trustProxy: v.TRUST_PROXY,
    letterWorker: v.LETTER_WORKER,
    retryWindowMs: v.LETTER_RETRY_HOURS * 3600_000,
    leaseMs: v.LETTER_LEASE_MS,
    sendTimeoutMs: v.SMTP_SEND_TIMEOUT_MS,
  };
}

/**
 * A serving instance in production also needs the secret nginx tags each client's address with
 * (lib/newsletter/clientAddress.ts): without it every reader would share one rate limit. The
 * command-line worker serves no one and does not ask for it.
 */
export function requirePeerTag(source: NodeJS.ProcessEnv = process.env): void {
  if (source.NODE_ENV !== "production" || source.LUMOMATE_ALLOW_DEV_DEFAULTS === "1") return;
  if (!/^[A-Za-z0-9_-]{16,}$/.test(source.LUMOMATE_PEER_TAG ?? "")) {
    throw new ConfigError(
      "Refusing to serve in production without LUMOMATE_PEER_TAG: 16 or more letters, digits, _ or -, the same value as in the " +
        "proxy's config (deploy/nginx.conf; e.g. `openssl rand -hex 24`). Without it every reader shares one rate limit.",
    );
  }
}

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const count = (fallback: number, min = 1) => z.coerce.number().int(`must be a whole number`).min(min, `must be at least ${min}`).default(fallback);
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .optional()
    .refine((value) => {
      if (!value) return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`);

/** Every setting the server and the worker read; each bad value is reported on its own line. */
const settings = z
  .object({
    SITE_URL: optionalUrl(["http:", "https:"]),
    DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
    SQLITE_PATH: z.string().min(1, "must not be empty").default("data/lumomate.db"),
    SMTP_URL: optionalUrl(["smtp:", "smtps:"]),
    OUTBOX_DIR: z.string().min(1, "must not be empty").default("outbox"),
    MAIL_FROM: z.string().min(3).optional(),
    UNSUBSCRIBE_MAILBOX: z.string().regex(/^[^@\s]+@[^@\s]+$/, "must be an address like unsubscribe@example.com").optional(),
    LETTER_TIME_ZONE: z.string().refine(isTimeZone, "is not an IANA time zone (e.g. Europe/London, America/New_York)").default("Europe/London"),
    SIGNUP_RATE_LIMIT_PER_MINUTE: count(10),
    CONFIRMATIONS_PER_HOUR: count(500),
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseTrustProxy(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      }),
    LETTER_WORKER: z.enum(["on", "off"], "must be on or off").default("on").transform((v) => v === "on"),
    LETTER_RETRY_HOURS: z.coerce.number().positive("must be a positive number of hours").default(48),
    LETTER_LEASE_MS: count(5 * 60_000, 1),
    SMTP_SEND_TIMEOUT_MS: count(60_000, 1),
  })
  .refine((v) => v.SMTP_SEND_TIMEOUT_MS * 3 <= v.LETTER_LEASE_MS, {
    path: ["SMTP_SEND_TIMEOUT_MS"],
    message: "must be at most a third of LETTER_LEASE_MS, so one mail can never outlive its claim",
  });

let cached: Env | undefined;
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
