import { describe, expect, it } from "vitest";
import { configFromPreset, DEFAULT_CONFIG, type VisualizerConfig } from "./config";
import { configFromQuery, configToQuery, withConfig } from "./url";

describe("the widget's URL state", () => {
  it("round-trips a configuration through a shared link", () => {
    const config: VisualizerConfig = {
      ...DEFAULT_CONFIG,
      dataset: "spiral",
      noise: 0.15,
      trainRatio: 0.7,
      seed: 42,
      hidden: [8, 6, 3],
      activation: "relu",
      learningRate: 0.1,
      batchSize: 25,
      regularization: { kind: "l2", rate: 0.003 },
      features: ["x", "y", "xy", "sinx"],
      showTestData: true,
    };
    expect(configFromQuery(configToQuery(config), DEFAULT_CONFIG)).toEqual(config);
  });

  it("keeps the preset when the link carries no widget state", () => {
    const preset = configFromPreset("xor");
    expect(configFromQuery(new URLSearchParams("utm=x&q=1"), preset)).toBe(preset);
  });

  it("repairs out-of-range and garbled values instead of failing", () => {
    const q = new URLSearchParams("lv-layers=12-0-x-3-4-5-6-7-8&lv-lr=0.05&lv-batch=500&lv-act=swish&lv-feat=x-zz&lv-noise=9&lv-data=moons");
    const config = configFromQuery(q, DEFAULT_CONFIG);
    expect(config.hidden).toEqual([8, 1, 3, 4, 5, 6]);
    expect(config.learningRate).toBe(0.03);
    expect(config.batchSize).toBe(30);
    expect(config.activation).toBe(DEFAULT_CONFIG.activation);
    expect(config.features).toEqual(["x"]);
    expect(config.noise).toBe(0.5);
    expect(config.dataset).toBe(DEFAULT_CONFIG.dataset);
  });

  it("hides the test points unless the link asks for them", () => {
    expect(DEFAULT_CONFIG.showTestData).toBe(false);
    expect(configFromQuery(new URLSearchParams("lv-data=xor"), DEFAULT_CONFIG).showTestData).toBe(false);
    expect(configFromQuery(new URLSearchParams("lv-show-test=1"), DEFAULT_CONFIG).showTestData).toBe(true);
    expect(configFromQuery(new URLSearchParams("lv-show-test=yes"), DEFAULT_CONFIG).showTestData).toBe(false);
  });

  it("rewrites only its own keys in the page URL", () => {
    const href = withConfig("https://lumomate.test/glossary/deep-learning?lv-data=xor&ref=letter#try-it", { ...DEFAULT_CONFIG, dataset: "gauss" });
    const url = new URL(href, "https://lumomate.test");
    expect(url.pathname).toBe("/glossary/deep-learning");
    expect(url.searchParams.get("ref")).toBe("letter");
    expect(url.searchParams.get("lv-data")).toBe("gauss");
    expect(url.hash).toBe("#try-it");
  });
});
