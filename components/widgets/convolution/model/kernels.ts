/** A 3 × 3 kernel, row by row (top row first), as the widget shows and edits it. */
export type Kernel = readonly number[];

export const PRESET_IDS = ["vertical", "horizontal", "blur", "sharpen", "outline"] as const;
export type PresetId = (typeof PRESET_IDS)[number];
export type FilterId = PresetId | "custom";

/** The filters a reader can try on the picture, each with what it does in a few words. */
export const PRESETS: Record<PresetId, { label: string; kernel: Kernel; blurb: string }> = {
  vertical: {
    label: "Vertical edges",
    kernel: [-1, 0, 1, -2, 0, 2, -1, 0, 1].map((w) => w / 4),
    blurb: "right minus left: purple where ink begins, orange where it ends",
  },
  horizontal: {
    label: "Horizontal edges",
    kernel: [-1, -2, -1, 0, 0, 0, 1, 2, 1].map((w) => w / 4),
    blurb: "below minus above: purple on the tops of strokes, orange on the bottoms",
  },
  blur: { label: "Blur", kernel: [1, 2, 1, 2, 4, 2, 1, 2, 1].map((w) => w / 16), blurb: "a weighted average of each pixel and its neighbours" },
  sharpen: { label: "Sharpen", kernel: [0, -1, 0, -1, 5, -1, 0, -1, 0], blurb: "each pixel pushed away from its neighbours" },
  outline: { label: "Outline", kernel: [-1, -1, -1, -1, 8, -1, -1, -1, -1].map((w) => w / 4), blurb: "each pixel minus its eight neighbours" },
};

export const isFilterId = (v: unknown): v is FilterId => v === "custom" || (PRESET_IDS as readonly unknown[]).includes(v);

/** Weights a reader can type into the custom kernel. */
export const WEIGHT_MIN = -4;
export const WEIGHT_MAX = 4;
export const WEIGHT_STEP = 0.25;
export const clampWeight = (w: number) => (Number.isFinite(w) ? Math.max(WEIGHT_MIN, Math.min(WEIGHT_MAX, Math.round(w / WEIGHT_STEP) * WEIGHT_STEP)) : 0);

/** The preset a kernel equals, or "custom". */
export function presetOf(kernel: Kernel): FilterId {
  for (const id of PRESET_IDS) if (PRESETS[id].kernel.every((w, i) => Math.abs(w - kernel[i]) < 1e-9)) return id;
  return "custom";
}

/**
 * Layer 1 of the two-layer story: four fixed edge filters, each followed by ReLU (negatives
 * become 0), so each map marks one side of the strokes. The weights are the vertical and
 * horizontal edge presets and their negatives.
 */
export const LAYER1 = [
  { id: "left", label: "Left sides", glyph: "⎸", kernel: PRESETS.vertical.kernel },
  { id: "right", label: "Right sides", glyph: "⎹", kernel: PRESETS.vertical.kernel.map((w) => -w) },
  { id: "top", label: "Tops", glyph: "‾", kernel: PRESETS.horizontal.kernel },
  { id: "bottom", label: "Bottoms", glyph: "_", kernel: PRESETS.horizontal.kernel.map((w) => -w) },
] as const;
export type EdgeId = (typeof LAYER1)[number]["id"];
export const EDGE_IDS: EdgeId[] = LAYER1.map((l) => l.id);

/** A layer-2 filter: one 3 × 3 slice per layer-1 map (those it ignores are all zeros), and a bias. */
export type ShapeFilter = { id: string; label: string; glyph: string; blurb: string; slices: Record<EdgeId, Kernel>; bias: number };

const Z: Kernel = [0, 0, 0, 0, 0, 0, 0, 0, 0];
/** A slice with weight w at the listed cells ("r,c", rows and columns 0..2). */
const at = (w: number, ...cells: string[]): Kernel => {
  const k = [...Z];
  for (const cell of cells) {
    const [r, c] = cell.split(",").map(Number);
    k[r * 3 + c] = w;
  }
  return k;
};

/**
 * Layer 2: six hand-made filters that read the four edge maps (after 2 × 2 max pooling, so each
 * 3 × 3 window spans 6 × 6 pixels of the picture). A bend adds up evidence from two edge maps, and
 * its bias of −1 means one kind of edge alone is not enough: both must be there, in the right
 * places. A run wants a stroke's two sides running side by side for three cells, and no edge across it.
 */
export const LAYER2: readonly ShapeFilter[] = [
  {
    id: "upright",
    label: "Upright runs",
    glyph: "│",
    blurb: "a left side and, just right of it, a right side, both running up and down",
    slices: { left: at(1 / 2, "0,1", "1,1", "2,1"), right: at(1 / 4, "0,1", "1,1", "2,1", "0,2", "1,2", "2,2"), top: at(-1 / 2, "1,1"), bottom: at(-1 / 2, "1,1") },
    bias: -1,
  },
  {
    id: "flat",
    label: "Flat runs",
    glyph: "─",
    blurb: "a top and, just below it, a bottom, both running across",
    slices: { left: at(-1 / 2, "1,1"), right: at(-1 / 2, "1,1"), top: at(1 / 2, "1,0", "1,1", "1,2"), bottom: at(1 / 4, "1,0", "1,1", "1,2", "2,0", "2,1", "2,2") },
    bias: -1,
  },
  {
    id: "top-left",
    label: "Top-left bends",
    glyph: "╭",
    blurb: "a top running off to the right where a left side runs down",
    slices: { left: at(0.5, "1,1", "2,1"), right: Z, top: at(0.5, "1,1", "1,2"), bottom: Z },
    bias: -1,
  },
  {
    id: "top-right",
    label: "Top-right bends",
    glyph: "╮",
    blurb: "a top running off to the left where a right side runs down",
    slices: { left: Z, right: at(0.5, "1,1", "2,1"), top: at(0.5, "1,0", "1,1"), bottom: Z },
    bias: -1,
  },
  {
    id: "bottom-left",
    label: "Bottom-left bends",
    glyph: "╰",
    blurb: "a bottom running off to the right where a left side runs up",
    slices: { left: at(0.5, "0,1", "1,1"), right: Z, top: Z, bottom: at(0.5, "1,1", "1,2") },
    bias: -1,
  },
  {
    id: "bottom-right",
    label: "Bottom-right bends",
    glyph: "╯",
    blurb: "a bottom running off to the left where a right side runs up",
    slices: { left: Z, right: at(0.5, "0,1", "1,1"), top: Z, bottom: at(0.5, "1,0", "1,1") },
    bias: -1,
  },
];
export type ShapeId = (typeof LAYER2)[number]["id"];
export const SHAPE_IDS = LAYER2.map((s) => s.id);
export const isShapeId = (v: unknown): v is string => typeof v === "string" && SHAPE_IDS.includes(v);

/**
 * The layer-1 filters as a TF.js conv2d filter, shape [3, 3, 1, 4] (height, width, in, out), flat.
 */
export function layer1Filter(): Float32Array {
  const out = new Float32Array(9 * LAYER1.length);
  LAYER1.forEach((l, o) => l.kernel.forEach((w, i) => (out[i * LAYER1.length + o] = w)));
  return out;
}

/**
 * The layer-2 filters as a depthwise filter, shape [3, 3, 4, 6] (height, width, in, multiplier):
 * a depthwise convolution then gives every (edge map, shape) pair its own partial map, and summing
 * over the edge maps gives exactly what conv2d with the same [3, 3, 4, 6] filter gives.
 */
export function layer2Filter(): Float32Array {
  const inC = LAYER1.length;
  const outC = LAYER2.length;
  const out = new Float32Array(9 * inC * outC);
  LAYER2.forEach((shape, o) =>
    EDGE_IDS.forEach((edge, c) => shape.slices[edge].forEach((w, i) => (out[(i * inC + c) * outC + o] = w))),
  );
  return out;
}

export const layer2Bias = (): Float32Array => Float32Array.from(LAYER2, (s) => s.bias);
