// A rehype plugin, run after rehype-katex, that fits KaTeX's MathML to MathML Core as browsers
// draw it and screen readers read it:
// - MathML Core ignores `mathvariant` except "normal", so \mathbf{w}, \mathbb{E} and \mathcal{L}
//   would show as plain letters. Its answer is the Unicode mathematical alphabets: such letters
//   and digits become those characters (𝐰, 𝔼, ℒ) and the attribute goes.
// - KaTeX writes \mathrm{softmax} as seven one-letter <mi>, which a screen reader spells out;
//   upright Latin letters in a row become one <mi> ("softmax"), drawn the same.
// - A formula is one unbreakable box: a display formula becomes its own block that scrolls
//   sideways on a narrow screen (focusable, so a keyboard can scroll it), and an inline one keeps
//   the punctuation that touches it ("$x$." never leaves the "." on the next line).
import { visit } from "unist-util-visit";

/** First code point of A, a, 0 (Latin) and Α, α (Greek) in each style; absent: no such letters. */
const STYLES = {
  bold: { A: 0x1d400, a: 0x1d41a, 0: 0x1d7ce, Alpha: 0x1d6a8, alpha: 0x1d6c2 },
  italic: { A: 0x1d434, a: 0x1d44e, Alpha: 0x1d6e2, alpha: 0x1d6fc },
  "bold-italic": { A: 0x1d468, a: 0x1d482, Alpha: 0x1d71c, alpha: 0x1d736 },
  script: { A: 0x1d49c, a: 0x1d4b6 },
  "bold-script": { A: 0x1d4d0, a: 0x1d4ea },
  fraktur: { A: 0x1d504, a: 0x1d51e },
  "bold-fraktur": { A: 0x1d56c, a: 0x1d586 },
  "double-struck": { A: 0x1d538, a: 0x1d552, 0: 0x1d7d8 },
  "sans-serif": { A: 0x1d5a0, a: 0x1d5ba, 0: 0x1d7e2 },
  "bold-sans-serif": { A: 0x1d5d4, a: 0x1d5ee, 0: 0x1d7ec, Alpha: 0x1d756, alpha: 0x1d770 },
  "sans-serif-italic": { A: 0x1d608, a: 0x1d622 },
  "sans-serif-bold-italic": { A: 0x1d63c, a: 0x1d656, Alpha: 0x1d790, alpha: 0x1d7aa },
  monospace: { A: 0x1d670, a: 0x1d68a, 0: 0x1d7f6 },
};

/** Letters Unicode had already encoded elsewhere (the "holes" of the block), by style. */
const HOLES = {
  italic: { h: 0x210e },
  script: { B: 0x212c, E: 0x2130, F: 0x2131, H: 0x210b, I: 0x2110, L: 0x2112, M: 0x2133, R: 0x211b, e: 0x212f, g: 0x210a, o: 0x2134 },
  fraktur: { C: 0x212d, H: 0x210c, I: 0x2111, R: 0x211c, Z: 0x2128 },
  "double-struck": { C: 0x2102, H: 0x210d, N: 0x2115, P: 0x2119, Q: 0x211a, R: 0x211d, Z: 0x2124 },
};

/** One character in a style, or the character itself when the style has no such letter. */
export function styled(char, style) {
  const base = STYLES[style];
  if (!base) return char;
  const hole = HOLES[style]?.[char];
  if (hole) return String.fromCodePoint(hole);
  const code = char.codePointAt(0);
  const from = (start, first, count) => (start !== undefined && code >= first && code < first + count ? String.fromCodePoint(start + code - first) : undefined);
  return from(base.A, 0x41, 26) ?? from(base.a, 0x61, 26) ?? from(base[0], 0x30, 10) ?? from(base.Alpha, 0x391, 25) ?? from(base.alpha, 0x3b1, 25) ?? char;
}

const isUprightLetter = (node) =>
  node?.type === "element" && node.tagName === "mi" && node.properties?.mathvariant === "normal" && node.children.length === 1 && /^[A-Za-z]+$/.test(node.children[0].value ?? "");

/** Joins runs of upright Latin letters (\mathrm{softmax}) into one identifier. */
function joinWords(tree) {
  visit(tree, "element", (parent) => {
    const merged = [];
    for (const node of parent.children) {
      const last = merged.at(-1);
      if (isUprightLetter(node) && isUprightLetter(last)) last.children[0].value += node.children[0].value;
      else merged.push(node);
    }
    parent.children = merged;
  });
}

const isKatex = (node) => node?.type === "element" && node.tagName === "span" && node.properties?.className?.includes?.("katex");
const isDisplay = (node) => isKatex(node) && node.children.some((c) => c.tagName === "math" && c.properties?.display === "block");

/** Display formulas as scrollable blocks; inline formulas glued to the punctuation around them. */
function layOut(tree) {
  // Any parent: a formula may sit in the root or in an MDX element (<MorePrecisely>), not only in HTML.
  visit(tree, (parent) => {
    if (!parent.children || parent.properties?.className?.includes?.("math-inline")) return; // glued already
    const out = [];
    for (let i = 0; i < parent.children.length; i++) {
      const node = parent.children[i];
      if (isDisplay(node)) {
        out.push({ type: "element", tagName: "div", properties: { className: ["math-display"], tabIndex: 0, role: "group", ariaLabel: "Formula" }, children: node.children });
        continue;
      }
      if (!isKatex(node)) {
        out.push(node);
        continue;
      }
      const glued = [node];
      const before = out.at(-1);
      const opening = before?.type === "text" ? /[([“‘"']+$/.exec(before.value)?.[0] : undefined;
      if (opening) {
        before.value = before.value.slice(0, -opening.length);
        glued.unshift({ type: "text", value: opening });
      }
      const after = parent.children[i + 1];
      const closing = after?.type === "text" ? /^[.,;:!?)\]”’"'…]+/.exec(after.value)?.[0] : undefined;
      if (closing) {
        after.value = after.value.slice(closing.length);
        glued.push({ type: "text", value: closing });
      }
      out.push(glued.length > 1 ? { type: "element", tagName: "span", properties: { className: ["math-inline"] }, children: glued } : node);
    }
    parent.children = out.filter((n) => n.type !== "text" || n.value !== "");
  });
}

export default function rehypeMathmlCore() {
  return (tree) => {
    joinWords(tree);
    layOut(tree);
    visit(tree, "element", (node) => {
      const style = node.properties?.mathvariant ?? node.properties?.mathVariant;
      if (!["mi", "mn", "mo", "mtext"].includes(node.tagName) || typeof style !== "string" || !STYLES[style]) return;
      let changed = false;
      for (const child of node.children) {
        if (child.type !== "text") continue;
        const value = [...child.value].map((c) => styled(c, style)).join("");
        changed ||= value !== child.value;
        child.value = value;
      }
      if (changed) {
        delete node.properties.mathvariant;
        delete node.properties.mathVariant;
      }
    });
  };
}
