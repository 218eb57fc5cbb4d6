// @ts-check
// What a release (.next/standalone) must never carry. Next's file tracing copies every file a
// dynamic path in server code could reach, and a path like `path.join(dir, name + ".eml")` reaches
// every .eml under the project: readers' addresses from the local outbox and the tests' mail.
import fs from "node:fs";
import path from "node:path";

/** Relative paths (with "/") that may not ship: mail, databases, secrets, test output. */
const FORBIDDEN = [
  { pattern: /\.eml$/, why: "a stored e-mail (readers' addresses)" },
  { pattern: /\.(sqlite|sqlite3|db)(-wal|-shm|-journal)?$/, why: "a database file" },
  { pattern: /(^|\/)\.env(\.|$)/, why: "an environment file (secrets)" },
  { pattern: /^(outbox|test-results|e2e|playwright-report|\.scratch)\//, why: "local mail or test output" },
  // Pages are prerendered and search reads the generated index: a release that carries the entries'
  // source has code that reads them at run time, which is slow on a fresh server (1.8 s once).
  { pattern: /^content\/(glossary|compare)\//, why: "glossary source, which nothing should read at run time" },
];

/** What a release cannot run without, beyond Next's own files. */
const REQUIRED = [".generated/search-index.json", "content/letters"];

/**
 * The paths under `dir` that a release needs and lacks.
 * @param {string} dir
 * @returns {string[]}
 */
export function missingFromRelease(dir) {
  return REQUIRED.filter((file) => !fs.existsSync(path.join(dir, file)));
}

/**
 * The files under `dir` (outside its node_modules) that a release may not carry, with why.
 * @param {string} dir
 * @returns {{ file: string, why: string }[]}
 */
export function forbiddenInRelease(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .filter((file) => !file.startsWith("node_modules/"))
    .flatMap((file) => {
      const rule = FORBIDDEN.find((r) => r.pattern.test(file));
      return rule ? [{ file, why: rule.why }] : [];
    });
}
