import { select } from "d3-selection";
import { scaleLinear } from "d3-scale";
import { colourIndex, type ColourTable } from "../../shared/palette";

const css = (colours: ColourTable, v: number) => {
  const c = colourIndex(v) * 4;
  return `rgb(${colours[c]},${colours[c + 1]},${colours[c + 2]})`;
};

/**
 * Digits mode: each layer's activations for one digit as a grid of cells (input 8×8, hidden
 * layers in rows of eight), then the ten class probabilities as bars.
 */
export function drawDigitLayers(root: HTMLElement, layers: number[][], colours: ColourTable): void {
  const hidden = layers.slice(0, -1);
  select(root)
    .selectAll<HTMLDivElement, number[]>("div.lv-dlayer")
    .data(hidden)
    .join((enter) => {
      const div = enter.append("div").attr("class", "lv-dlayer");
      div.append("p").attr("class", "lv-dlayer__name");
      div.append("div").attr("class", "lv-dlayer__cells").attr("aria-hidden", "true");
      return div;
    })
    .each(function (values, layer) {
      const peak = Math.max(1e-6, ...values.map(Math.abs));
      select(this)
        .select("p")
        .text(layer === 0 ? "Input · 8×8 ink" : `Layer ${layer} · ${values.length} neurons`);
      select(this)
        .select(".lv-dlayer__cells")
        .selectAll<HTMLSpanElement, number>("span")
        .data(values)
        .join("span")
        .style("background", (v) => css(colours, v / peak));
    });
}

export function drawProbabilities(svg: SVGSVGElement, probabilities: number[], width: number): void {
  const rowHeight = 20;
  const labelWidth = 18;
  const valueWidth = 44;
  const x = scaleLinear().domain([0, 1]).range([0, width - labelWidth - valueWidth]);
  const best = probabilities.indexOf(Math.max(...probabilities));
  const rows = select(svg)
    .attr("viewBox", `0 0 ${width} ${rowHeight * 10}`)
    .selectAll<SVGGElement, number>("g.lv-prob")
    .data(probabilities)
    .join((enter) => {
      const g = enter.append("g").attr("class", "lv-prob");
      g.append("text").attr("class", "lv-prob__digit").attr("x", 0).attr("y", 14);
      g.append("rect").attr("class", "lv-prob__track").attr("x", labelWidth).attr("y", 4).attr("height", 12).attr("rx", 2);
      g.append("rect").attr("class", "lv-prob__bar").attr("x", labelWidth).attr("y", 4).attr("height", 12).attr("rx", 2);
      g.append("text").attr("class", "lv-prob__value").attr("y", 14).attr("text-anchor", "end");
      return g;
    })
    .attr("transform", (_, i) => `translate(0, ${i * rowHeight})`)
    .classed("lv-prob--best", (_, i) => i === best);
  rows.select(".lv-prob__digit").text((_, i) => String(i));
  rows.select(".lv-prob__track").attr("width", x(1));
  rows.select(".lv-prob__bar").attr("width", (p) => Math.max(0.5, x(p)));
  rows.select(".lv-prob__value").attr("x", width).text((p) => `${(p * 100).toFixed(p >= 0.995 ? 0 : 1)}%`);
}
