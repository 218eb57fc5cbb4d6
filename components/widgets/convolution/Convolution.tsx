"use client";
// The name MDX knows. Behind next/dynamic the widget's code is a chunk of its own, loaded only by
// the entries that render it (see ../layer-visualizer/LayerVisualizer.tsx).
import dynamic from "next/dynamic";
import type { Props } from "./LazyConvolution";

const LazyConvolution = dynamic(() => import("./LazyConvolution"));

export function Convolution(props: Props) {
  return <LazyConvolution {...props} />;
}
