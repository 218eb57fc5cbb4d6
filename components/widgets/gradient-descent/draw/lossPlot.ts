import { scaleLinear, scaleSymlog } from "d3-scale";
import { select } from "d3-selection";
import type { Runner } from "../model/race";
import { plotSteps, RUN_STYLE } from "./style";

export const PLOT_WIDTH = 300;
export const PLOT_HEIGHT = 110;

/**
 * The loss scale: logarithmic above 0.01 and linear below it (symlog), so the first big drop and
 * the last small gains both show. Runs that blow up leave through the top.
 */
export function lossScale(startLoss: number) {
  return scaleSymlog()
    .constant(0.01)
    .domain([0, Math.max(0.1, startLoss * 1.25)])
    .range([PLOT_HEIGHT - 2, 2]);
}

export function lossLine(runner: Runner, x: (step: number) => number, y: (loss: number) => number): string {
  const n = runner.losses.length;
  // At most ~300 vertices: the plot is 300 units wide.
  const stride = Math.max(1, Math.floor(n / 300));
  let out = "";
  for (let i = 0; i < n; i += stride) out += `${x(i).toFixed(1)},${clampY(y(runner.losses[i]))} `;
  if ((n - 1) % stride !== 0) out += `${x(n - 1).toFixed(1)},${clampY(y(runner.losses[n - 1]))} `;
  return out;
}

const clampY = (v: number) => (Number.isFinite(v) ? Math.max(-PLOT_HEIGHT, Math.min(2 * PLOT_HEIGHT, v)) : -PLOT_HEIGHT).toFixed(1);

/** The first step whose loss is above the plot's top, if the run is up there now. */
export function exitStep(runner: Runner, top: number): number | null {
  if (!(runner.losses.at(-1)! > top)) return null;
  const i = runner.losses.findIndex((l) => !(l <= top));
  return i < 0 ? null : i;
}

export function drawLossPlot(svg: SVGSVGElement, runners: Runner[], step: number): void {
  const x = scaleLinear().domain([0, plotSteps(step)]).range([1, PLOT_WIDTH - 1]);
  const y = lossScale(runners[0]?.losses[0] ?? 1);
  const root = select(svg).attr("viewBox", `0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}`);
  root
    .selectAll<SVGPolylineElement, Runner>("polyline")
    .data(runners, (r) => r.id)
    .join("polyline")
    .attr("class", (r) => `gd-loss gd-loss--${r.id}`)
    .attr("stroke-dasharray", (r) => RUN_STYLE[r.id].dash)
    .attr("points", (r) => lossLine(r, x, y));
  // A run whose loss shot out of the top: a small up-arrow in its colour where it left.
  const top = y.domain()[1];
  const gone = runners.flatMap((r) => {
    const at = exitStep(r, top);
    return at === null ? [] : [{ id: r.id, at }];
  });
  root
    .selectAll<SVGPathElement, (typeof gone)[number]>("path.gd-loss-exit")
    .data(gone, (d) => d.id)
    .join("path")
    .attr("class", (d) => `gd-loss-exit gd-loss-exit--${d.id}`)
    .attr("d", (d) => {
      const px = Math.min(PLOT_WIDTH - 6, Math.max(6, x(d.at)));
      return `M${px - 4},10L${px},3L${px + 4},10`;
    });
}
