// The training loss over steps, drawn with D3: each step's batch loss (thin), the loss on the
// held-back text (thick, with dots), and two flat lines to beat: guessing by piece counts alone
// (the unigram) and the shipped model.
import { scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";

export const LOSS_BOX = { width: 400, height: 170 };
const M = { left: 34, right: 136, top: 8, bottom: 22 };

export type LossPoint = { step: number; loss: number };

export function drawLoss(svg: SVGSVGElement, args: { batch: LossPoint[]; held: LossPoint[]; unigram: number | null; shipped: number | null }) {
  const { batch, held, unigram, shipped } = args;
  const all = [...batch, ...held].map((p) => p.loss);
  const lastStep = Math.max(20, ...batch.map((p) => p.step), ...held.map((p) => p.step));
  const low = Math.min(...all, shipped ?? Infinity, unigram ?? Infinity, 7);
  const high = Math.max(...all, unigram ?? 0, 7.2);
  const x = scaleLinear().domain([0, lastStep]).range([M.left, LOSS_BOX.width - M.right]);
  const y = scaleLinear()
    .domain([Math.floor(low - 0.2), Math.ceil(high)])
    .range([LOSS_BOX.height - M.bottom, M.top]);
  const path = line<LossPoint>()
    .x((p) => x(p.step))
    .y((p) => y(p.loss));
  const root = select(svg);

  const ticks = y.ticks(4);
  root
    .selectAll<SVGGElement, number>("g.tt-loss__tick")
    .data(ticks)
    .join((enter) => {
      const g = enter.append("g").attr("class", "tt-loss__tick");
      g.append("line");
      g.append("text").attr("dy", "0.35em");
      return g;
    })
    .call((g) => g.select("line").attr("x1", M.left).attr("x2", LOSS_BOX.width - M.right).attr("y1", (d) => y(d)).attr("y2", (d) => y(d)))
    .call((g) =>
      g
        .select("text")
        .attr("x", M.left - 4)
        .attr("y", (d) => y(d))
        .text((d) => String(d)),
    );
  root
    .selectAll("text.tt-loss__axis")
    .data([`step ${lastStep}`])
    .join("text")
    .attr("class", "tt-loss__axis")
    .attr("x", LOSS_BOX.width - M.right)
    .attr("y", LOSS_BOX.height - 6)
    .text((d) => d);

  const levels = [
    { key: "unigram", value: unigram, label: "counts only" },
    { key: "shipped", value: shipped, label: "shipped model" },
  ].filter((l): l is { key: string; value: number; label: string } => l.value !== null);
  root
    .selectAll<SVGGElement, (typeof levels)[number]>("g.tt-loss__level")
    .data(levels, (d) => d.key)
    .join((enter) => {
      const g = enter.append("g").attr("class", (d) => `tt-loss__level tt-loss__level--${d.key}`);
      g.append("line");
      g.append("text").attr("dy", "0.35em");
      return g;
    })
    .call((g) => g.select("line").attr("x1", M.left).attr("x2", LOSS_BOX.width - M.right).attr("y1", (d) => y(d.value)).attr("y2", (d) => y(d.value)))
    .call((g) =>
      g
        .select("text")
        .attr("x", LOSS_BOX.width - M.right + 4)
        .attr("y", (d) => y(d.value))
        .text((d) => `${d.label} ${d.value.toFixed(2)}`),
    );

  root
    .selectAll("path.tt-loss__batch")
    .data([batch])
    .join("path")
    .attr("class", "tt-loss__batch")
    .attr("d", (d) => path(d) ?? "");
  root
    .selectAll("path.tt-loss__held")
    .data([held])
    .join("path")
    .attr("class", "tt-loss__held")
    .attr("d", (d) => path(d) ?? "");
  root
    .selectAll<SVGCircleElement, LossPoint>("circle.tt-loss__dot")
    .data(held)
    .join("circle")
    .attr("class", "tt-loss__dot")
    .attr("r", 2.5)
    .attr("cx", (d) => x(d.step))
    .attr("cy", (d) => y(d.loss));
}
