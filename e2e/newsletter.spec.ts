import { expect, test } from "@playwright/test";
import { signToken } from "../lib/newsletter/tokens";
import { E2E_SECRET } from "../playwright.config";
import { mailsTo, subscriber, suppressed, uniqueAddress } from "./support/mail";

const confirmLink = (text: string) => text.match(/https?:\/\/\S+\/newsletter\/confirm\?token=[\w.-]+/)![0];

test("subscribe from an entry page, get the mail, confirm with one press", async ({ page }) => {
  const email = uniqueAddress("reader");
  await page.goto("/glossary/gpu");
  const box = page.locator(".letterbox");
  await expect(box).toContainText("Monday 08:00, London time");
  await box.getByLabel("Your e-mail address").fill(email);
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(box.getByRole("status")).toHaveText(/Check your inbox/);
  await expect(page).toHaveURL(/\/glossary\/gpu$/); // answered inline, no reload

  const [mail] = await mailsTo(email);
  expect(mail.subject).toBe("Confirm your LumoMate letter");
  const link = confirmLink(mail.text!);
  expect(subscriber(email)?.status).toBe("pending");

  // Opening the link (as a mail scanner would) changes nothing…
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your subscription");
  expect(subscriber(email)?.status).toBe("pending");
  // …only the button's POST confirms.
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/newsletter\/confirmed$/);
  expect(subscriber(email)?.status).toBe("confirmed");
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });
  test("the signup form still works, through a 303 to a result page", async ({ page }) => {
    const email = uniqueAddress("nojs");
    await page.goto("/glossary/deep-learning");
    const box = page.locator(".letterbox");
    await box.getByLabel("Your e-mail address").fill(email);
    await box.getByRole("button", { name: "Subscribe" }).click();
    await expect(page).toHaveURL(/\/newsletter\/check-inbox$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your inbox");
    await mailsTo(email);
    expect(subscriber(email)?.status).toBe("pending");
  });

  test("a mistyped address comes back with the error and the typed text kept", async ({ page }) => {
    await page.goto("/newsletter");
    // The browser's own check passes this; ours does not (a domain needs a dot).
    await page.getByLabel("Your e-mail address").fill("reader@localhost");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("That address does not look right");
    await expect(page.getByLabel("Your e-mail address")).toHaveValue("reader@localhost");
    // The typed address came back through a one-page cookie: it is in no URL.
    expect(page.url()).not.toContain("localhost%40");
    expect(page.url()).not.toMatch(/email=|reader/);
  });
});

test("one-click unsubscribe (RFC 8058) from the mail's header, and coming back later", async ({ page, request }) => {
  const email = uniqueAddress("leaver");
  const signup = await request.post("/api/subscribe", { data: { email }, headers: { "x-forwarded-for": "192.0.2.10" } });
  expect(signup.status()).toBe(202);
  const [mail] = await mailsTo(email);
  await page.goto(confirmLink(mail.text!));
  await page.getByRole("button", { name: "Confirm" }).click();
  expect(subscriber(email)?.status).toBe("confirmed");

  const header = mail.raw.replace(/\r?\n\s+/g, " ").match(/List-Unsubscribe: <(https?:[^>]+)>, <mailto:[^>]+>/)![1];
  expect(mail.raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  // What a mail client does: POST to the URL with the one-click body, and no Origin.
  const oneClick = await request.post(header, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  // Gone: only a keyed hash of the address stays, for suppression.
  expect(subscriber(email)).toBeUndefined();
  expect(suppressed(email, E2E_SECRET)).toBe(true);

  // Re-subscribing later works, through a new confirmation.
  const back = await request.post("/api/subscribe", { data: { email }, headers: { "x-forwarded-for": "192.0.2.10" } });
  expect(back.status()).toBe(202);
  expect(subscriber(email)?.status).toBe("pending");
});

test("an authentic unsubscribe link from a letter kept for a year still works; a forged one does not", async ({ request }) => {
  const email = uniqueAddress("oldletter");
  await request.post("/api/subscribe", { data: { email }, headers: { "x-forwarded-for": "192.0.2.13" } });
  const id = subscriber(email)!.id;
  const yearOld = signToken(E2E_SECRET, id, "unsubscribe", Date.now() - 365 * 24 * 3600 * 1000);
  const old = await request.post(`/api/unsubscribe?token=${yearOld}`, { form: { "List-Unsubscribe": "One-Click" } });
  expect(old.status()).toBe(200);
  expect(subscriber(email)).toBeUndefined();
  // Again: leaving is idempotent.
  expect((await request.post(`/api/unsubscribe?token=${yearOld}`, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(200);
  const forged = signToken("not-our-secret-0123456789abcdef0123456789", id, "unsubscribe");
  expect((await request.post(`/api/unsubscribe?token=${forged}`, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(400);
});

test("the unsubscribe link in the body opens a page; only its button unsubscribes", async ({ page, request }) => {
  const email = uniqueAddress("bodylink");
  await request.post("/api/subscribe", { data: { email }, headers: { "x-forwarded-for": "192.0.2.11" } });
  const [mail] = await mailsTo(email);
  const id = subscriber(email)!.id;
  await page.goto(confirmLink(mail.text!));
  await page.getByRole("button", { name: "Confirm" }).click();
  const link = String(mail.html).match(/href="([^"]*\/newsletter\/unsubscribe\?token=[^"]+)"/)![1];
  expect(link).toContain(signToken(E2E_SECRET, id, "unsubscribe").split(".")[0]);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unsubscribe from the letter?");
  expect(subscriber(email)?.status).toBe("confirmed");
  await page.getByLabel("Also delete everything you hold about me").check();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page).toHaveURL(/\/newsletter\/unsubscribed\?erased=1$/);
  await expect(page.getByText("Everything we held about you")).toBeVisible();
  // Nothing left: no row, and no hash either.
  expect(subscriber(email)).toBeUndefined();
  expect(suppressed(email, E2E_SECRET)).toBe(false);
});

test("an expired link offers a new mail; a tampered one says so plainly", async ({ page, request }) => {
  const email = uniqueAddress("expired");
  await request.post("/api/subscribe", { data: { email }, headers: { "x-forwarded-for": "192.0.2.12" } });
  await mailsTo(email);
  const id = subscriber(email)!.id;
  const eightDaysAgo = Date.now() - 8 * 24 * 3600 * 1000;
  await page.goto(`/newsletter/confirm?token=${signToken(E2E_SECRET, id, "confirm", eightDaysAgo)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired");
  await expect(page.getByRole("button", { name: "Send me a new link" })).toBeVisible();

  const token = signToken(E2E_SECRET, id, "confirm");
  await page.goto(`/newsletter/confirm?token=${token.slice(0, -3)}abc`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link is not valid");
  // A token for another purpose cannot confirm either.
  await page.goto(`/newsletter/confirm?token=${signToken(E2E_SECRET, id, "unsubscribe")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link is not valid");
  expect(subscriber(email)?.status).toBe("pending");
});

test("the letter archive, each letter's page and the RSS feed", async ({ page, request }) => {
  await page.goto("/letters");
  const first = page.locator(".letter-list a").first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).not.toBeEmpty();
  await expect(page.locator(".prose a[href^='/glossary/']").first()).toBeVisible();
  const feed = await request.get("/letters/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await feed.text();
  expect(xml).toContain("<rss");
  expect((xml.match(/<item>/g) ?? []).length).toBeGreaterThanOrEqual(2);
});
