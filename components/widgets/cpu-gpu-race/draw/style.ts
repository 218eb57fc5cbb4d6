import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from "d3-shape";
import type { RaceBackend } from "../model/backends";

/** Each backend's line pattern and marker, so the chart reads without colour. */
export const LANE_STYLE: Record<RaceBackend, { dash: string | null; marker: SymbolType }> = {
  cpu: { dash: null, marker: symbolCircle },
  wasm: { dash: "7 4", marker: symbolSquare },
  webgl: { dash: "2 3", marker: symbolTriangle },
  webgpu: { dash: "9 3 2 3", marker: symbolDiamond },
};

/** The marker as an SVG path of about `radius` around the origin. */
export function markerPath(id: RaceBackend, radius: number): string {
  return symbol(LANE_STYLE[id].marker, Math.PI * radius * radius)() ?? "";
}
