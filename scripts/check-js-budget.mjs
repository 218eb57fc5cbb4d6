// Runs after `next build`: the first-load JavaScript of each kind of page, gzipped, read straight
// from the prerendered HTML and the built chunks, and the JavaScript each widget can fetch on
// demand. Fails the build when a page or a widget exceeds its budget.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const APP = ".next/server/app";
const STATIC = ".next";
const KIB = 1024;
// The empty page is the 404: the root layout and nothing else. Every budget is relative to it,
// so a Next.js upgrade that grows the framework does not fail us, but our own code does.
const BUDGETS = [
  { page: "glossary/epoch.html", label: "entry without widgets", maxOverEmpty: 0.1 },
  { page: "glossary/deep-learning.html", label: "entry with the layer visualizer (still only)", maxOverEmpty: 0.15 },
  { page: "glossary.html", label: "glossary index", maxOverEmpty: 0.1 },
  { page: "index.html", label: "home", maxOverEmpty: 0.1 },
  { page: "newsletter.html", label: "newsletter", maxOverEmpty: 0.1 },
];

// A widget's own code (and TF.js, workers, vocabularies) loads only when the reader nears it. Its
// budget counts every chunk its page can fetch later that the empty page cannot — all TF.js backends
// it may choose, so this is the most it can load, not what one visit does (the benches say that).
// A widget's code starts with the chunks the shared loader fetches for it (components/widgets/registry.ts
// names each widget beside a loader that lists its chunks) and in the lazy chunks that name it (its
// live part passes name="<widget>" to its frame); everything reachable from them counts. The loader's
// own chunk names every widget and is no one widget's.
const WIDGET_BUDGETS = [
  { widget: "layer-visualizer", maxKiB: 350 },
  { widget: "activation-functions", maxKiB: 36 },
  { widget: "gradient-descent", maxKiB: 310 },
  { widget: "tokenizer", maxKiB: 520 },
  { widget: "convolution", maxKiB: 310 },
  // The race's worker may start TF.js's cpu, wasm and webgl backends (the .wasm binary is not counted here).
  { widget: "cpu-gpu-race", maxKiB: 320 },
  { widget: "overfitting", maxKiB: 310 },
  // TF.js core and its CPU backend in the inspecting worker, the model's code and its 1,024-piece
  // vocabulary; "Train it yourself" adds a second worker with the WASM backend and the gradients.
  { widget: "tiny-transformer", maxKiB: 380 },
];

// Each chunk is read and gzipped once, however many pages and widgets count it.
const memo = (fn) => {
  const cache = new Map();
  return (key) => (cache.has(key) ? cache.get(key) : cache.set(key, fn(key)).get(key));
};
const chunkText = memo((file) => fs.readFileSync(path.join(STATIC, file), "utf8"));
const gzipSize = memo((file) => gzipSync(fs.readFileSync(path.join(STATIC, file)), { level: 9 }).length);

/** The scripts a page's HTML loads or preloads (a next/dynamic chunk it renders), as "static/chunks/…" paths. */
function firstLoadFiles(htmlFile) {
  const html = fs.readFileSync(path.join(APP, htmlFile), "utf8");
  const scripts = [...html.matchAll(/<script[^>]+src="\/_next\/([^"?]+)[^"]*"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link rel="preload"[^>]*>/g)].filter((m) => m[0].includes('as="script"')).map((m) => m[0].match(/href="\/_next\/([^"?]+)/)?.[1]);
  return [...new Set([...scripts, ...preloads.filter(Boolean)])];
}

function firstLoad(htmlFile) {
  const files = firstLoadFiles(htmlFile);
  return { files: files.length, gzip: files.reduce((sum, file) => sum + gzipSize(file), 0) };
}

/** Every chunk reachable from `files` through the chunk lists Turbopack writes into its loaders (lazy imports, workers). */
function reachable(files) {
  const seen = new Set(files);
  const queue = [...files];
  while (queue.length) {
    const code = chunkText(queue.pop());
    for (const [ref] of code.matchAll(/static\/chunks\/[A-Za-z0-9_.-]+\.js/g)) {
      if (!seen.has(ref) && fs.existsSync(path.join(STATIC, ref))) {
        seen.add(ref);
        queue.push(ref);
      }
    }
  }
  return seen;
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

/** The chunks the registry's loader for `widget` fetches: `["<widget>",()=>x.A(<id>)]`, then `<id>,x=>{x.v(y=>Promise.all([…chunks…]`. */
function registryChunks(widget) {
  const files = [];
  for (const file of entryCanLoad) {
    const code = chunkText(file);
    const entry = code.match(new RegExp(`\\["${widget}",\\(\\)=>\\w+\\.A\\((\\d+)\\)\\]`));
    const list = entry && code.match(new RegExp(`[,\\[]${entry[1]},\\w+=>\\{\\w+\\.v\\(\\w+=>Promise\\.all\\(\\[([^\\]]*)\\]`));
    if (list) files.push(...[...list[1].matchAll(/"(static\/chunks\/[^"]+)"/g)].map((m) => m[1]));
  }
  return files;
}
const namesEveryWidget = (file) => WIDGET_BUDGETS.every(({ widget }) => chunkText(file).includes(`"${widget}"`));
const layoutCanLoad = reachable(firstLoadFiles("_not-found.html"));
const entryLoads = new Set(firstLoadFiles("glossary/deep-learning.html"));
const entryCanLoad = reachable(entryLoads);
const lazyChunks = [...entryCanLoad].filter((file) => !entryLoads.has(file) && !layoutCanLoad.has(file));
console.log("JavaScript a widget can fetch on demand, gzipped (all its TF.js backends counted)");
for (const budget of WIDGET_BUDGETS) {
  const named = [...registryChunks(budget.widget), ...lazyChunks.filter((file) => chunkText(file).includes(`"${budget.widget}"`) && !namesEveryWidget(file))];
  const own = [...reachable(named)].filter((file) => !entryLoads.has(file) && !layoutCanLoad.has(file));
  const kib = own.reduce((sum, file) => sum + gzipSize(file), 0) / KIB;
  const ok = own.length > 0 && kib <= budget.maxKiB;
  if (!ok) over++;
  const verdict = own.length === 0 ? "NOT FOUND (no on-demand chunk: is the widget still on this page?)" : ok ? "ok" : "OVER BUDGET";
  console.log(`  ${`${budget.widget} (${own.length} files)`.padEnd(46)} ${kib.toFixed(1).padStart(7)} KiB  (budget ${budget.maxKiB} KiB) ${verdict}`);
}
if (over > 0) {
  console.error(`${over} page(s) or widget(s) over their JavaScript budget`);
  process.exit(1);
}
