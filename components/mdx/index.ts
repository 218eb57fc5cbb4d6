import type { MDXComponents } from "mdx/types";
import { Analogy } from "./Analogy";
import { Anchor } from "./Anchor";
import { Figure } from "./Figure";
import { KeyTakeaway } from "./KeyTakeaway";
import { LayerVisualizer } from "@/components/widgets/layer-visualizer/LayerVisualizer";
import { Steps } from "./Steps";
import { Table } from "./Table";
import { Tokenizer } from "@/components/widgets/tokenizer/Tokenizer";

/** Everything an entry may use without an import: words in content/, layout here. */
export const mdxComponents: MDXComponents = {
  a: Anchor,
  table: Table,
  Analogy,
  Figure,
  KeyTakeaway,
  LayerVisualizer,
  Steps,
  Tokenizer,
};
