// @ts-check
// The production topology on this machine: nginx on 127.0.0.1:<port> (default 3000) in front of
// Next standalone server(s), configured from deploy/nginx.conf.
//   npm run serve:proxy [-- --port 3000 --instances 2]
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT, startProxiedSite } from "./site.mjs";

const { values } = parseArgs({ options: { port: { type: "string" }, instances: { type: "string" }, logs: { type: "string" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const instances = Number(values.instances ?? 1);
const site = await startProxiedSite({ port, instances, logDir: values.logs ? path.resolve(ROOT, values.logs) : undefined, detached: false });
console.log(`[lumomate] ready on ${site.base} (nginx → Next on ${site.ports.join(", ")}; config in ${path.relative(ROOT, site.runDir)}/nginx.conf)`);
for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.on(signal, () => {
    site.stop("SIGTERM");
    setTimeout(() => process.exit(0), 500);
  });
}
