import "server-only";

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
  const siteUrl = (source.SITE_URL || DEV_SITE_URL).replace(/\/+$/, "");
  const host = new URL(siteUrl).hostname;
  return {
    production,
    secret,
    siteUrl,
    databaseUrl: source.DATABASE_URL || undefined,
    sqlitePath: source.SQLITE_PATH ?? "data/lumomate.db",
    smtpUrl: source.SMTP_URL || undefined,
    outboxDir: source.OUTBOX_DIR ?? "outbox",
    mailFrom: source.MAIL_FROM ?? `LumoMate <letter@${host === "127.0.0.1" || host === "localhost" ? "lumomate.localhost" : host}>`,
    unsubscribeMailbox: source.UNSUBSCRIBE_MAILBOX ?? `unsubscribe@${host === "127.0.0.1" || host === "localhost" ? "lumomate.localhost" : host}`,
    letterTimeZone: source.LETTER_TIME_ZONE ?? "Europe/London",
    rateLimitPerMinute: Number(source.SIGNUP_RATE_LIMIT_PER_MINUTE ?? 10),
    confirmationsPerHour: Number(source.CONFIRMATIONS_PER_HOUR ?? 500),
  };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
