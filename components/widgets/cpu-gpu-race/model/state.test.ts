import { describe, expect, it } from "vitest";
import { backendsOff, isSoftwareRenderer, type Availability } from "./backends";
import { gflops } from "./flops";
import { describeLane, formatRate, formatRatio, formatWait, initialState, reduce, runnable, summarize, type Point, type RaceEvent, type RaceState } from "./state";

const SWIFTSHADER = "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)";
const AVAILABLE: Availability[] = [
  { id: "cpu", available: true },
  { id: "wasm", available: true },
  { id: "webgl", available: true, renderer: "ANGLE (NVIDIA GeForce RTX 3060)", software: false },
  { id: "webgpu", available: false, reason: "not available in this browser" },
];
const point = (n: number, rate: number): Point => ({ n, gflops: rate, seconds: (2 * n ** 3) / rate / 1e9, repeats: 1 });
const run = (events: RaceEvent[], from: RaceState = initialState()) => events.reduce(reduce, from);

describe("the race's state", () => {
  it("lists unavailable backends plainly with their reason and leaves them out of the race", () => {
    const s = run([{ type: "availability", backends: AVAILABLE, off: [] }]);
    expect(runnable(s)).toEqual(["cpu", "wasm", "webgl"]);
    const webgpu = s.lanes.find((l) => l.id === "webgpu")!;
    expect(webgpu.status).toBe("unavailable");
    expect(describeLane(webgpu)).toBe("not available in this browser");
  });

  it("can switch a backend off through the page address, and says so", () => {
    expect(backendsOff("?rc-off=webgl,nonsense")).toEqual(["webgl"]);
    expect(backendsOff("?other=1")).toEqual([]);
    const s = run([{ type: "availability", backends: AVAILABLE, off: ["webgl"] }]);
    expect(runnable(s)).toEqual(["cpu", "wasm"]);
    expect(describeLane(s.lanes[2])).toMatch(/switched off/);
  });

  it("recognises a software renderer", () => {
    expect(isSoftwareRenderer(SWIFTSHADER)).toBe(true);
    expect(isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)")).toBe(true);
    expect(isSoftwareRenderer("ANGLE (Apple, Apple M2, OpenGL 4.1)")).toBe(false);
    expect(isSoftwareRenderer(undefined)).toBe(false);
  });

  it("follows a race to its end and sums it up against plain JavaScript", () => {
    let s = run([{ type: "availability", backends: AVAILABLE, off: [] }, { type: "start" }]);
    expect(s.running).toBe(true);
    expect(s.lanes.slice(0, 3).map((l) => l.status)).toEqual(["waiting", "waiting", "waiting"]);
    s = run(
      [
        { type: "lane", id: "cpu", status: "measuring", n: 32 },
        { type: "result", id: "cpu", m: point(32, 0.9), numTensors: 0 },
        { type: "result", id: "cpu", m: point(256, 1.8), numTensors: 0 },
        { type: "lane-end", id: "cpu", end: { kind: "limit", at: 256, next: 512, seconds: 2.4 }, numTensors: 0 },
        { type: "lane", id: "webgl", status: "measuring", n: 1024 },
      ],
      s,
    );
    expect(describeLane(s.lanes[0])).toBe("best 1.8 GFLOP/s at 256×256 · stopped: 512×512 would take ~2.4 s each");
    expect(describeLane(s.lanes[2])).toBe("timing 1024×1024…");
    expect(summarize(s)).toBe("Racing WebGL… Fastest so far: JavaScript, 1.8 GFLOP/s at 256×256.");
    s = run(
      [
        { type: "result", id: "webgl", m: point(1024, 38), numTensors: 0 },
        { type: "lane-end", id: "webgl", end: { kind: "done" }, numTensors: 0 },
        { type: "lane-end", id: "wasm", end: { kind: "failed", message: "no wasm file" }, numTensors: 0 },
        { type: "finished", stopped: false, numTensors: 0 },
      ],
      s,
    );
    expect(s.running).toBe(false);
    expect(s.finished).toBe(true);
    expect(describeLane(s.lanes[1])).toBe("could not start: no wasm file");
    // 38 / 1.8 = 21.1
    expect(summarize(s)).toBe("WebGL reached 38 GFLOP/s at 1024×1024, 21× plain JavaScript on your CPU.");
  });

  it("says when the GPU it measured is software on the CPU", () => {
    const backends = AVAILABLE.map((b) => (b.id === "webgl" ? { ...b, renderer: SWIFTSHADER, software: true } : b));
    const s = run([
      { type: "availability", backends, off: [] },
      { type: "start" },
      { type: "result", id: "cpu", m: point(128, 1), numTensors: 0 },
      { type: "result", id: "wasm", m: point(512, 12.4), numTensors: 0 },
      { type: "result", id: "webgl", m: point(512, 3), numTensors: 0 },
      { type: "finished", stopped: false, numTensors: 0 },
    ]);
    expect(summarize(s)).toBe(
      "WebAssembly reached 12 GFLOP/s at 512×512, 12× plain JavaScript on your CPU. WebGL here is software running on the CPU (SwiftShader), not a real GPU.",
    );
  });

  it("stops on the reader's word and ignores what the worker sends afterwards", () => {
    let s = run([{ type: "availability", backends: AVAILABLE, off: ["webgl"] }, { type: "start" }, { type: "lane", id: "cpu", status: "measuring", n: 64 }]);
    s = run([{ type: "result", id: "cpu", m: point(32, 0.5), numTensors: 2 }, { type: "stop" }], s);
    expect(s.running).toBe(false);
    expect(s.lanes[0].status).toBe("stopped");
    expect(s.lanes[1].status).toBe("ready");
    s = run([{ type: "result", id: "cpu", m: point(64, 0.6), numTensors: 0 }], s);
    expect(s.lanes[0].results).toHaveLength(1);
    expect(s.numTensors).toBe(0);
    expect(summarize(s)).toBe("Stopped. Fastest so far: JavaScript reached 0.50 GFLOP/s at 32×32. No GPU backend ran in this browser.");
  });
});

describe("formatting", () => {
  it("rounds rates, waits and ratios for reading", () => {
    expect(formatRate(38.4)).toBe("38");
    expect(formatRate(4.25)).toBe("4.3");
    expect(formatRate(0.4213)).toBe("0.42");
    expect(formatRate(gflops(1024, 1))).toBe("2.1");
    expect(formatRate(Number.NaN)).toBe("—");
    expect(formatWait(0.42)).toBe("0.4 s");
    expect(formatWait(4.29)).toBe("4.3 s");
    expect(formatWait(1.07)).toBe("1.1 s");
    expect(formatWait(12.4)).toBe("12 s");
    expect(formatWait(200)).toBe("3 min");
    expect(formatRatio(21.1)).toBe("21×");
    expect(formatRatio(2.44)).toBe("2.4×");
  });
});
