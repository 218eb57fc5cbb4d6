// Before the live widget arrives, drawn on the server: the prompt split into the model's own pieces
// (the tokenizer is plain TypeScript, so the server runs it), the maps' empty boxes and the controls
// disabled. Without JavaScript this is what a reader sees, and its lines say what the widget does.
import vocab from "@/public/widgets/tiny-transformer/vocab.json";
import { BarsCanvas, Frame, MapBox, Thumbs } from "./Frame";
import { MapTable } from "./controls/MapTable";
import { StepThrough } from "./controls/StepThrough";
import { TrainPanel } from "./controls/TrainPanel";
import { HEADS, LAYERS, type Initial } from "./model/props";
import { Tokenizer, type VocabJson } from "./model/tokenizer";

let tokenizer: Tokenizer | null = null;

export function Still({ initial }: { initial: Initial }) {
  tokenizer ??= new Tokenizer(vocab as VocabJson);
  const pieces = tokenizer.encode(initial.prompt).map((id) => tokenizer!.pieceText(id));
  const label = `Layer ${initial.layer + 1}, head ${initial.head + 1}: drawn once the model has loaded`;
  return (
    <Frame
      badge="not loaded yet"
      initialText={initial.prompt}
      chips={pieces.map((piece) => ({ piece, weight: null, out: false }))}
      picked={pieces.length - 1}
      look="The model loads when you scroll here (about 200 KB). It needs JavaScript."
      layer={initial.layer}
      head={initial.head}
      layers={LAYERS}
      heads={HEADS}
      map={<MapBox patternId="tt-mask-still" label={label} note="Every attention map is drawn here once the model has loaded." />}
      thumbs={<Thumbs layers={LAYERS} heads={HEADS} layer={initial.layer} head={initial.head} />}
      table={<MapTable open={false} labels={null} map={null} caption={label} />}
      bars={<BarsCanvas label="The next-piece probabilities appear here once the model has loaded." note="The likeliest next pieces appear here as bars once the model has loaded." />}
      temperature={initial.temperature}
      topK={initial.topK}
      playing={false}
      generated="0 generated"
      summary={`${pieces.length} pieces. The attention maps and next-piece bars appear once the model has loaded.`}
    >
      <StepThrough view={null} open={false} />
      <TrainPanel open={false} />
    </Frame>
  );
}
