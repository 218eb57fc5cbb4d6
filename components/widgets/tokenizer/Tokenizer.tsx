"use client";
// The name MDX knows. Every entry page shares one route, so anything imported here statically
// would ride along on every entry; behind next/dynamic the widget's code is a chunk of its own,
// loaded only by pages that render it.
import dynamic from "next/dynamic";
import { withWidgetBoundary } from "../shared/WidgetBoundary";

// Inside the shared boundary, which calls this again for Retry: a chunk that cannot load leaves the
// still with a Retry notice, never a broken page (see ../shared/WidgetBoundary.tsx).
export const Tokenizer = withWidgetBoundary("Tokenizer", () => dynamic(() => import("./LazyTokenizer")));
