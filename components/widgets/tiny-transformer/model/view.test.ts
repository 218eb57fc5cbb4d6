import { describe, expect, it } from "vitest";
import { attentionRow, lookSentence, nextBars, percent, settingsText, showPiece, strongest, summaryText } from "./view";

describe("what the widget shows", () => {
  it("shows pieces with their word-start marker and names the special ones", () => {
    expect(showPiece("▁it")).toBe("▁it");
    expect(showPiece("\n")).toBe("↵");
    expect(showPiece("<|end|>")).toBe("‹end›");
  });

  it("rounds weights to percentages without hiding a sliver", () => {
    expect([percent(0), percent(0.004), percent(0.634), percent(1)]).toEqual(["0%", "<1%", "63%", "100%"]);
  });

  it("reads a row of a map and finds where it looks most", () => {
    const map = [1, 0, 0, 0.25, 0.75, 0, 0.2, 0.5, 0.3];
    expect(attentionRow(map, 3, 1)).toEqual([0.25, 0.75, 0]);
    expect(strongest(attentionRow(map, 3, 2), 2)).toEqual([
      { index: 1, weight: 0.5 },
      { index: 2, weight: 0.3 },
    ]);
    expect(lookSentence(["▁a", "▁cat", "▁it"], 2, attentionRow(map, 3, 2))).toBe("“▁it” (piece 3) looks most at “▁cat” 50%, “▁it” 30% and “▁a” 20%.");
    expect(lookSentence(["▁a"], 0, [1])).toBe("“▁a” (piece 1) looks most at “▁a” 100%.");
  });

  it("turns logits into bars that follow temperature and top-k", () => {
    const logits = [2, 1, 0, -1];
    const pieces = ["a", "b", "c", "d"];
    const warm = nextBars(logits, pieces, 1, 0, 3).bars;
    const cool = nextBars(logits, pieces, 0.5, 0, 3).bars;
    expect(warm.map((b) => b.piece)).toEqual(["a", "b", "c"]);
    expect(cool[0].p).toBeGreaterThan(warm[0].p);
    expect(nextBars(logits, pieces, 0, 0).bars[0]).toEqual({ id: 0, piece: "a", p: 1 });
    const two = nextBars(logits, pieces, 1, 2).bars;
    expect(two[0].p + two[1].p).toBeCloseTo(1);
    expect(two[2].p).toBe(0);
  });

  it("says the settings and the summary in plain words", () => {
    expect(settingsText(0, 0)).toBe("temperature 0 (always the likeliest)");
    expect(settingsText(0.8, 5)).toBe("temperature 0.80, top 5");
    expect(summaryText({ pieces: 70, windowed: 64, layer: 1, head: 0, look: "It looks.", best: { id: 1, piece: "▁is", p: 0.124 } })).toBe(
      "70 pieces (the model sees the last 64). Layer 2, head 1: It looks. Likeliest next piece: “▁is” 12%.",
    );
  });
});
