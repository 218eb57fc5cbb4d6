import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Inbox = {
  port: number;
  url: string;
  messages: ParsedMail[];
  raw: string[];
  /** Connections that broke, such as a sender killed in the middle of a message. */
  droppedConnections: Error[];
  close: () => Promise<void>;
  waitFor: (count: number, timeoutMs?: number) => Promise<void>;
};

/** A real SMTP server on 127.0.0.1 that keeps every message it is given, parsed. */
export async function startInbox(port = 0): Promise<Inbox> {
  const messages: ParsedMail[] = [];
  const raw: string[] = [];
  const droppedConnections: Error[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        raw.push(text);
        simpleParser(text).then(
          (parsed) => {
            messages.push(parsed);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // smtp-server emits a connection reset inside a transaction as an "error" event; with no listener
  // it would be thrown and take the test process down, while the tests kill senders on purpose.
  server.on("error", (error) => droppedConnections.push(error));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as { port: number };
  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    raw,
    droppedConnections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}
