import Database from "better-sqlite3";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { mailCount, subscriber, subscriberCount, uniqueAddress } from "./support/mail";

// Each test speaks as its own client: the test server trusts X-Forwarded-For from loopback only
// (TRUST_PROXY=loopback, as behind a proxy of our own), and the rate limit counts per client.
let client = 0;
const as = () => ({ "x-forwarded-for": `198.51.100.${(++client % 250) + 1}` });

const json = (request: APIRequestContext, body: unknown, headers: Record<string, string> = as()) =>
  request.post("/api/subscribe", { data: body as object, headers });

const SAME_ANSWER = { status: "check-inbox", message: expect.stringContaining("Check your inbox") };

test.describe("bad input gets a clear answer and stores nothing", () => {
  const rejected: [string, unknown][] = [
    ["empty", ""],
    ["whitespace only", "   \t "],
    ["over 254 characters", `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.com`],
    ["no @", "reader.example.com"],
    ["two @", "reader@home@example.com"],
    ["CR/LF header injection", "reader@example.com\r\nBcc: victim@example.org"],
    ["NUL inside", "reader@example.com\u0000"],
    ["HTML/script", "<script>alert(1)</script>@example.com"],
    ["SQL injection", "x@y.com'; DROP TABLE subscribers;--"],
    ["a number instead of text", 42],
  ];
  for (const [name, email] of rejected) {
    test(`${name} → 400 with a reason`, async ({ request }) => {
      const before = subscriberCount();
      const response = await json(request, { email });
      expect(response.status()).toBe(400);
      const body = (await response.json()) as { status: string; message: string };
      expect(body.status).toMatch(/invalid-address|missing-email/);
      expect(body.message.length).toBeGreaterThan(10);
      expect(subscriberCount()).toBe(before);
    });
  }

  test("a missing field → 400", async ({ request }) => {
    const response = await json(request, { name: "Ada" });
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { status: string }).status).toBe("missing-email");
  });

  test("JSON sent as a form → 400, nothing stored", async ({ request }) => {
    const before = subscriberCount();
    const response = await request.post("/api/subscribe", {
      headers: { ...as(), "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      data: JSON.stringify({ email: "json-as-form@example.com" }),
    });
    expect(response.status()).toBe(400);
    expect(subscriberCount()).toBe(before);
  });

  test("broken JSON → 400", async ({ request }) => {
    const response = await request.post("/api/subscribe", { headers: { ...as(), "content-type": "application/json" }, data: '{"email": ' });
    expect(response.status()).toBe(400);
  });

  test("a body over 16 KB → 413", async ({ request }) => {
    const response = await json(request, { email: "big@example.com", padding: "x".repeat(17 * 1024) });
    expect(response.status()).toBe(413);
    expect(subscriber("big@example.com")).toBeUndefined();
  });

  test("the wrong method → 405, the wrong content type → 415", async ({ request }) => {
    expect((await request.get("/api/subscribe")).status()).toBe(405);
    expect((await request.put("/api/subscribe", { data: { email: "a@b.co" } })).status()).toBe(405);
    const text = await request.post("/api/subscribe", { headers: { ...as(), "content-type": "text/plain" }, data: "email=a@b.co" });
    expect(text.status()).toBe(415);
  });
});

test("a Unicode domain is accepted and stored in its ASCII form", async ({ request }) => {
  const response = await json(request, { email: "Anna@Bücher.example" });
  expect(response.status()).toBe(202);
  expect(subscriber("anna@xn--bcher-kva.example")?.status).toBe("pending");
});

test("mixed case is one subscriber, not two, and the answer never tells", async ({ request }) => {
  const email = uniqueAddress("case");
  const first = await json(request, { email });
  const second = await json(request, { email: email.toUpperCase() });
  expect(first.status()).toBe(202);
  expect(second.status()).toBe(202);
  expect(await first.json()).toEqual(SAME_ANSWER);
  expect(await second.json()).toEqual(await first.json());
  expect(subscriber(email)).toBeDefined();
  expect(subscriber(email.toUpperCase())).toBeUndefined();
});

test("a filled honeypot is accepted silently: nothing stored, nothing sent", async ({ request }) => {
  const email = uniqueAddress("bot");
  const response = await json(request, { email, website: "http://spam.example" });
  expect(response.status()).toBe(202);
  expect(await response.json()).toEqual(SAME_ANSWER);
  await new Promise((r) => setTimeout(r, 500));
  expect(subscriber(email)).toBeUndefined();
  expect(mailCount(email)).toBe(0);
});

test("cross-origin browser posts are refused, and so is Origin: null", async ({ request }) => {
  for (const origin of ["https://evil.example", "null"]) {
    const email = uniqueAddress("csrf");
    const response = await request.post("/api/subscribe", { headers: { ...as(), origin }, form: { email } });
    expect(response.status()).toBe(403);
    expect(subscriber(email)).toBeUndefined();
  }
  const own = await request.post("/api/subscribe", { headers: { ...as(), origin: baseURL, accept: "application/json" }, form: { email: uniqueAddress("own") } });
  expect(own.status()).toBe(202);
});

test("the same address 50 times in a minute: one row, at most one mail", async ({ request }) => {
  const email = uniqueAddress("fifty");
  for (let i = 0; i < 50; i++) {
    const response = await json(request, { email }, { "x-forwarded-for": `203.0.113.${(i % 50) + 1}` });
    expect(response.status()).toBe(202);
  }
  expect(subscriber(email)).toBeDefined();
  await expect.poll(() => mailCount(email), { timeout: 15_000 }).toBe(1);
  await new Promise((r) => setTimeout(r, 1_000));
  expect(mailCount(email)).toBe(1);
});

test("many addresses from one client hit a 429 with Retry-After", async ({ request }) => {
  const headers = { "x-forwarded-for": "192.0.2.200" };
  let limited: APIResponse | undefined;
  for (let i = 0; i < 25 && !limited; i++) {
    const response = await json(request, { email: uniqueAddress("spray") }, headers);
    if (response.status() === 429) limited = response;
    else expect(response.status()).toBe(202);
  }
  expect(limited).toBeDefined();
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);
});

test("a database too busy to answer gives 503, never a success without a commit", async ({ request }) => {
  const email = uniqueAddress("busy");
  const db = new Database("test-results/e2e.db");
  db.pragma("busy_timeout = 2000");
  db.exec("BEGIN EXCLUSIVE");
  try {
    const response = await json(request, { email });
    expect(response.status()).toBe(503);
    expect(response.headers()["retry-after"]).toBeDefined();
  } finally {
    db.exec("ROLLBACK");
    db.close();
  }
  expect(subscriber(email)).toBeUndefined();
  // And the server is still up and well.
  expect((await json(request, { email })).status()).toBe(202);
});
