import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { ConfigError, readEnv, requirePeerTag } from "./env";

const GOOD_SECRET = "x".repeat(48);
const TAG = "proxy-tag-0123456789abcdef";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected readEnv to throw");
}

describe("readEnv in production", () => {
  it("refuses to start without NEWSLETTER_SECRET and SITE_URL, naming both", () => {
    const error = thrown(() => readEnv({ NODE_ENV: "production" }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/without NEWSLETTER_SECRET and SITE_URL\./);
  });

  it("refuses to serve without the proxy's peer tag, or with one nginx could not carry in a header", () => {
    for (const tag of [undefined, "short", "has space in it 0123456789", 'quote"0123456789abcdef']) {
      const error = thrown(() => requirePeerTag({ NODE_ENV: "production", LUMOMATE_PEER_TAG: tag })) as Error;
      expect(error, String(tag)).toBeInstanceOf(ConfigError);
      expect(error.message, String(tag)).toMatch(/without LUMOMATE_PEER_TAG/);
    }
    expect(() => requirePeerTag({ NODE_ENV: "production", LUMOMATE_PEER_TAG: TAG })).not.toThrow();
    expect(() => requirePeerTag({ NODE_ENV: "production", LUMOMATE_ALLOW_DEV_DEFAULTS: "1" })).not.toThrow();
    expect(() => requirePeerTag({ NODE_ENV: "development" })).not.toThrow();
  });

  it("names only the missing variable", () => {
    const noSecret = thrown(() => readEnv({ NODE_ENV: "production", SITE_URL: "https://lumomate.example", LUMOMATE_PEER_TAG: TAG })) as Error;
    expect(noSecret).toBeInstanceOf(ConfigError);
    expect(noSecret.message).toMatch(/without NEWSLETTER_SECRET\b/);
    expect(noSecret.message).not.toMatch(/without NEWSLETTER_SECRET and SITE_URL/);

    const noUrl = thrown(() => readEnv({ NODE_ENV: "production", NEWSLETTER_SECRET: GOOD_SECRET, LUMOMATE_PEER_TAG: TAG })) as Error;
    expect(noUrl).toBeInstanceOf(ConfigError);
    expect(noUrl.message).toMatch(/without SITE_URL\b/);
  });

  it("treats empty values as missing", () => {
    const error = thrown(() => readEnv({ NODE_ENV: "production", NEWSLETTER_SECRET: "", SITE_URL: "" }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/NEWSLETTER_SECRET and SITE_URL/);
  });

  it("refuses a secret shorter than 32 characters", () => {
    const error = thrown(() =>
      readEnv({ NODE_ENV: "production", NEWSLETTER_SECRET: "x".repeat(31), SITE_URL: "https://lumomate.example", LUMOMATE_PEER_TAG: TAG }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/NEWSLETTER_SECRET/);
    expect((error as Error).message).toMatch(/32/);
  });

  it("starts with a real secret and URL", () => {
    const env = readEnv({ NODE_ENV: "production", NEWSLETTER_SECRET: "x".repeat(32), SITE_URL: "https://lumomate.example", LUMOMATE_PEER_TAG: TAG });
    expect(env.production).toBe(true);
    expect(env.secret).toBe("x".repeat(32));
    expect(env.siteUrl).toBe("https://lumomate.example");
    expect(env.unsubscribeMailbox).toBe("unsubscribe@lumomate.example");
  });

  it("LUMOMATE_ALLOW_DEV_DEFAULTS=1 allows the defaults", () => {
    const env = readEnv({ NODE_ENV: "production", LUMOMATE_ALLOW_DEV_DEFAULTS: "1" });
    expect(env.production).toBe(false);
    expect(env.secret.length).toBeGreaterThan(0);
    expect(env.siteUrl).toBe("http://127.0.0.1:3000");
  });

  it("any other LUMOMATE_ALLOW_DEV_DEFAULTS value does not", () => {
    for (const value of ["0", "true", "yes", ""]) {
      expect(() => readEnv({ NODE_ENV: "production", LUMOMATE_ALLOW_DEV_DEFAULTS: value })).toThrow(ConfigError);
    }
  });
});

describe("readEnv outside production", () => {
  it.each([{}, { NODE_ENV: "development" }, { NODE_ENV: "test" }])("uses the development defaults (%o)", (source) => {
    const env = readEnv(source);
    expect(env.production).toBe(false);
    expect(typeof env.secret).toBe("string");
    expect(env.secret.length).toBeGreaterThan(0);
    expect(env.siteUrl).toBe("http://127.0.0.1:3000");
  });

  it("uses the defaults when the variables are set but empty (e.g. a blank line in .env)", () => {
    const env = readEnv({ NODE_ENV: "development", NEWSLETTER_SECRET: "", SITE_URL: "" });
    expect(env.secret.length).toBeGreaterThan(0);
    expect(env.siteUrl).toBe("http://127.0.0.1:3000");
  });

  it("does not read process.env when given an explicit source", () => {
    const env = readEnv({ NODE_ENV: "development", NEWSLETTER_SECRET: "from-source" });
    expect(env.secret).toBe("from-source");
  });
});

describe("SITE_URL", () => {
  it.each([
    ["https://lumomate.example/", "https://lumomate.example"],
    ["https://lumomate.example///", "https://lumomate.example"],
    ["https://lumomate.example/newsletter/", "https://lumomate.example/newsletter"],
    ["https://lumomate.example", "https://lumomate.example"],
  ])("strips trailing slashes: %s", (input, expected) => {
    expect(readEnv({ NODE_ENV: "production", NEWSLETTER_SECRET: GOOD_SECRET, SITE_URL: input, LUMOMATE_PEER_TAG: TAG }).siteUrl).toBe(expected);
    expect(readEnv({ SITE_URL: input }).siteUrl).toBe(expected);
  });
});

describe("settings are checked at start, one line per bad value", () => {
  it("names every bad value on its own line", () => {
    const error = thrown(() => readEnv({ LETTER_TIME_ZONE: "Europe/Londn", SIGNUP_RATE_LIMIT_PER_MINUTE: "ten", TRUST_PROXY: "not-an-address", LETTER_WORKER: "maybe", SMTP_URL: "mail.example.com" })) as Error;
    expect(error).toBeInstanceOf(ConfigError);
    const lines = error.message.split("\n").slice(1);
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.includes("LETTER_TIME_ZONE"))).toMatch(/"Europe\/Londn": is not an IANA time zone/);
    expect(lines.find((l) => l.includes("SIGNUP_RATE_LIMIT_PER_MINUTE"))).toMatch(/"ten"/);
    expect(lines.find((l) => l.includes("TRUST_PROXY"))).toMatch(/hop count/);
    expect(lines.find((l) => l.includes("LETTER_WORKER"))).toMatch(/on or off/);
    expect(lines.find((l) => l.includes("SMTP_URL"))).toMatch(/smtp:\/\//);
  });

  it("refuses a send timeout that could outlive the claim on a mail", () => {
    expect(() => readEnv({ LETTER_LEASE_MS: "60000", SMTP_SEND_TIMEOUT_MS: "30000" })).toThrow(/a third of LETTER_LEASE_MS/);
  });

  it("reads TRUST_PROXY as Express does: none by default, a hop count, or addresses", () => {
    expect(readEnv({}).trustProxy).toEqual({ kind: "none" });
    expect(readEnv({ TRUST_PROXY: "2" }).trustProxy).toEqual({ kind: "hops", hops: 2 });
    expect(readEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toMatchObject({ kind: "addresses", list: ["loopback", "10.0.0.0/8"] });
    expect(() => readEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
  });

  it("defaults: letters in-process on, 48 hours of retries", () => {
    const env = readEnv({});
    expect(env.letterWorker).toBe(true);
    expect(env.retryWindowMs).toBe(48 * 3600 * 1000);
    expect(readEnv({ LETTER_WORKER: "off" }).letterWorker).toBe(false);
  });
});
