import { select } from "d3-selection";
import { speakable, visibleSegments, type Segment, type Token } from "../model/tokens";

/** One chip per token, and a line break after every token that ends a line of the text. */
type Item = { kind: "token"; index: number; token: Token; key: string } | { kind: "break"; index: number; key: string };

/**
 * Chips are keyed by what they show (the token's ID and which use of that ID it is), not by their
 * position: typing near the start of a long text then inserts or removes a chip or two and leaves
 * the hundreds after it in place, instead of rewriting every one.
 */
export function chipItems(tokens: readonly Token[]): Item[] {
  const out: Item[] = [];
  const seen = new Map<number, number>();
  tokens.forEach((token, index) => {
    const n = seen.get(token.id) ?? 0;
    seen.set(token.id, n + 1);
    const key = `${token.id}:${n}`;
    out.push({ kind: "token", index, token, key });
    if (token.text.endsWith("\n") && !token.partial) out.push({ kind: "break", index, key: `${key}↵` });
  });
  return out;
}

const label = (token: Token, index: number) => `Token ${index + 1}: ${speakable(token.text)}${token.partial ? " (part of a character)" : ""}, ID ${token.id}`;

/**
 * Draws the tokens as chips in alternating tints, each with its ID under it and its whitespace made
 * visible. Chips are buttons with a roving tab stop (see markSelection): one is in the tab order,
 * arrow keys move along. Writes only what changed since the last draw.
 */
export function drawChips(root: HTMLElement, tokens: readonly Token[]): void {
  select(root)
    .selectAll<HTMLElement, Item>(":scope > .tk-chip, :scope > .tk-break")
    .data(chipItems(tokens), (d) => d.key)
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
        button.tabIndex = -1;
        button.append(Object.assign(document.createElement("span"), { className: "tk-chip__text" }));
        const id = Object.assign(document.createElement("span"), { className: "tk-chip__id" });
        id.setAttribute("aria-hidden", "true");
        button.append(id);
        return button;
      }),
    )
    .each(function (d) {
      if (d.kind !== "token") return;
      const { token, index } = d;
      const element = this as HTMLButtonElement;
      const signature = `${token.partial}|${token.text}`;
      const moved = element.dataset.index !== String(index);
      const changed = element.dataset.signature !== signature;
      if (moved) {
        element.dataset.index = String(index);
        element.classList.toggle("tk-chip--odd", index % 2 === 1);
      }
      if (changed) {
        element.dataset.signature = signature;
        element.classList.toggle("tk-chip--partial", token.partial);
        const chip = select(element);
        chip.select(".tk-chip__id").text(token.id);
        chip
          .select(".tk-chip__text")
          .selectAll<HTMLSpanElement, Segment>("span")
          .data(visibleSegments(token.text))
          .join("span")
          .attr("class", (s) => (s.kind === "space" ? "tk-ws" : s.kind === "invisible" ? "tk-inv" : null))
          .text((s) => s.text);
      }
      if (moved || changed) element.setAttribute("aria-label", label(token, index));
    });
}

/**
 * Marks the selected chip and every other chip with the same ID, and moves the roving tab stop.
 * Writes only what changes: this runs after every result, over every chip drawn.
 */
export function markSelection(root: HTMLElement, tokens: readonly Token[], selected: number | null, focusIndex: number): void {
  const id = selected === null ? null : tokens[selected]?.id;
  select(root)
    .selectAll<HTMLButtonElement, Item>(":scope > .tk-chip")
    .each(function (d) {
      if (d.kind !== "token") return;
      const isSelected = d.index === selected;
      const isSame = id !== null && !isSelected && d.token.id === id;
      const tabIndex = d.index === focusIndex ? "0" : "-1";
      if (this.classList.contains("tk-chip--selected") !== isSelected) this.classList.toggle("tk-chip--selected", isSelected);
      if (this.classList.contains("tk-chip--same") !== isSame) this.classList.toggle("tk-chip--same", isSame);
      if (this.getAttribute("aria-pressed") !== String(isSelected)) this.setAttribute("aria-pressed", String(isSelected));
      if (this.getAttribute("tabindex") !== tabIndex) this.setAttribute("tabindex", tabIndex);
    });
}
