import { BACKEND_INFO, RACE_BACKENDS, type Availability, type RaceBackend } from "./backends";
import type { BackendEnd, Measurement } from "./measure";

export type Point = Pick<Measurement, "n" | "gflops" | "seconds" | "repeats">;

export type LaneStatus = "checking" | "unavailable" | "ready" | "waiting" | "starting" | "measuring" | "done" | "limit" | "failed" | "stopped";

export type Lane = {
  id: RaceBackend;
  status: LaneStatus;
  reason?: string;
  renderer?: string;
  software: boolean;
  results: Point[];
  /** The size being timed now. */
  measuring?: number;
  limit?: { at: number; next: number; seconds: number };
};

export type RaceState = { lanes: Lane[]; running: boolean; stopped: boolean; finished: boolean; numTensors: number };

/** What the page learns from the worker, and the reader's own clicks. */
export type RaceEvent =
  | { type: "availability"; backends: Availability[]; off: RaceBackend[] }
  | { type: "start" }
  | { type: "stop" }
  | { type: "lane"; id: RaceBackend; status: "starting" | "measuring"; n?: number }
  | { type: "result"; id: RaceBackend; m: Point; numTensors: number }
  | { type: "lane-end"; id: RaceBackend; end: BackendEnd | { kind: "failed"; message: string } | { kind: "stopped" }; numTensors: number }
  | { type: "finished"; stopped: boolean; numTensors: number };

export function initialState(): RaceState {
  return {
    lanes: RACE_BACKENDS.map((id) => ({ id, status: "checking", software: false, results: [] })),
    running: false,
    stopped: false,
    finished: false,
    numTensors: 0,
  };
}

/** The lanes the next race will run. */
export const runnable = (state: RaceState) => state.lanes.filter((l) => l.status !== "unavailable" && l.status !== "checking").map((l) => l.id);

const mapLane = (state: RaceState, id: RaceBackend, f: (lane: Lane) => Lane): RaceState => ({ ...state, lanes: state.lanes.map((l) => (l.id === id ? f(l) : l)) });
const inFlight = (s: LaneStatus) => s === "waiting" || s === "starting" || s === "measuring";

export function reduce(state: RaceState, event: RaceEvent): RaceState {
  switch (event.type) {
    case "availability":
      return {
        ...state,
        lanes: state.lanes.map((lane) => {
          const found = event.backends.find((b) => b.id === lane.id);
          const base = { ...lane, renderer: found?.renderer, software: !!found?.software };
          if (event.off.includes(lane.id)) return { ...base, status: "unavailable", reason: "switched off by this page's address (rc-off)", results: [] };
          if (!found || !found.available) return { ...base, status: "unavailable", reason: found?.reason ?? "not available in this browser", results: [] };
          // A fresh worker after a Stop probes again: what was measured stays on the chart.
          const keep = lane.status !== "checking" && lane.status !== "unavailable" && !inFlight(lane.status);
          return { ...base, status: keep ? lane.status : "ready", reason: keep ? lane.reason : undefined };
        }),
      };
    case "start":
      return {
        ...state,
        running: true,
        stopped: false,
        finished: false,
        lanes: state.lanes.map((l) =>
          l.status === "unavailable" || l.status === "checking" ? l : { ...l, status: "waiting", results: [], measuring: undefined, limit: undefined, reason: undefined },
        ),
      };
    case "stop":
      return {
        ...state,
        running: false,
        stopped: true,
        lanes: state.lanes.map((l) => (inFlight(l.status) ? { ...l, status: l.results.length || l.status !== "waiting" ? "stopped" : "ready", measuring: undefined } : l)),
      };
    case "lane":
      if (!state.running) return state;
      return mapLane(state, event.id, (l) => ({ ...l, status: event.status, measuring: event.n }));
    case "result":
      if (!state.running) return { ...state, numTensors: event.numTensors };
      return { ...mapLane(state, event.id, (l) => ({ ...l, results: [...l.results, event.m] })), numTensors: event.numTensors };
    case "lane-end": {
      const { end } = event;
      const next = { ...state, numTensors: event.numTensors };
      if (!state.running) return next;
      return mapLane(next, event.id, (l) => {
        const lane = { ...l, measuring: undefined };
        if (end.kind === "done") return { ...lane, status: "done" };
        if (end.kind === "limit") return { ...lane, status: "limit", limit: { at: end.at, next: end.next, seconds: end.seconds } };
        if (end.kind === "stopped") return { ...lane, status: "stopped" };
        return { ...lane, status: "failed", reason: end.message };
      });
    }
    case "finished":
      return {
        ...state,
        running: false,
        finished: !event.stopped && state.running,
        numTensors: event.numTensors,
        lanes: state.lanes.map((l) => (inFlight(l.status) ? { ...l, status: l.results.length ? "stopped" : "ready", measuring: undefined } : l)),
      };
  }
}

/** The lane's best result: the highest GFLOP/s it reached. */
export function best(lane: Lane): Point | null {
  let top: Point | null = null;
  for (const p of lane.results) if (!top || p.gflops > top.gflops) top = p;
  return top;
}

/** 0.042, 0.42, 4.2, 42, 420: two significant figures below 10, whole numbers above. */
export function formatRate(gflops: number): string {
  if (!Number.isFinite(gflops)) return "—";
  if (gflops >= 10) return String(Math.round(gflops));
  if (gflops >= 1) return gflops.toFixed(1);
  return gflops.toPrecision(2);
}

/** "0.4 s", "4.3 s", "12 s", "3 min": the rough length of a wait. */
export function formatWait(seconds: number): string {
  if (!Number.isFinite(seconds)) return "forever";
  // One decimal below 10 s: a backend stopped for taking over 1 s must not read "would take ~1 s".
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  return `${Math.round(seconds / 60)} min`;
}

export const size = (n: number) => `${n}×${n}`;

/** How many times faster a is than b, as it reads best: "21×", "2.4×". */
export function formatRatio(ratio: number): string {
  return ratio >= 10 ? `${Math.round(ratio)}×` : `${ratio.toFixed(1)}×`;
}

/** The backend's name as the reader sees it, saying when "the GPU" is software on the CPU. */
export function laneName(lane: Pick<Lane, "id" | "software">): string {
  const name = BACKEND_INFO[lane.id].name;
  return lane.software ? `${name} (software)` : name;
}

/** One short line of what a backend is doing or did. */
export function describeLane(lane: Lane): string {
  const top = best(lane);
  const bestText = top ? `best ${formatRate(top.gflops)} GFLOP/s at ${size(top.n)}` : "";
  switch (lane.status) {
    case "checking":
      return "not checked yet";
    case "unavailable":
      return lane.reason ?? "not available in this browser";
    case "ready":
      return "ready";
    case "waiting":
      return "waits its turn";
    case "starting":
      return "starting…";
    case "measuring":
      return `timing ${size(lane.measuring ?? 0)}…${top ? ` ${bestText}` : ""}`;
    case "done":
      return bestText;
    case "limit":
      return `${bestText} · stopped: ${size(lane.limit!.next)} would take ~${formatWait(lane.limit!.seconds)} each`;
    case "failed":
      return `could not start: ${lane.reason ?? "unknown error"}`;
    case "stopped":
      return top ? `${bestText} (stopped)` : "stopped";
  }
}

/** The fastest lane so far and its best point. */
export function leader(state: RaceState): { lane: Lane; point: Point } | null {
  let out: { lane: Lane; point: Point } | null = null;
  for (const lane of state.lanes) {
    const p = best(lane);
    if (p && (!out || p.gflops > out.point.gflops)) out = { lane, point: p };
  }
  return out;
}

/** The one-line account read out to screen readers: changes only when a backend starts or ends. */
export function summarize(state: RaceState): string {
  const lead = leader(state);
  const cpu = state.lanes.find((l) => l.id === "cpu");
  const cpuBest = cpu ? best(cpu) : null;
  const current = state.lanes.find((l) => l.status === "starting" || l.status === "measuring");
  const software = state.lanes.find((l) => l.software && l.status !== "unavailable");
  if (state.running) {
    const racing = current ? `Racing ${laneName(current)}…` : "Racing…";
    return lead ? `${racing} Fastest so far: ${laneName(lead.lane)}, ${formatRate(lead.point.gflops)} GFLOP/s at ${size(lead.point.n)}.` : racing;
  }
  if (!lead) {
    if (state.lanes.every((l) => l.status === "checking")) return "Checking which backends this browser has…";
    return "Nothing runs until you press Start the race. It keeps this device busy for up to half a minute.";
  }
  const head = state.stopped ? "Stopped. Fastest so far: " : "";
  let text = `${head}${laneName(lead.lane)} reached ${formatRate(lead.point.gflops)} GFLOP/s at ${size(lead.point.n)}`;
  if (lead.lane.id !== "cpu" && cpuBest) text += `, ${formatRatio(lead.point.gflops / cpuBest.gflops)} plain JavaScript on your CPU`;
  text += ".";
  if (software) text += ` WebGL here is software running on the CPU (${shortRenderer(software.renderer)}), not a real GPU.`;
  else if (!state.lanes.some((l) => BACKEND_INFO[l.id].chip === "GPU" && l.results.length)) text += " No GPU backend ran in this browser.";
  return text;
}

/** "SwiftShader" from "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)…" */
export function shortRenderer(renderer: string | undefined): string {
  if (!renderer) return "a software renderer";
  const m = renderer.match(/swiftshader|llvmpipe|softpipe|basic render/i);
  return m ? (m[0].toLowerCase() === "swiftshader" ? "SwiftShader" : m[0]) : "a software renderer";
}
