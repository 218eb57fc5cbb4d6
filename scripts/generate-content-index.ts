// Writes the glossary's term list, link graph and search index into .generated/ (see
// lib/content/content-index.ts), so the build's MDX compiler and page workers, and the release, read
// those instead of the glossary's source. Runs in `prebuild`, after check-content has passed.
import { writeContentIndex } from "../lib/content/content-index";

const started = performance.now();
const { entries, bytes } = writeContentIndex();
console.log(`generate-content-index: ${entries} entries, ${(bytes / 1024).toFixed(0)} KiB → .generated/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
