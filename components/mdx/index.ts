import type { MDXComponents } from "mdx/types";
import { ActivationFunctions } from "@/components/widgets/activation-functions";
import { Analogy } from "./Analogy";
import { Anchor } from "./Anchor";
import { Cite } from "./Cite";
import { ContrastNote } from "./ContrastNote";
import { Convolution } from "@/components/widgets/convolution";
import { CpuGpuRace } from "@/components/widgets/cpu-gpu-race";
import { Figure } from "./Figure";
import { GradientDescent } from "@/components/widgets/gradient-descent";
import { KeyTakeaway } from "./KeyTakeaway";
import { MorePrecisely } from "./MorePrecisely";
import { NotATerm } from "./NotATerm";
import { LayerVisualizer } from "@/components/widgets/layer-visualizer";
import { Overfitting } from "@/components/widgets/overfitting";
import { Steps } from "./Steps";
import { Table } from "./Table";
import { TinyTransformer } from "@/components/widgets/tiny-transformer";
import { Tokenizer } from "@/components/widgets/tokenizer";

/** Everything an entry may use without an import: words in content/, layout here. */
export const mdxComponents: MDXComponents = {
  a: Anchor,
  table: Table,
  ActivationFunctions,
  Analogy,
  Cite,
  ContrastNote,
  Convolution,
  CpuGpuRace,
  Figure,
  GradientDescent,
  KeyTakeaway,
  LayerVisualizer,
  MorePrecisely,
  NotATerm,
  Overfitting,
  Steps,
  TinyTransformer,
  Tokenizer,
};
