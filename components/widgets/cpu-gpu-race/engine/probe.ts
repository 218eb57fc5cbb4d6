import { isSoftwareRenderer, type Availability } from "../model/backends";

/**
 * What this browser offers, found without loading TF.js: WebAssembly, a WebGL 2 context off the
 * main thread (TF.js's WebGL backend needs one in a worker) and which renderer draws it, WebGPU.
 */
export async function probeBackends(): Promise<Availability[]> {
  return [{ id: "cpu", available: true }, probeWasm(), probeWebGl(), await probeWebGpu()];
}

function probeWasm(): Availability {
  return typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function"
    ? { id: "wasm", available: true }
    : { id: "wasm", available: false, reason: "not available: this browser has no WebAssembly" };
}

function probeWebGl(): Availability {
  if (typeof OffscreenCanvas === "undefined") {
    return { id: "webgl", available: false, reason: "not available: this browser has no WebGL off the main thread (OffscreenCanvas)" };
  }
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext("webgl2");
    if (!gl) {
      const gl1 = canvas.getContext("webgl");
      return {
        id: "webgl",
        available: false,
        reason: gl1 ? "not available: this browser offers only WebGL 1 off the main thread" : "not available in this browser (WebGL is off or unsupported)",
      };
    }
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return { id: "webgl", available: true, renderer, software: isSoftwareRenderer(renderer) };
  } catch (error) {
    return { id: "webgl", available: false, reason: `not available: ${error instanceof Error ? error.message : String(error)}` };
  }
}

type GpuNavigator = { gpu?: { requestAdapter: () => Promise<unknown> } };

async function probeWebGpu(): Promise<Availability> {
  const gpu = (navigator as unknown as GpuNavigator).gpu;
  if (!gpu) return { id: "webgpu", available: false, reason: "not available in this browser" };
  let adapter: unknown;
  try {
    adapter = await gpu.requestAdapter();
  } catch {
    adapter = null;
  }
  if (!adapter) return { id: "webgpu", available: false, reason: "not available: this browser has WebGPU but no graphics adapter for it" };
  // The browser could run it; this widget does not carry TF.js's WebGPU backend (yet).
  return { id: "webgpu", available: false, reason: "your browser has it, but this widget does not race it yet" };
}
