import type { Availability, RaceBackend } from "../model/backends";
import type { BackendEnd } from "../model/measure";
import type { Point } from "../model/state";

/** Messages from the page to the race worker. */
export type ToWorker =
  | { type: "probe" }
  | { type: "start"; backends: RaceBackend[]; sizes: number[]; limitSeconds: number }
  | { type: "stop" };

/** Messages from the race worker to the page. */
export type FromWorker =
  | { type: "availability"; backends: Availability[] }
  | { type: "lane"; id: RaceBackend; status: "starting" | "measuring"; n?: number }
  | { type: "result"; id: RaceBackend; m: Point; numTensors: number }
  | { type: "lane-end"; id: RaceBackend; end: BackendEnd | { kind: "failed"; message: string } | { kind: "stopped" }; numTensors: number }
  | { type: "finished"; stopped: boolean; numTensors: number }
  | { type: "error"; message: string };
