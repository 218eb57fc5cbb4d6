import { scaleLinear, scaleLog } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";
import type { LossPoint } from "../../shared/lossHistory";
import { BOX, epochSpan, formatTick, LOSS, LOSS_TICKS } from "./geometry";

export function lossScales(epoch: number) {
  const x = scaleLinear().domain([0, epochSpan(epoch)]).range([LOSS.left, BOX.width - LOSS.right]);
  const y = scaleLog().domain([LOSS.min, LOSS.max]).range([BOX.height - LOSS.bottom, LOSS.top]).clamp(true);
  return { x, y };
}

/** Gridlines, decade labels and the epoch axis: redrawn only when the epoch span changes. */
export function drawLossAxes(group: SVGGElement, epoch: number, noiseLevel: number): void {
  const { x, y } = lossScales(epoch);
  const root = select(group);
  root
    .selectAll<SVGLineElement, number>("line.of-grid")
    .data(LOSS_TICKS)
    .join("line")
    .attr("class", "of-grid")
    .attr("x1", LOSS.left)
    .attr("x2", BOX.width - LOSS.right)
    .attr("y1", (d) => y(d))
    .attr("y2", (d) => y(d));
  root
    .selectAll<SVGTextElement, number>("text.of-tick")
    .data(LOSS_TICKS)
    .join("text")
    .attr("class", "of-tick")
    .attr("x", LOSS.left - 6)
    .attr("y", (d) => y(d))
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .text(formatTick);
  // The noise level: what the true curve itself scores. A train loss far below it is fitting noise.
  root
    .selectAll<SVGLineElement, number>("line.of-noise")
    .data([noiseLevel])
    .join("line")
    .attr("class", "of-noise")
    .attr("x1", LOSS.left)
    .attr("x2", BOX.width - LOSS.right)
    .attr("y1", (d) => y(d))
    .attr("y2", (d) => y(d));
  root
    .selectAll<SVGTextElement, number>("text.of-noise-label")
    .data([noiseLevel])
    .join("text")
    .attr("class", "of-noise-label")
    .attr("x", BOX.width - LOSS.right - 4)
    .attr("y", (d) => y(d) - 5)
    .attr("text-anchor", "end")
    .text("noise level");
  const span = epochSpan(epoch);
  root
    .selectAll<SVGTextElement, { at: number; label: string; anchor: string }>("text.of-epoch-tick")
    .data([
      { at: 0, label: "0", anchor: "start" },
      { at: span, label: `${span.toLocaleString("en-GB")} epochs`, anchor: "end" },
    ])
    .join("text")
    .attr("class", "of-epoch-tick")
    .attr("x", (d) => x(d.at))
    .attr("y", BOX.height - 6)
    .attr("text-anchor", (d) => d.anchor)
    .text((d) => d.label);
}

/** The two loss lines over the epochs so far, and a ring on the lowest test loss. */
export function drawLossLines(group: SVGGElement, history: LossPoint[], epoch: number, best: LossPoint | undefined): void {
  const { x, y } = lossScales(epoch);
  const root = select(group);
  for (const key of ["train", "test"] as const) {
    const path = line<LossPoint>()
      .defined((d) => Number.isFinite(d[key]))
      .x((d) => x(d.epoch))
      .y((d) => y(Math.max(LOSS.min, d[key])));
    root
      .selectAll<SVGPathElement, LossPoint[]>(`path.of-loss--${key}`)
      .data([history])
      .join("path")
      .attr("class", `of-loss of-loss--${key}`)
      .attr("d", path);
  }
  const marks = best && epoch > 0 && best.epoch < epoch ? [best] : [];
  root
    .selectAll<SVGCircleElement, LossPoint>("circle.of-best")
    .data(marks)
    .join("circle")
    .attr("class", "of-best")
    .attr("r", 4.5)
    .attr("cx", (d) => x(d.epoch))
    .attr("cy", (d) => y(d.test));
}
