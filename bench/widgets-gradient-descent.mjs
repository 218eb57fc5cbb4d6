// The gradient-descent widget on each of its entries, racing live in headless Chromium (what is
// measured: bench/playing-widget.mjs). Run after `npm run build`. Env: BENCH_PORT (3400), RUN_SECONDS (12).
import { benchPlayingWidget } from "./playing-widget.mjs";

await benchPlayingWidget({
  port: 3400,
  widget: { name: "gradient-descent", title: "Gradient-descent", activity: "racing", settings: "surface", counter: { attribute: "step", unit: "steps", runEnds: "step 1,000" } },
  entries: [
    { path: "/glossary/gradient-descent", label: "ravine, rate 0.1" },
    { path: "/glossary/learning-rate", label: "bowl, rate 0.3" },
    { path: "/glossary/loss-function", label: "several minima, rate 0.1" },
  ],
});
