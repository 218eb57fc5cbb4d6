// The name MDX knows: a Server Component with the still; see ../shared/defineWidget.tsx.
import { defineWidget } from "../shared/defineWidget";
import { normalize } from "./model/props";
import { Still } from "./stills";

export const TinyTransformer = defineWidget("tiny-transformer", normalize, Still);
