import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { env } from "./env";

export type Mailer = { send: (message: Mail.Options) => Promise<void>; close: () => void };

export class SendTimeout extends Error {
  readonly code = "ESENDTIMEOUT";
}

/**
 * SMTP when SMTP_URL is set; otherwise each message is written as an .eml file into the outbox
 * folder, so the site runs with no mail server at all.
 *
 * SMTP goes through a pool of kept-open connections. Every wait is bounded well below the claim
 * a worker holds on a mail (LETTER_LEASE_MS): connecting and the greeting 10 s each, any silence
 * 30 s, and one whole exchange `sendTimeoutMs` (at most a third of the lease, checked in env.ts);
 * past that the pool is closed and rebuilt, and the mail counts as a transient failure. So a mail
 * is never still on the wire when its claim runs out and another worker may take it.
 */
export function createMailer(options: { smtpUrl?: string; outboxDir?: string; sendTimeoutMs?: number } = {}): Mailer {
  const smtpUrl = options.smtpUrl ?? env().smtpUrl;
  if (smtpUrl) {
    const sendTimeoutMs = options.sendTimeoutMs ?? env().sendTimeoutMs;
    const timeouts = { connectionTimeout: Math.min(10_000, sendTimeoutMs), greetingTimeout: Math.min(10_000, sendTimeoutMs), socketTimeout: Math.min(30_000, sendTimeoutMs) };
    const open = (): Transporter => nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 2, maxMessages: 500, ...timeouts });
    let transport = open();
    return {
      send: async (message) => {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new SendTimeout(`SMTP exchange took longer than ${sendTimeoutMs} ms`)), sendTimeoutMs);
        });
        try {
          await Promise.race([transport.sendMail(message), deadline]);
        } catch (error) {
          if (error instanceof SendTimeout) {
            // Abandon the stuck connection, so that mail can no longer be completed behind our back.
            transport.close();
            transport = open();
          }
          throw error;
        } finally {
          clearTimeout(timer);
        }
      },
      close: () => transport.close(),
    };
  }
  const dir = options.outboxDir ?? env().outboxDir;
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    send: async (message) => {
      const info = await transport.sendMail(message);
      await fs.mkdir(dir, { recursive: true });
      const id = String(info.messageId ?? Date.now()).replace(/[^a-z0-9.@-]/gi, "");
      // Not a file the build should trace (it would copy every .eml under the project into the release).
      await fs.writeFile(path.join(/* turbopackIgnore: true */ dir, `${Date.now()}-${id}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

let shared: Mailer | undefined;
export function mailer(): Mailer {
  shared ??= createMailer();
  return shared;
}
