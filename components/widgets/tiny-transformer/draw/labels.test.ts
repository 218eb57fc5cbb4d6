import { describe, expect, it } from "vitest";
import { BAR_BOX, BAR_ROW, barRows } from "./bars";
import { MAP_CELLS, MAP_LABELS, mapLabels } from "./map";

describe("the map's labels", () => {
  it("labels every row and column while the cells are tall enough, the picked one bold-sized", () => {
    const pieces = ["▁a", "▁neural", "▁network"];
    const labels = mapLabels(pieces, 1);
    const rows = labels.filter((l) => l.axis === "row");
    const cols = labels.filter((l) => l.axis === "col");
    expect(rows.map((l) => l.text)).toEqual(pieces);
    expect(cols.map((l) => l.text)).toEqual(pieces);
    const cell = MAP_CELLS / 3;
    // Each row's label sits left of the cells, at its row's middle; each column's above, at its middle.
    expect(rows.map((l) => [l.x, l.y])).toEqual([0, 1, 2].map((i) => [MAP_LABELS - 4, MAP_LABELS + (i + 0.5) * cell]));
    expect(cols.map((l) => [l.x, l.y])).toEqual([0, 1, 2].map((i) => [MAP_LABELS + (i + 0.5) * cell, MAP_LABELS - 4]));
    expect(labels.filter((l) => l.picked).map((l) => l.i)).toEqual([1, 1]);
    expect(rows[0].size).toBe(13);
  });

  it("on a long prompt labels only the picked piece, never smaller than 9 units", () => {
    const pieces = Array.from({ length: 64 }, (_, i) => `p${i}`);
    const labels = mapLabels(pieces, 40);
    expect(labels.map((l) => [l.axis, l.text])).toEqual([
      ["row", "p40"],
      ["col", "p40"],
    ]);
    expect(labels[0].size).toBe(9);
  });

  it("clips a long piece to nine characters and an ellipsis", () => {
    expect(mapLabels(["▁information"], 0)[0].text).toBe("▁informat…");
  });
});

describe("the next-piece bars", () => {
  it("draws each bar as long as its probability, with its percentage just past its end", () => {
    const rows = barRows([
      { id: 1, piece: "▁the", p: 1 },
      { id: 2, piece: "\n", p: 0 },
    ]);
    expect(rows.map((r) => r.label)).toEqual(["▁the", "↵"]);
    expect(rows.map((r) => r.middle)).toEqual([BAR_ROW / 2, BAR_ROW * 1.5]);
    expect(rows[1].length).toBe(0);
    expect(rows[0].percent).toBe("100%");
    expect(rows[1].percent).toBe("0%");
    // The longest bar still leaves room for "100%" inside the box.
    expect(rows[0].percentX + 4 * 7.2).toBeLessThanOrEqual(BAR_BOX);
    expect(rows[0].percentX - rows[1].percentX).toBe(rows[0].length);
  });
});
