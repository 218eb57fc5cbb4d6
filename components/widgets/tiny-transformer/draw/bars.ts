// The next-piece bars, drawn with D3: each likely piece, a bar as long as its probability, and the
// percentage at the bar's end. The bar's length is a scale, so CSS eases it (and stops easing it
// for readers who ask for less motion).
import { select } from "d3-selection";
import { percent, showPiece, type Bar } from "../model/view";

export const BAR_ROW = 26;
export const BAR_BOX = 320;
const LABEL = 96;
const MAX_WIDTH = BAR_BOX - LABEL - 44;

export function drawBars(svg: SVGSVGElement, bars: Bar[]) {
  const rows = select(svg)
    .selectAll<SVGGElement, Bar>("g.tt-bar")
    .data(bars, (_, i) => String(i))
    .join((enter) => {
      const g = enter.append("g").attr("class", "tt-bar");
      g.append("text").attr("class", "tt-bar__piece").attr("x", LABEL - 6).attr("dy", "0.35em");
      g.append("rect").attr("class", "tt-bar__track").attr("x", LABEL).attr("width", MAX_WIDTH).attr("height", BAR_ROW - 8).attr("y", -(BAR_ROW - 8) / 2);
      g.append("rect").attr("class", "tt-bar__fill").attr("x", LABEL).attr("width", MAX_WIDTH).attr("height", BAR_ROW - 8).attr("y", -(BAR_ROW - 8) / 2);
      g.append("text").attr("class", "tt-bar__p").attr("dy", "0.35em");
      return g;
    })
    .attr("transform", (_, i) => `translate(0,${(i + 0.5) * BAR_ROW})`);
  rows.select("text.tt-bar__piece").text((d) => showPiece(d.piece));
  rows.select<SVGRectElement>("rect.tt-bar__fill").style("transform", (d) => `scaleX(${d.p})`);
  rows
    .select<SVGTextElement>("text.tt-bar__p")
    .attr("x", (d) => LABEL + d.p * MAX_WIDTH + 5)
    .text((d) => percent(d.p));
}
