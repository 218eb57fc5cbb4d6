import { describe, expect, it } from "vitest";
import { layoutNetwork } from "./layout";

describe("layoutNetwork", () => {
  it("places every neuron inside the drawing, without overlaps, at phone width", () => {
    const layout = layoutNetwork([2, 8, 8, 8, 8, 8, 8, 1], 335, 300);
    for (const column of layout.nodes) {
      for (const node of column) {
        expect(node.x - node.size / 2).toBeGreaterThanOrEqual(0);
        expect(node.x + node.size / 2).toBeLessThanOrEqual(335);
        expect(node.y - node.size / 2).toBeGreaterThanOrEqual(0);
        expect(node.y + node.size / 2).toBeLessThanOrEqual(300);
      }
      for (let i = 1; i < column.length; i++) expect(column[i].y - column[i - 1].y).toBeGreaterThanOrEqual(layout.nodeSize);
    }
  });

  it("centres a short layer vertically and gives each layer its own column", () => {
    const layout = layoutNetwork([2, 4, 1], 600, 320);
    expect(layout.nodes[2][0].y).toBeCloseTo(160);
    expect(new Set(layout.nodes.map((c) => c[0].x)).size).toBe(3);
  });
});
