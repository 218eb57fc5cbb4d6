"use client";
// The name MDX knows. Behind next/dynamic the widget's code is a chunk of its own, loaded only by
// the entries that render it (see ../layer-visualizer/LayerVisualizer.tsx).
import dynamic from "next/dynamic";
import type { Props } from "./LazyOverfitting";

const LazyOverfitting = dynamic(() => import("./LazyOverfitting"));

export function Overfitting(props: Props) {
  return <LazyOverfitting {...props} />;
}
