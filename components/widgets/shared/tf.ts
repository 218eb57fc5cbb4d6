import type * as tfCore from "@tensorflow/tfjs-core";

export type BackendName = "cpu" | "wasm" | "webgl";
export const BACKENDS: BackendName[] = ["cpu", "wasm", "webgl"];

/** Where the WASM backend's binaries are served from (copied there by scripts/copy-tfjs-wasm.mjs). */
export const WASM_PATH = "/tfjs/";

/**
 * Loads TF.js core and the wanted backend on demand and tries to switch to it, without falling
 * back: `ok` is false, with the reason, when the backend cannot start here (no WebGL in this
 * browser, say). Widgets that compare backends use this; the others use loadTensorFlow.
 */
export async function startBackend(wanted: BackendName): Promise<{ tf: typeof tfCore; ok: boolean; reason?: string }> {
  const tf = await import("@tensorflow/tfjs-core");
  await import("@tensorflow/tfjs-backend-cpu");
  if (wanted === "wasm") {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths(WASM_PATH);
  } else if (wanted === "webgl") {
    await import("@tensorflow/tfjs-backend-webgl");
  }
  let ok = false;
  let reason: string | undefined;
  try {
    ok = await tf.setBackend(wanted);
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  if (ok) await tf.ready();
  return { tf, ok, reason: ok ? undefined : (reason ?? `the ${wanted} backend did not start`) };
}

/**
 * Loads TF.js core and the wanted backend on demand, falling back to the CPU backend when the
 * wanted one cannot start here (no WebGL in this browser, say). Returns what actually runs.
 */
export async function loadTensorFlow(wanted: BackendName): Promise<{ tf: typeof tfCore; backend: BackendName; fellBack: boolean }> {
  const { tf, ok } = await startBackend(wanted);
  let fellBack = false;
  if (!ok) {
    fellBack = wanted !== "cpu";
    await tf.setBackend("cpu");
  }
  await tf.ready();
  return { tf, backend: tf.getBackend() as BackendName, fellBack };
}
