// Before the live widget arrives, drawn on the server: the Frame's boxes, blank, its controls disabled.
import { Frame } from "./Frame";
import { PRESETS } from "./model/kernels";
import type { Initial } from "./model/props";

export function Still({ initial }: { initial: Initial }) {
  return (
    <Frame
      ready={false}
      badge="not loaded yet"
      source={`a handwritten ${initial.digit}`}
      filter={initial.filter}
      kernel={PRESETS[initial.filter].kernel}
      shape={initial.shape}
      readout="The window's sum appears here."
      summary="The live widget loads when you scroll to it. It needs JavaScript."
    />
  );
}
