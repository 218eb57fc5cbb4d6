"use client";
// The name MDX knows. Behind next/dynamic the widget's code is a chunk of its own, loaded only by
// the entries that render it.
import dynamic from "next/dynamic";
import { withWidgetBoundary } from "../shared/WidgetBoundary";

// Inside the shared boundary, which calls this again for Retry: a chunk that cannot load leaves the
// still with a Retry notice, never a broken page (see ../shared/WidgetBoundary.tsx).
export const ActivationFunctions = withWidgetBoundary("ActivationFunctions", () => dynamic(() => import("./LazyActivationFunctions")));
