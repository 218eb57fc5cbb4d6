// Runs after `next build`: the first-load JavaScript of each kind of page, gzipped, read straight
// from the prerendered HTML and the built chunks. Fails the build when a page exceeds its budget.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const APP = ".next/server/app";
const STATIC = ".next";
const KIB = 1024;
// The empty page is the 404: the root layout and nothing else. Every budget is relative to it,
// so a Next.js upgrade that grows the framework does not fail us, but our own code does.
const BUDGETS = [
  { page: "glossary/gpu.html", label: "entry without widgets", maxOverEmpty: 0.1 },
  { page: "glossary/deep-learning.html", label: "entry with the layer visualizer (still only)", maxOverEmpty: 0.15 },
  { page: "glossary.html", label: "glossary index", maxOverEmpty: 0.1 },
  { page: "index.html", label: "home", maxOverEmpty: 0.1 },
  { page: "newsletter.html", label: "newsletter", maxOverEmpty: 0.1 },
];

function firstLoad(htmlFile) {
  const html = fs.readFileSync(path.join(APP, htmlFile), "utf8");
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  let gzip = 0;
  for (const src of sources) gzip += gzipSync(fs.readFileSync(path.join(STATIC, src.replace(/^\/_next/, ""))), { level: 9 }).length;
  return { files: sources.length, gzip };
}

const empty = firstLoad("_not-found.html");
let over = 0;
console.log(`first-load JS, gzipped (empty 404 page: ${(empty.gzip / KIB).toFixed(1)} KiB)`);
for (const budget of BUDGETS) {
  const { gzip } = firstLoad(budget.page);
  const ratio = gzip / empty.gzip;
  const ok = ratio <= 1 + budget.maxOverEmpty;
  if (!ok) over++;
  console.log(`  ${budget.label.padEnd(46)} ${(gzip / KIB).toFixed(1).padStart(7)} KiB  ×${ratio.toFixed(3)}  (budget ×${(1 + budget.maxOverEmpty).toFixed(2)}) ${ok ? "ok" : "OVER BUDGET"}`);
}
if (over > 0) {
  console.error(`${over} page(s) over their JavaScript budget`);
  process.exit(1);
}
