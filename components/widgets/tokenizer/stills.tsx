// Before the live widget arrives, drawn on the server: the start of the example text in the Frame,
// its controls disabled.
import { Frame, GaugeSvg, TokensArea } from "./Frame";
import { presetById } from "./model/presets";
import type { Initial } from "./model/props";

/** The still shows only the start of a long example: the page's HTML need not carry all of it. */
const STILL_TEXT_LENGTH = 400;

export function Still({ initial }: { initial: Initial }) {
  return (
    <Frame
      ready={false}
      initialText={presetById(initial.preset).text.slice(0, STILL_TEXT_LENGTH)}
      preset={initial.preset}
      windowTokens={initial.windowTokens}
      showIds
      counts={null}
      tokens={<TokensArea still />}
      detail="The tokeniser loads when you scroll to it. It needs JavaScript."
      gauge={<GaugeSvg />}
      gaugeReading="—"
      summary="Tokens appear here once the vocabulary has loaded."
    />
  );
}
