// Converts the UCI handwritten digits (Alpaydin & Kaynak 1998, CC BY 4.0) from the
// shared CSV into the compact binary the layer visualizer loads:
// one 65-byte record per digit (64 pixel counts 0..16, row by row, then the label), in file order.
// Usage: node scripts/build-digits.mjs [source.csv.gz] [output.bin]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const PIXELS = 64;
const RECORD_BYTES = PIXELS + 1;
const EXPECTED_ROWS = 1797;

const source = process.argv[2];
if (!source) {
  console.error("usage: node scripts/build-digits.mjs <digits.csv.gz> [output.bin]  (the UCI optdigits test half, one row per digit: 64 pixels then the label)");
  process.exit(2);
}
const output = process.argv[3] ?? fileURLToPath(new URL("../public/widgets/digits.bin", import.meta.url));

const csv = zlib.gunzipSync(fs.readFileSync(source)).toString("utf8");
const rows = csv.split("\n").filter((line) => line.trim() !== "");
if (rows.length !== EXPECTED_ROWS) throw new Error(`Expected ${EXPECTED_ROWS} rows, found ${rows.length}`);

const bytes = new Uint8Array(rows.length * RECORD_BYTES);
rows.forEach((line, row) => {
  const values = line.split(",").map(Number);
  if (values.length !== RECORD_BYTES) throw new Error(`Row ${row + 1}: expected ${RECORD_BYTES} values, got ${values.length}`);
  values.forEach((value, column) => {
    const max = column < PIXELS ? 16 : 9;
    if (!Number.isInteger(value) || value < 0 || value > max) {
      throw new Error(`Row ${row + 1}, column ${column + 1}: ${value} is not an integer in 0..${max}`);
    }
  });
  bytes.set(values, row * RECORD_BYTES);
});

fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, bytes);
console.log(`Wrote ${rows.length} digits (${bytes.length} bytes) to ${path.relative(process.cwd(), output)}`);
