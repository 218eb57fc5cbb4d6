// `npm audit --omit=dev`: no high or critical advisory in what ships. Records a suite result for the
// test summary. When the registry's advisory endpoint cannot be reached (a closed network answers
// 405 or nothing), it says so and records nothing: an unchecked audit is neither a pass nor a fail.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const why = (report?.message ?? report?.error?.summary ?? run.stderr ?? "no answer").split("\n").find((line) => line.trim()) ?? "no answer";
  console.log(`npm audit: could not reach the advisory database (${why.trim()}); not counted — run it where the registry answers`);
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`);
fs.mkdirSync("test-results", { recursive: true });
fs.writeFileSync("test-results/suite-audit.json", JSON.stringify({ passed: serious === 0 ? 1 : 0, failed: serious === 0 ? 0 : 1 }));
process.exit(serious === 0 ? 0 : 1);
