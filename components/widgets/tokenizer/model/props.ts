import { presetById, windowSize, type PresetId } from "./presets";

/** What an entry may set from MDX; anything missing or unknown falls back. */
export type Props = {
  /** Which example text to start with: english, code, emoji, japanese or long. */
  preset?: PresetId;
  /** The context window to start with, in tokens: 4096, 8192, 32768 or 128000. */
  window?: number;
};

/** The still's state, and the live widget's first. */
export type Initial = { preset: PresetId; windowTokens: number };

/** An entry's props as the widget's first state. */
export function normalize({ preset, window }: Props): Initial {
  return { preset: presetById(preset).id, windowTokens: windowSize(window) };
}
