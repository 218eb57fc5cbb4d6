// Totals every suite's results into the single line CI reads: "N passed, N failed".
import fs from "node:fs";

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined);
let passed = 0;
let failed = 0;
let skipped = 0;

const unit = read("test-results/unit.json");
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
} else failed += 1; // the unit runner never reported: count it as a failure, not as nothing

const e2e = read("test-results/e2e.json");
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  const flaky = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests) if (t.status === "flaky") flaky.push(`${spec.file}:${spec.line} ${spec.title}`);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of e2e.suites) walk(suite);
  if (flaky.length) console.log(`Passed only on a retry (flaky — look at these):\n${flaky.map((f) => `  ${f}`).join("\n")}`);
} else failed += 1;

for (const extra of fs.readdirSync("test-results").filter((f) => f.startsWith("suite-") && f.endsWith(".json"))) {
  const suite = read(`test-results/${extra}`);
  passed += suite.passed;
  failed += suite.failed;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
