import type * as tfCore from "@tensorflow/tfjs-core";

export type BackendName = "cpu" | "wasm" | "webgl";
export const BACKENDS: BackendName[] = ["cpu", "wasm", "webgl"];

/** Where the WASM backend's binaries are served from (copied there by scripts/copy-tfjs-wasm.mjs). */
export const WASM_PATH = "/tfjs/";

/**
 * Loads TF.js core and the wanted backend on demand, falling back to the CPU backend when the
 * wanted one cannot start here (no WebGL in this browser, say). Returns what actually runs.
 */
export async function loadTensorFlow(wanted: BackendName): Promise<{ tf: typeof tfCore; backend: BackendName; fellBack: boolean }> {
  const tf = await import("@tensorflow/tfjs-core");
  await import("@tensorflow/tfjs-backend-cpu");
  let fellBack = false;
  if (wanted === "wasm") {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths(WASM_PATH);
  } else if (wanted === "webgl") {
    await import("@tensorflow/tfjs-backend-webgl");
  }
  let ok = false;
  try {
    ok = await tf.setBackend(wanted);
  } catch {
    ok = false;
  }
  if (!ok) {
    fellBack = wanted !== "cpu";
    await tf.setBackend("cpu");
  }
  await tf.ready();
  return { tf, backend: tf.getBackend() as BackendName, fellBack };
}
