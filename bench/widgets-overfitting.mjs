// The overfitting widget on each of its entries, training live in headless Chromium (what is
// measured: bench/playing-widget.mjs). Run after `npm run build`. Env: BENCH_PORT (3410), RUN_SECONDS (12).
import { benchPlayingWidget } from "./playing-widget.mjs";

await benchPlayingWidget({
  port: 3410,
  widget: { name: "overfitting", title: "Overfitting", activity: "training", settings: "settings", counter: { attribute: "epoch", unit: "epochs", runEnds: "epoch 3,000" } },
  entries: [
    { path: "/glossary/overfitting", label: "no L2, no dropout" },
    { path: "/glossary/regularization", label: "L2 0.01" },
    { path: "/glossary/dropout", label: "dropout raised to 30%", prepare: (widget) => widget.getByLabel("Dropout").fill("3") },
  ],
});
