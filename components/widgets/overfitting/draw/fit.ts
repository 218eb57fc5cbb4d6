import { select } from "d3-selection";
import { line } from "d3-shape";
import type { Dataset } from "../model/data";
import { trueCurve } from "../model/data";
import { CURVE_XS } from "../model/experiment";
import { fitX, fitY } from "./geometry";

type Point = { x: number; y: number };

const TRUE_XS = Array.from(CURVE_XS);
const path = line<number>()
  .x((x) => fitX(x))
  .y((x) => fitY(trueCurve(x)));

/** The parts that change only with the data: the true curve faintly, the test points hollow, the training points filled. */
export function drawData(group: SVGGElement, data: Dataset): void {
  const root = select(group);
  root
    .selectAll<SVGPathElement, number[]>("path.of-true")
    .data([TRUE_XS])
    .join("path")
    .attr("class", "of-true")
    .attr("d", path);
  const points = (xs: Float32Array, ys: Float32Array): Point[] => Array.from(xs, (x, i) => ({ x, y: ys[i] }));
  root
    .selectAll<SVGCircleElement, Point>("circle.of-test")
    .data(points(data.testX, data.testY))
    .join("circle")
    .attr("class", "of-test")
    .attr("r", 3.6)
    .attr("cx", (d) => fitX(d.x))
    .attr("cy", (d) => fitY(d.y));
  root
    .selectAll<SVGCircleElement, Point>("circle.of-train")
    .data(points(data.trainX, data.trainY))
    .join("circle")
    .attr("class", "of-train")
    .attr("r", 5)
    .attr("cx", (d) => fitX(d.x))
    .attr("cy", (d) => fitY(d.y));
}

/** The network's curve now. */
export function drawFit(group: SVGGElement, curve: Float32Array): void {
  const fitted = line<number>()
    .x((_, i) => fitX(CURVE_XS[i]))
    .y((y) => fitY(y));
  select(group)
    .selectAll<SVGPathElement, Float32Array>("path.of-fit")
    .data([curve])
    .join("path")
    .attr("class", "of-fit")
    .attr("d", (d) => fitted(Array.from(d)));
}
