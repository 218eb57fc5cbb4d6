import { configFromPreset, presetById, type VisualizerConfig } from "../state/config";

/** What an entry may set from MDX: a preset, and any part of the configuration over it. */
export type Props = { preset?: string } & Partial<VisualizerConfig>;

/** The still's state, and the live widget's first: the configuration and the question above it. */
export type Initial = { config: VisualizerConfig; question: string };

/** An entry's props as the widget's first state (an unknown preset falls back to the circle). */
export function normalize({ preset, ...overrides }: Props): Initial {
  return { config: configFromPreset(preset, overrides), question: presetById(preset).question };
}
