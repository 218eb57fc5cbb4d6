import type { ComponentType } from "react";

/** A widget's live part: a client component that starts from the still's `initial` state. */
export type LiveModule = { default: ComponentType<{ initial: never }> };

/**
 * Every widget's live part, by its name (its `data-widget`). A new widget adds one line here.
 * The names stay string literals in the built chunk: tests and the JS budget find the chunk by them.
 */
const LIVE = [
  ["activation-functions", () => import("./activation-functions/LiveActivationFunctions")],
  ["convolution", () => import("./convolution/LiveConvolution")],
  ["cpu-gpu-race", () => import("./cpu-gpu-race/LiveCpuGpuRace")],
  ["gradient-descent", () => import("./gradient-descent/LiveGradientDescent")],
  ["layer-visualizer", () => import("./layer-visualizer/LiveLayerVisualizer")],
  ["overfitting", () => import("./overfitting/LiveOverfitting")],
  ["tiny-transformer", () => import("./tiny-transformer/LiveTinyTransformer")],
  ["tokenizer", () => import("./tokenizer/LiveTokenizer")],
] as const satisfies readonly (readonly [string, () => Promise<LiveModule>])[];

export type WidgetName = (typeof LIVE)[number][0];

const byName = new Map<string, () => Promise<LiveModule>>(LIVE);

/** Fetches the live part's code: a new import() each call, so a chunk that failed is fetched again. */
export function loadLive(name: WidgetName): Promise<LiveModule> {
  const load = byName.get(name);
  return load ? load() : Promise.reject(new Error(`No live widget is registered as "${name}"`));
}
