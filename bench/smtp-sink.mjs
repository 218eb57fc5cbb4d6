// A mail server that accepts every message and keeps none: the far end of the confirmation mails
// during a bench. Runs as a worker thread (bench/subscribe.mjs), so its work does not slow the
// thread that generates the load. Listens on 127.0.0.1 at the port it is given.
import { parentPort, workerData } from "node:worker_threads";
import { SMTPServer } from "smtp-server";

let accepted = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  disableReverseLookup: true, // a DNS lookup per connection would slow the sender down, not measure it
  logger: false,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      accepted++;
      callback();
    });
  },
});
let listening = false;
// Before it listens, an error (say, the port is taken) is fatal; after, it is one client's
// connection going away (the app server stopped with pooled connections open): not our business.
server.on("error", (error) => {
  if (!listening) parentPort.postMessage({ error: error.message });
});
server.listen(workerData.port, "127.0.0.1", () => {
  listening = true;
  parentPort.postMessage({ listening: true });
});
parentPort.on("message", (message) => {
  if (message === "count") parentPort.postMessage({ accepted });
  if (message === "close") server.close(() => parentPort.postMessage({ closed: true, accepted }));
});
