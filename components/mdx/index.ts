import type { MDXComponents } from "mdx/types";
import { ActivationFunctions } from "@/components/widgets/activation-functions/ActivationFunctions";
import { Analogy } from "./Analogy";
import { Anchor } from "./Anchor";
import { Cite } from "./Cite";
import { ContrastNote } from "./ContrastNote";
import { Convolution } from "@/components/widgets/convolution/Convolution";
import { CpuGpuRace } from "@/components/widgets/cpu-gpu-race/CpuGpuRace";
import { Figure } from "./Figure";
import { GradientDescent } from "@/components/widgets/gradient-descent/GradientDescent";
import { KeyTakeaway } from "./KeyTakeaway";
import { MorePrecisely } from "./MorePrecisely";
import { NotATerm } from "./NotATerm";
import { LayerVisualizer } from "@/components/widgets/layer-visualizer/LayerVisualizer";
import { Overfitting } from "@/components/widgets/overfitting/Overfitting";
import { Steps } from "./Steps";
import { Table } from "./Table";
import { Tokenizer } from "@/components/widgets/tokenizer/Tokenizer";

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
  Tokenizer,
};
