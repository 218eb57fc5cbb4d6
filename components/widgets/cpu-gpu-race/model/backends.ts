/** The TF.js backends the race knows of, in the order they run. */
export type RaceBackend = "cpu" | "wasm" | "webgl" | "webgpu";
export const RACE_BACKENDS: RaceBackend[] = ["cpu", "wasm", "webgl", "webgpu"];

export const BACKEND_INFO: Record<RaceBackend, { name: string; chip: "CPU" | "GPU"; how: string }> = {
  cpu: { name: "JavaScript", chip: "CPU", how: "plain JavaScript on the CPU" },
  wasm: { name: "WebAssembly", chip: "CPU", how: "compiled code on the CPU" },
  webgl: { name: "WebGL", chip: "GPU", how: "graphics shaders on the GPU" },
  webgpu: { name: "WebGPU", chip: "GPU", how: "compute shaders on the GPU" },
};

export function isRaceBackend(value: unknown): value is RaceBackend {
  return typeof value === "string" && (RACE_BACKENDS as string[]).includes(value);
}

/** What the worker found out about a backend before any race: can it run here, and on what. */
export type Availability = {
  id: RaceBackend;
  available: boolean;
  /** Why not, in plain words ("not available in this browser"). */
  reason?: string;
  /** The graphics renderer the browser reports (WebGL only). */
  renderer?: string;
  /** The "GPU" is software drawing on the CPU (SwiftShader, llvmpipe…): label what was measured. */
  software?: boolean;
};

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function isSoftwareRenderer(renderer: string | undefined): boolean {
  return !!renderer && SOFTWARE_RENDERERS.test(renderer);
}

/** Backends the page address switches off (`?rc-off=webgl`): a test hook that only ever removes. */
export function backendsOff(search: string): RaceBackend[] {
  const value = new URLSearchParams(search).get("rc-off");
  return value ? value.split(",").map((s) => s.trim()).filter(isRaceBackend) : [];
}
