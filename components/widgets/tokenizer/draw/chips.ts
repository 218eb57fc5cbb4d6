import { select } from "d3-selection";
import { speakable, visibleSegments, type Segment, type Token } from "../model/tokens";

/** One chip per token, and a line break after every token that ends a line of the text. */
type Item = { kind: "token"; index: number; token: Token } | { kind: "break"; index: number };

function items(tokens: readonly Token[]): Item[] {
  const out: Item[] = [];
  tokens.forEach((token, index) => {
    out.push({ kind: "token", index, token });
    if (token.text.endsWith("\n") && !token.partial) out.push({ kind: "break", index });
  });
  return out;
}

const key = (d: Item) => `${d.kind}${d.index}`;

/**
 * Draws the tokens as chips in alternating tints, each with its ID under it and its whitespace made
 * visible. Chips are buttons with a roving tab stop: one is in the tab order, arrow keys move along.
 */
export function drawChips(root: HTMLElement, tokens: readonly Token[], focusIndex: number): void {
  const container = select(root);
  container
    .selectAll<HTMLElement, Item>(":scope > .tk-chip, :scope > .tk-break")
    .data(items(tokens), key)
    .join((enter) =>
      enter.append((d) => {
        if (d.kind === "break") {
          const br = document.createElement("span");
          br.className = "tk-break";
          br.setAttribute("aria-hidden", "true");
          return br;
        }
        const button = document.createElement("button");
        button.type = "button";
        button.className = "tk-chip";
        button.dataset.index = String(d.index);
        button.append(Object.assign(document.createElement("span"), { className: "tk-chip__text" }));
        const id = Object.assign(document.createElement("span"), { className: "tk-chip__id" });
        id.setAttribute("aria-hidden", "true");
        button.append(id);
        return button;
      }),
    )
    .filter((d) => d.kind === "token")
    .each(function (d) {
      if (d.kind !== "token") return;
      const { token, index } = d;
      const element = this as HTMLButtonElement;
      // Typing changes a token or two: the chips before and after it are left as they are.
      const signature = `${token.id}|${token.partial}|${token.text}`;
      if (element.dataset.signature === signature) return;
      element.dataset.signature = signature;
      const chip = select(element);
      chip
        .classed("tk-chip--odd", index % 2 === 1)
        .classed("tk-chip--partial", token.partial)
        .attr("tabindex", index === focusIndex ? 0 : -1)
        .attr("aria-label", `Token ${index + 1}: ${speakable(token.text)}${token.partial ? " (part of a character)" : ""}, ID ${token.id}`);
      chip.select(".tk-chip__id").text(token.id);
      chip
        .select(".tk-chip__text")
        .selectAll<HTMLSpanElement, Segment>("span")
        .data(visibleSegments(token.text))
        .join("span")
        .attr("class", (s) => (s.kind === "space" ? "tk-ws" : s.kind === "invisible" ? "tk-inv" : null))
        .text((s) => s.text);
    });
}

/** Marks the selected chip and every other chip with the same ID; moves the roving tab stop. */
export function markSelection(root: HTMLElement, tokens: readonly Token[], selected: number | null, focusIndex: number): void {
  const id = selected === null ? null : tokens[selected]?.id;
  select(root)
    .selectAll<HTMLButtonElement, Item>(":scope > .tk-chip")
    .classed("tk-chip--selected", (d) => d.index === selected)
    .classed("tk-chip--same", (d) => d.kind === "token" && id !== null && d.index !== selected && d.token.id === id)
    .attr("aria-pressed", (d) => (d.index === selected ? "true" : "false"))
    .attr("tabindex", (d) => (d.index === focusIndex ? 0 : -1));
}
