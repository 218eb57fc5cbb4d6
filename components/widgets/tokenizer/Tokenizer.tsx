"use client";
// The name MDX knows. Every entry page shares one route, so anything imported here statically
// would ride along on every entry; behind next/dynamic the widget's code is a chunk of its own,
// loaded only by pages that render it.
import dynamic from "next/dynamic";
import type { Props } from "./LazyTokenizer";

const LazyTokenizer = dynamic(() => import("./LazyTokenizer"));

export function Tokenizer(props: Props) {
  return <LazyTokenizer {...props} />;
}
