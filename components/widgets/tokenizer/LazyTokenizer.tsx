"use client";
// What an entry page with this widget loads up front: a server-rendered still that holds the
// widget's exact place, and an observer that fetches the live widget (D3, and the worker that
// brings the ≈ 450 KB gzipped vocabulary) once the reader scrolls near it.
import { LazyMount } from "../shared/LazyMount";
import { Frame } from "./Frame";
import { presetById, windowSize, type PresetId } from "./model/presets";
import { GaugeSvg, TokensArea } from "./stages";

export type Props = {
  /** Which example text to start with: english, code, emoji, japanese or long. */
  preset?: PresetId;
  /** The context window to start with, in tokens: 4096, 8192, 32768 or 128000. */
  window?: number;
};

/** The still shows only the start of a long example: the page's HTML need not carry all of it. */
const STILL_TEXT_LENGTH = 400;
const noop = () => {};

function Still({ preset, windowTokens }: { preset: PresetId; windowTokens: number }) {
  return (
    <Frame
      live={false}
      ready={false}
      initialText={presetById(preset).text.slice(0, STILL_TEXT_LENGTH)}
      preset={preset}
      windowTokens={windowTokens}
      showIds
      counts={null}
      tokens={<TokensArea still />}
      detail="The tokeniser loads when you scroll to it. It needs JavaScript."
      gauge={<GaugeSvg />}
      gaugeReading="—"
      summary="Tokens appear here once the vocabulary has loaded."
      onText={noop}
      onPreset={noop}
      onWindow={noop}
      onShowIds={noop}
    />
  );
}

const loadLive = () => import("./LiveTokenizer");

export default function LazyTokenizer({ preset, window: requested }: Props) {
  const id = presetById(preset).id;
  const windowTokens = windowSize(requested);
  return <LazyMount name="tokenizer" still={<Still preset={id} windowTokens={windowTokens} />} load={loadLive} props={{ preset: id, windowTokens }} />;
}
