import type { OptimizerId } from "../model/race";

/**
 * How each optimizer is drawn. Colour is never the only cue: each has its own line pattern
 * (solid, dashed, dotted) and its own marker shape (circle, square, triangle). Plain strings, no
 * D3, so the server-rendered still can draw the legend too.
 */
export const RUN_STYLE: Record<OptimizerId, { dash: string | null; blurb: string }> = {
  sgd: { dash: null, blurb: "plain steps" },
  momentum: { dash: "7 4", blurb: "keeps rolling" },
  adam: { dash: "1 4", blurb: "adapts its steps" },
};

/** A marker shape centred on the origin, about 2r across. */
export function markerPath(id: OptimizerId, r = 5.5): string {
  switch (id) {
    case "sgd":
      return `M${r},0A${r},${r} 0 1,1 ${-r},0A${r},${r} 0 1,1 ${r},0Z`;
    case "momentum": {
      const s = r * 0.88;
      return `M${-s},${-s}H${s}V${s}H${-s}Z`;
    }
    case "adam": {
      const t = r * 1.25;
      return `M0,${-t}L${t * 0.95},${t * 0.7}H${-t * 0.95}Z`;
    }
  }
}

/** How many steps the loss plot's x axis spans: at least 100, growing in round hundreds. */
export function plotSteps(step: number): number {
  return Math.max(100, Math.ceil(step / 100) * 100);
}
