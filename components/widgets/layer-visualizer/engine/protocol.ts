import type { VisualizerConfig } from "../state/config";
import type { BackendName } from "../../shared/tf";
import type { Snapshot } from "./session";

/** Messages from the page to the training worker. */
export type ToWorker =
  | { type: "configure"; config: VisualizerConfig; backend: BackendName }
  | { type: "play" }
  | { type: "pause" }
  | { type: "step" }
  | { type: "reset" }
  /** The page has drawn the last snapshot and can take another. */
  | { type: "drawn" }
  | { type: "trace"; x: number; y: number }
  | { type: "probe"; pixels: number[] }
  | { type: "pick-digit"; index: number };

/** Messages from the training worker to the page. */
export type FromWorker =
  | { type: "ready"; backend: BackendName; fellBack: boolean }
  | { type: "snapshot"; snapshot: Snapshot; epochsPerSecond: number; playing: boolean }
  | { type: "trace"; values: number[][]; at: { x: number; y: number } | null }
  | { type: "digit"; pixels: number[]; label: number | null }
  | { type: "error"; message: string };
