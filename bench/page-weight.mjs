// First-load JavaScript of an entry page against an empty page of the same build.
// Budget: an entry page adds at most 10% over the empty page. Run after `npm run build`.
import { firstLoadJs, kib, startServer } from "./first-load.mjs";

const BUDGET = 1.1;
const port = Number(process.env.BENCH_PORT ?? 3200);
const server = await startServer(port);
try {
  // The 404 page is the emptiest page the build has: the root layout and nothing else.
  const empty = await firstLoadJs(server.base, "/this-page-does-not-exist");
  const rows = [empty];
  for (const path of ["/glossary/epoch", "/glossary/deep-learning", "/glossary", "/"]) rows.push(await firstLoadJs(server.base, path));
  console.log("page".padEnd(28), "files".padStart(5), "raw".padStart(11), "gzip".padStart(11), "× empty".padStart(8));
  for (const row of rows) {
    const label = row === empty ? "empty page (404)" : row.path;
    console.log(label.padEnd(28), String(row.files).padStart(5), kib(row.raw).padStart(11), kib(row.gzip).padStart(11), (row.gzip / empty.gzip).toFixed(3).padStart(8));
  }
  const entry = rows[1];
  const ratio = entry.gzip / empty.gzip;
  console.log(`\nentry page / empty page = ${ratio.toFixed(3)} (budget ≤ ${BUDGET}) — ${ratio <= BUDGET ? "within budget" : "OVER BUDGET"}`);
  process.exitCode = ratio <= BUDGET ? 0 : 1;
} finally {
  server.stop();
}
