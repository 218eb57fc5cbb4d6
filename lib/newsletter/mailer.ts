import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { env } from "./env";

export type Mailer = { send: (message: Mail.Options) => Promise<void>; close: () => void };

/**
 * SMTP when SMTP_URL is set; otherwise each message is written as an .eml file into the outbox
 * folder, so the site runs with no mail server at all.
 */
export function createMailer(options: { smtpUrl?: string; outboxDir?: string } = {}): Mailer {
  const smtpUrl = options.smtpUrl ?? env().smtpUrl;
  if (smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(smtpUrl);
    return {
      send: async (message) => {
        await transport.sendMail(message);
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
      await fs.writeFile(path.join(dir, `${Date.now()}-${id}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

let shared: Mailer | undefined;
export function mailer(): Mailer {
  shared ??= createMailer();
  return shared;
}
