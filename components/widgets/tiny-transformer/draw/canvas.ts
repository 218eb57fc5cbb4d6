// Text and bars that change with every keystroke are painted on canvases: as SVG text, the map's
// labels and the bars' labels cost a phone a layout and a paint of ~80 text boxes per keystroke
// (at 4× CPU throttling, most frames while typing went over 50 ms; on a canvas they cost ~8 ms).

/**
 * The page's colours and monospace font, read from the canvas's own CSS (so the theme follows).
 * Reading them forces a style recalculation: read once per theme, not per paint.
 */
export type CanvasStyle = { mono: string; ink: string; muted: string; accent: string; paper: string; weight: string };

export function canvasStyle(canvas: HTMLCanvasElement): CanvasStyle {
  const css = getComputedStyle(canvas);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { mono: css.fontFamily, ink: v("--ink"), muted: v("--ink-muted"), accent: v("--accent"), paper: v("--paper"), weight: v("--tt-weight") };
}

/** Each canvas's CSS size as a ResizeObserver last reported it: reading clientWidth would force a layout per paint. */
const cssSizes = new WeakMap<HTMLCanvasElement, { width: number; height: number }>();

export function noteCanvasSize(canvas: HTMLCanvasElement, width: number, height: number): void {
  cssSizes.set(canvas, { width, height });
}

/** The canvas's CSS size: as last noted, or read (with a layout) if never noted. */
export function canvasSize(canvas: HTMLCanvasElement): { width: number; height: number } {
  return cssSizes.get(canvas) ?? { width: canvas.clientWidth, height: canvas.clientHeight };
}

/**
 * A cleared 2D context whose units are a `width` × `height` box stretched over the canvas, its
 * backing store sized to the canvas's CSS box at the screen's pixel ratio (sharp text).
 */
export function boxContext(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  const css = canvasSize(canvas);
  const w = Math.max(1, Math.round(css.width * ratio));
  const h = Math.max(1, Math.round(css.height * ratio));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.setTransform(w / width, 0, 0, h / height, 0, 0);
  context.clearRect(0, 0, width, height);
  return context;
}
