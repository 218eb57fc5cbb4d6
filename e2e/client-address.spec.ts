import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import type { ProxiedSite } from "../scripts/site.mjs";
import { killGroup, startBareNext, startSiteServer, stopSiteServer } from "./support/site-server";

// Which address the signup rate limit counts: the one nginx saw the request come from (it passes it
// to the app tagged with a secret they share), unless TRUST_PROXY says whose X-Forwarded-For to
// believe. Each case gets a site of its own (limit 10 a minute, SQLite in test-results/), so the
// main test server's settings play no part.
const BASE = Number(process.env.E2E_PORT ?? 3100);
const SECRET = "client-address-test-secret-0123456789abcdef";

test.describe.configure({ mode: "serial", timeout: 120_000 });

function serverEnv(port: number, extra: Record<string, string>): NodeJS.ProcessEnv {
  const dir = `test-results/client-address-${port}`;
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEWSLETTER_SECRET: SECRET,
    SITE_URL: `http://127.0.0.1:${port}`,
    SQLITE_PATH: `${dir}/db.sqlite`,
    OUTBOX_DIR: `${dir}/outbox`,
    SMTP_URL: "",
    DATABASE_URL: "",
    SIGNUP_RATE_LIMIT_PER_MINUTE: "10",
    LETTER_WORKER: "off",
    ...extra,
  };
}
const startServer = (port: number, extra: Record<string, string>) => startSiteServer(port, serverEnv(port, extra));
const stop = stopSiteServer;

const signup = (port: number, i: number, headers: Record<string, string>) =>
  fetch(`http://127.0.0.1:${port}/api/subscribe`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email: `client-${port}-${i}@example.com` }),
  }).then(async (r) => (await r.arrayBuffer(), r.status));

test.describe("without TRUST_PROXY", () => {
  let server: ProxiedSite | undefined;
  const port = BASE + 3;
  test.beforeAll(async () => {
    server = await startServer(port, {});
  });
  test.afterAll(() => stop(server));

  test("rotating X-Forwarded-For (or forging the peer header nginx sets) gains nothing: the 11th signup in a minute gets 429", async () => {
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(await signup(port, i, { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `203.0.113.${i + 1}`, "x-lumomate-peer": `192.0.2.${i + 1} forged` }));
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  test("asking for a new confirmation link is limited per client the same way", async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/api/resend`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `198.51.100.${i + 1}` },
        body: new URLSearchParams({ token: "not-a-token" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(303));
    expect(statuses[10]).toBe(429);
  });
});

test.describe("with TRUST_PROXY=1", () => {
  let server: ProxiedSite | undefined;
  const port = BASE + 4;
  test.beforeAll(async () => {
    server = await startServer(port, { TRUST_PROXY: "1" });
  });
  test.afterAll(() => stop(server));

  test("the address the one proxy in front forwarded is the client: each has its own budget", async () => {
    const spread = [];
    for (let i = 0; i < 12; i++) spread.push(await signup(port, i, { "x-forwarded-for": `198.51.100.${i + 1}` }));
    expect(spread).toEqual(Array(12).fill(202));
    // Only the nearest hop counts: an address a client put further left changes nothing.
    const one = [];
    for (let i = 0; i < 11; i++) one.push(await signup(port, 100 + i, { "x-forwarded-for": `10.9.9.${i + 1}, 192.0.2.77` }));
    expect(one.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(one[10]).toBe(429);
  });
});

test.describe("Next reached directly, not through nginx", () => {
  let server: ChildProcess | undefined;
  const port = BASE + 5;
  test.beforeAll(async () => {
    server = await startBareNext(port, { ...serverEnv(port, { TRUST_PROXY: "1" }), LUMOMATE_PEER_TAG: "the-proxy-secret-0123456789" });
  });
  test.afterAll(() => killGroup(server));

  test("a peer header without the proxy's secret is ignored: forged addresses all share one budget", async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(await signup(port, i, { "x-forwarded-for": `198.51.100.${i + 1}`, "x-lumomate-peer": `192.0.2.${i + 1} not-the-secret` }));
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses[10]).toBe(429);
  });
});
