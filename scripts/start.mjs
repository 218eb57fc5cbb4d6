// @ts-check
// `npm start` after its build: Next's standalone server alone on 127.0.0.1:3000 (PORT, HOSTNAME),
// with SQLite and the .eml outbox under the repository unless the environment says otherwise.
import { startNext } from "./site.mjs";

const port = Number(process.env.PORT ?? 3000);
const child = startNext({ port, hostname: process.env.HOSTNAME ?? "127.0.0.1" });
for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
