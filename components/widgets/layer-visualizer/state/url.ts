import { FEATURES, type Feature } from "../model/features";
import type { DatasetKind } from "../model/datasets";
import type { Activation } from "../../shared/dense-network/network";
import { ACTIVATIONS, DATASETS, LEARNING_RATES, LIMITS, REGULARIZATION_RATES, type Mode, type VisualizerConfig } from "./config";

/** Query keys carry a prefix so the widget's state never collides with the page's own. */
const KEY = {
  mode: "lv-mode",
  dataset: "lv-data",
  noise: "lv-noise",
  trainRatio: "lv-train",
  seed: "lv-seed",
  hidden: "lv-layers",
  activation: "lv-act",
  learningRate: "lv-lr",
  batchSize: "lv-batch",
  regularization: "lv-reg",
  regularizationRate: "lv-rate",
  features: "lv-feat",
  showTestData: "lv-show-test",
} as const;

const clamp = (value: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, value));
const oneOf = <T extends string>(value: string | null, options: readonly T[]): T | undefined =>
  options.find((o) => o === value);
const nearest = (value: number, options: readonly number[]) =>
  options.reduce((best, o) => (Math.abs(o - value) < Math.abs(best - value) ? o : best), options[0]);
const number = (value: string | null) => (value === null || value.trim() === "" ? undefined : Number.isFinite(Number(value)) ? Number(value) : undefined);

export function configToQuery(config: VisualizerConfig): URLSearchParams {
  const q = new URLSearchParams();
  q.set(KEY.mode, config.mode);
  q.set(KEY.dataset, config.dataset);
  q.set(KEY.noise, String(config.noise));
  q.set(KEY.trainRatio, String(config.trainRatio));
  q.set(KEY.seed, String(config.seed));
  q.set(KEY.hidden, config.hidden.join("-"));
  q.set(KEY.activation, config.activation);
  q.set(KEY.learningRate, String(config.learningRate));
  q.set(KEY.batchSize, String(config.batchSize));
  q.set(KEY.regularization, config.regularization.kind);
  q.set(KEY.regularizationRate, String(config.regularization.rate));
  q.set(KEY.features, config.features.join("-"));
  q.set(KEY.showTestData, config.showTestData ? "1" : "0");
  return q;
}

/**
 * Reads a shared link. Anything missing or out of range falls back to `base` (or the nearest
 * allowed value), so a mangled link still opens a working widget.
 */
export function configFromQuery(query: URLSearchParams, base: VisualizerConfig): VisualizerConfig {
  if (![...query.keys()].some((k) => k.startsWith("lv-"))) return base;
  const hidden = query
    .get(KEY.hidden)
    ?.split("-")
    .map(Number)
    .filter((n) => Number.isInteger(n))
    .map((n) => clamp(n, LIMITS.neurons))
    .slice(0, LIMITS.layers[1]);
  const features = query
    .get(KEY.features)
    ?.split("-")
    .filter((f): f is Feature => (FEATURES as readonly string[]).includes(f));
  const lr = number(query.get(KEY.learningRate));
  const rate = number(query.get(KEY.regularizationRate));
  const batch = number(query.get(KEY.batchSize));
  const noise = number(query.get(KEY.noise));
  const ratio = number(query.get(KEY.trainRatio));
  const seed = number(query.get(KEY.seed));
  return {
    mode: oneOf<Mode>(query.get(KEY.mode), ["playground", "digits"]) ?? base.mode,
    dataset: oneOf<DatasetKind>(query.get(KEY.dataset), DATASETS.map((d) => d.kind)) ?? base.dataset,
    noise: noise === undefined ? base.noise : clamp(Math.round(noise * 20) / 20, LIMITS.noise),
    trainRatio: ratio === undefined ? base.trainRatio : clamp(Math.round(ratio * 10) / 10, LIMITS.trainRatio),
    seed: seed === undefined ? base.seed : Math.abs(Math.trunc(seed)) % 1_000_000,
    hidden: hidden && hidden.length > 0 ? hidden : base.hidden,
    activation: oneOf<Activation>(query.get(KEY.activation), ACTIVATIONS) ?? base.activation,
    learningRate: lr === undefined ? base.learningRate : nearest(lr, LEARNING_RATES),
    batchSize: batch === undefined ? base.batchSize : clamp(Math.round(batch), LIMITS.batch),
    regularization: {
      kind: oneOf(query.get(KEY.regularization), ["none", "l1", "l2"] as const) ?? base.regularization.kind,
      rate: rate === undefined ? base.regularization.rate : nearest(rate, REGULARIZATION_RATES),
    },
    features: features && features.length > 0 ? features : base.features,
    showTestData: oneOf(query.get(KEY.showTestData), ["0", "1"] as const) === undefined ? base.showTestData : query.get(KEY.showTestData) === "1",
  };
}

/** The current page URL with the widget's keys replaced, everything else kept. */
export function withConfig(href: string, config: VisualizerConfig): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) if (key.startsWith("lv-")) url.searchParams.delete(key);
  for (const [key, value] of configToQuery(config)) url.searchParams.set(key, value);
  return url.pathname + url.search + url.hash;
}
