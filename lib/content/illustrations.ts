import fs from "node:fs";
import path from "node:path";
import { ContentError } from "./errors";

/** Two drawings sharing more than this share of their shapes are the same picture retouched. */
export const MAX_SHARED_SHAPES = 0.5;

/** One drawn element: its name, which geometry it has, and that geometry's numbers in order. */
export type Shape = { kind: string; numbers: number[] };

/** How far (in the SVG's units) two numbers may lie apart and still draw "the same" shape. */
const NUDGE = 8;

/**
 * The shapes an SVG draws, one per element. Titles, labels, styles, comments and groups are left
 * out: new words, colours or a moved group do not make a picture another picture.
 */
export function drawingShapes(svg: string): Shape[] {
  const drawing = svg.replace(/<!--[\s\S]*?-->/g, "").replace(/<(title|desc|style|text|metadata)\b[\s\S]*?<\/\1>/g, "");
  const shapes: Shape[] = [];
  for (const [, name, attrs] of drawing.matchAll(/<([a-zA-Z]+)\b([^>]*)>/g)) {
    if (name === "svg" || name === "g" || name === "defs") continue;
    const geometry = [...attrs.matchAll(/\b(d|x|y|x1|y1|x2|y2|cx|cy|r|rx|ry|width|height|points|transform)="([^"]*)"/g)].sort(([, a], [, b]) => a.localeCompare(b));
    const numbers = geometry.flatMap(([, , value]) => (value.match(/-?\d*\.?\d+/g) ?? []).map(Number));
    const kind = [name, ...geometry.map(([, key, value]) => `${key}:${value.replace(/[-\d.,\s]+/g, " ").trim()}`)].join(" ");
    shapes.push({ kind, numbers });
  }
  return shapes;
}

const sameShape = (a: Shape, b: Shape) => a.kind === b.kind && a.numbers.length === b.numbers.length && a.numbers.every((n, i) => Math.abs(n - b.numbers[i]) <= NUDGE);

/** The share of shapes two drawings have in common, each shape matched at most once (Jaccard). */
export function sharedShapes(a: Shape[], b: Shape[]): number {
  // A drawing with no shapes is a placeholder, not a picture to compare.
  if (a.length === 0 || b.length === 0) return 0;
  const unmatched = new Map<string, Shape[]>();
  for (const shape of b) unmatched.set(shape.kind, [...(unmatched.get(shape.kind) ?? []), shape]);
  let common = 0;
  for (const shape of a) {
    const candidates = unmatched.get(shape.kind);
    const i = candidates?.findIndex((other) => sameShape(shape, other)) ?? -1;
    if (i >= 0) {
      candidates!.splice(i, 1);
      common++;
    }
  }
  return common / (a.length + b.length - common);
}

/** Every pair of entries whose illustrations are the same drawing, or nearly: each entry has its own picture. */
export function illustrationProblems(entries: { file: string; slug: string; illustration: { src: string } }[], publicDir: string): ContentError[] {
  const drawings = entries.flatMap((entry) => {
    const file = path.join(publicDir, entry.illustration.src);
    return fs.existsSync(file) ? [{ entry, shapes: drawingShapes(fs.readFileSync(file, "utf8")) }] : [];
  });
  const problems: ContentError[] = [];
  for (let i = 0; i < drawings.length; i++) {
    for (let j = i + 1; j < drawings.length; j++) {
      const shared = sharedShapes(drawings[i].shapes, drawings[j].shapes);
      if (shared > MAX_SHARED_SHAPES) {
        const [a, b] = [drawings[i].entry, drawings[j].entry];
        const what = a.illustration.src === b.illustration.src ? `uses the same file as ${b.slug}` : `draws nearly the same picture as ${b.slug}'s ${b.illustration.src} (${Math.round(shared * 100)}% of shapes in common)`;
        problems.push(new ContentError(a.file, "illustration.src", `${a.illustration.src} ${what}: every entry needs its own drawing`));
      }
    }
  }
  return problems;
}
