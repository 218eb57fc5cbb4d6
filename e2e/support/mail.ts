import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { simpleParser, type ParsedMail } from "mailparser";

const MAIL_DIR = "test-results/mail";

/** Waits for the mail-catcher to hold `count` messages to `address`, and returns them parsed. */
export async function mailsTo(address: string, count = 1, timeoutMs = 15_000): Promise<(ParsedMail & { raw: string })[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR).filter((f) => f.endsWith(`-${address}.eml`)).sort() : [];
    if (files.length >= count) {
      return Promise.all(
        files.map(async (f) => {
          const raw = fs.readFileSync(path.join(MAIL_DIR, f), "utf8");
          return Object.assign(await simpleParser(raw), { raw });
        }),
      );
    }
    if (Date.now() > until) throw new Error(`expected ${count} mail(s) to ${address}, found ${files.length}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function mailCount(address: string): number {
  return fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR).filter((f) => f.endsWith(`-${address}.eml`)).length : 0;
}

/** Reads the test server's own SQLite file, to check what was (and was not) stored. */
export function subscriber(email: string): { id: string; status: string } | undefined {
  const db = new Database("test-results/e2e.db", { readonly: true, fileMustExist: true });
  try {
    return db.prepare("select id, status from subscribers where email = ?").get(email) as { id: string; status: string } | undefined;
  } finally {
    db.close();
  }
}

/** Whether the server keeps the keyed hash of an address that left (HMAC-SHA256 with its secret, as docs/privacy.md says). */
export function suppressed(email: string, secret: string): boolean {
  const hash = createHmac("sha256", secret).update(`suppression:${email}`).digest("hex");
  const db = new Database("test-results/e2e.db", { readonly: true, fileMustExist: true });
  try {
    return db.prepare("select 1 from suppressions where address_hash = ?").get(hash) !== undefined;
  } finally {
    db.close();
  }
}

export function subscriberCount(): number {
  const db = new Database("test-results/e2e.db", { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select count(*) as n from subscribers").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

let counter = 0;
/** An address no other test uses. */
export const uniqueAddress = (tag: string) => `${tag}-${process.pid}-${Date.now()}-${++counter}@example.com`;
