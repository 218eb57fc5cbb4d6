// A real SMTP server on 127.0.0.1 for the end-to-end tests: every message it receives is written
// as an .eml file into MAIL_DIR, where the tests read it.
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const port = Number(process.env.MAIL_PORT ?? 2526);
const dir = process.env.MAIL_DIR ?? "test-results/mail";
fs.mkdirSync(dir, { recursive: true });
let n = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      const to = session.envelope.rcptTo.map((r) => r.address).join(",");
      fs.writeFileSync(path.join(dir, `${Date.now()}-${++n}-${to.replace(/[^a-z0-9@.-]/gi, "_")}.eml`), Buffer.concat(chunks));
      callback();
    });
  },
});
// A sender that dies mid-message (the e2e suite kills instances) arrives as an "error" event: logged,
// never thrown, so the catcher keeps serving the rest of the suite.
server.on("error", (error) => console.error(`mail catcher: a connection broke: ${error.message}`));
server.listen(port, "127.0.0.1", () => console.log(`mail catcher on smtp://127.0.0.1:${port}, writing to ${dir}/`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
