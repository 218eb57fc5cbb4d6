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

/** Each canvas's detached twin, painted first (see paintBox). */
const twins = new WeakMap<HTMLCanvasElement, HTMLCanvasElement>();

/**
 * Paints `draw` onto `canvas` in a `width` × `height` box stretched over it, its backing store sized
 * to the canvas's CSS box at the screen's pixel ratio (sharp text). The drawing happens on a detached
 * twin and is copied over in one drawImage: on a canvas in the page, setting a font or drawing text
 * first brings the whole page's style up to date, which after a render cost a phone at 4× throttling
 * 14–19 ms inside the painting task; on a detached canvas it costs nothing.
 */
export function paintBox(canvas: HTMLCanvasElement, width: number, height: number, draw: (context: CanvasRenderingContext2D) => void): void {
  const ratio = window.devicePixelRatio || 1;
  const css = canvasSize(canvas);
  const w = Math.max(1, Math.round(css.width * ratio));
  const h = Math.max(1, Math.round(css.height * ratio));
  let twin = twins.get(canvas);
  if (!twin) twins.set(canvas, (twin = document.createElement("canvas")));
  for (const c of [canvas, twin]) {
    if (c.width !== w || c.height !== h) {
      c.width = w;
      c.height = h;
    }
  }
  const back = twin.getContext("2d");
  const front = canvas.getContext("2d");
  if (!back || !front) return;
  back.setTransform(w / width, 0, 0, h / height, 0, 0);
  back.clearRect(0, 0, width, height);
  draw(back);
  front.clearRect(0, 0, w, h);
  front.drawImage(twin, 0, 0);
}
