import { describe, expect, it } from "vitest";
import { foundationsRoute, readingPath } from "./graph";
import { loadGlossary } from "./load";

describe("the link graph of the shipped glossary", () => {
  const { entries, graph } = loadGlossary();

  it("lists, under 'Mentioned in', exactly the entries whose prose links here", () => {
    for (const slug of graph.mentionedIn.get("neural-network")!) expect(graph.outgoing.get(slug)).toContain("neural-network");
    expect(graph.mentionedIn.get("neural-network")!.length).toBeGreaterThan(5);
  });

  it("sends a reader of Transformer to more basic entries first, most basic first", () => {
    const path = readingPath("transformer", graph);
    expect(path.length).toBeGreaterThan(0);
    const levels = path.map((s) => graph.level.get(s)!);
    expect(Math.max(...levels)).toBeLessThan(graph.level.get("transformer")!);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
  });

  it("gives the most basic entry no prerequisites", () => {
    expect(readingPath("artificial-intelligence", graph)).toEqual([]);
  });

  it("starts the home page's route at Artificial Intelligence and keeps to the foundations", () => {
    const route = foundationsRoute(entries, graph);
    expect(route[0]).toBe("artificial-intelligence");
    expect(route).toContain("machine-learning");
    for (const slug of route) expect(graph.level.get(slug)).toBeLessThanOrEqual(3);
  });
});
