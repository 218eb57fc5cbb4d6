import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { startInbox, type Inbox } from "../support/smtp";

// The SMTP servers the tests read mail from must outlive a sender that dies mid-message (the e2e
// suite kills app instances while they send): one such connection once took the test process down.

/** Opens a transaction, sends half a message, then resets the connection as a killed process would. */
async function dropMidMessage(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => (received += chunk));
  const reply = async (code: string) => {
    const until = Date.now() + 5_000;
    while (!received.split("\r\n").some((line) => line.startsWith(`${code} `))) {
      if (Date.now() > until) throw new Error(`no ${code} reply; got ${JSON.stringify(received)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    received = "";
  };
  await reply("220");
  for (const [command, code] of [["EHLO dying.example", "250"], ["MAIL FROM:<app@example.com>", "250"], ["RCPT TO:<reader@example.com>", "250"], ["DATA", "354"]]) {
    socket.write(`${command}\r\n`);
    await reply(code);
  }
  socket.write("Subject: half a letter\r\n\r\nThe sender dies before the end");
  await new Promise((r) => setTimeout(r, 50));
  socket.resetAndDestroy();
  await once(socket, "close");
}

const send = (port: number, to: string) =>
  nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }).sendMail({ from: "app@example.com", to, subject: "whole", text: "A whole letter." });

describe("the test inbox", () => {
  let inbox: Inbox;
  afterEach(() => inbox?.close());

  it("records a connection reset mid-message and keeps receiving", async () => {
    inbox = await startInbox();
    await dropMidMessage(inbox.port);
    await expect.poll(() => inbox.droppedConnections.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(["ECONNRESET"]);
    await send(inbox.port, "after@example.com");
    await inbox.waitFor(1);
    expect(inbox.messages.map((m) => m.subject)).toEqual(["whole"]);
  });
});

describe("the e2e mail catcher", () => {
  let catcher: ChildProcess | undefined;
  afterEach(() => {
    catcher?.kill();
  });

  it("keeps serving after a sender dies mid-message, and writes the next message", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-catcher-"));
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    catcher = spawn(process.execPath, ["scripts/mail-catcher.mjs"], { env: { ...process.env, MAIL_PORT: String(port), MAIL_DIR: dir }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    catcher.stderr!.on("data", (c) => (stderr += c));
    await once(catcher.stdout!, "data"); // "mail catcher on smtp://…": listening
    await dropMidMessage(port);
    await expect.poll(() => stderr).toContain("ECONNRESET");
    expect(catcher.exitCode).toBeNull();
    await send(port, "after@example.com");
    await expect.poll(() => fs.readdirSync(dir)).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]), "utf8")).toContain("A whole letter.");
  });
});
