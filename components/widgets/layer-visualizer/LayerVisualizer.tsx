"use client";
// The name MDX knows. Every entry page shares one route, so anything imported here statically
// would ride along on every entry; behind next/dynamic the widget's code is a chunk of its own,
// loaded only by pages that render it.
import dynamic from "next/dynamic";
import type { Props } from "./LazyWidget";

const LazyWidget = dynamic(() => import("./LazyWidget"));

export function LayerVisualizer(props: Props) {
  return <LazyWidget {...props} />;
}
