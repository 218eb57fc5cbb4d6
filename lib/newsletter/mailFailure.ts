/**
 * What a failed send means. A permanent refusal of the address — SMTP 5xx in answer to RCPT TO or
 * to the message itself (DATA) — is a bounce: that address is not mailed again until it signs up
 * afresh. Everything else (4xx, a dropped connection, a timeout, a relay that is down, even a 5xx
 * to our own MAIL FROM or login, which is our configuration and not the reader's address) is
 * transient and retried until the retry window closes.
 */
export type MailFailure = { kind: "bounce" | "transient"; message: string };

export function classifyFailure(error: unknown): MailFailure {
  const e = error as { responseCode?: number; command?: string; message?: string };
  const message = String(e?.message ?? error).slice(0, 500);
  const atAddress = typeof e?.command === "string" && /^(RCPT|DATA)/i.test(e.command);
  return { kind: typeof e?.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600 && atAddress ? "bounce" : "transient", message };
}

/** The wait before the next try: 30 s, 1 min, 2 min … capped at 30 minutes, for as long as the window lasts. */
export const backoffMs = (attempts: number) => Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
