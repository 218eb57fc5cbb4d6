// The TF.js WASM backend fetches its .wasm binaries at run time; serve them from our own origin.
import fs from "node:fs";
import path from "node:path";

const from = "node_modules/@tensorflow/tfjs-backend-wasm/dist";
const to = "public/tfjs";
fs.mkdirSync(to, { recursive: true });
for (const name of fs.readdirSync(from).filter((f) => f.endsWith(".wasm"))) fs.copyFileSync(path.join(from, name), path.join(to, name));
