"use client";
// The name MDX knows. Behind next/dynamic the widget's code is a chunk of its own, loaded only by
// the entries that render it.
import dynamic from "next/dynamic";
import type { WidgetProps } from "./model/state";

const LazyActivationFunctions = dynamic(() => import("./LazyActivationFunctions"));

export function ActivationFunctions(props: WidgetProps) {
  return <LazyActivationFunctions {...props} />;
}
