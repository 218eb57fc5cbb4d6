import { colourIndex, type ColourTable } from "./palette";

/**
 * Paints one neuron's activations over the grid into a canvas. `values` is the whole layer
 * (rows × width, row-major); `column` picks the neuron. `toSigned` maps an activation to [-1, 1].
 */
export function paintHeatmap(
  context: CanvasRenderingContext2D,
  image: ImageData,
  values: ArrayLike<number>,
  width: number,
  column: number,
  colours: ColourTable,
  toSigned: (v: number) => number,
): void {
  const pixels = image.data;
  const count = image.width * image.height;
  for (let i = 0; i < count; i++) {
    const c = colourIndex(toSigned(values[i * width + column])) * 4;
    const p = i * 4;
    pixels[p] = colours[c];
    pixels[p + 1] = colours[c + 1];
    pixels[p + 2] = colours[c + 2];
    pixels[p + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}
