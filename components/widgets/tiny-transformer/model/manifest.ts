// What the training script records next to the weights, and what the widget and tests read.
import type { CorpusDocument } from "./corpus";
import type { TrainingSettings } from "./trainer";
import type { TransformerConfig } from "./transformer";
import type { StoredTensor } from "./weightsFile";

export type Manifest = {
  version: 1;
  config: TransformerConfig;
  parameters: number;
  weights: { file: "weights.bin"; bytes: number; tensors: StoredTensor[] };
  vocab: { file: "vocab.json"; pieces: number };
  corpus: { trainDocuments: number; heldOutDocuments: number; train: string[]; heldOut: string[]; trainPieces: number; heldOutPieces: number; trainCharacters: number; heldOutCharacters: number };
  training: TrainingSettings & { initSeed: number; steps: number; stepsPlanned: number; stoppedByTimeCap: boolean; backend: string; seconds: number; finalTrainLoss: number };
  /** Nats per piece on the held-out stream; `heldOutLoss` is measured on the shipped (quantised) weights on the CPU backend. */
  evaluation: { heldOutLoss: number; heldOutLossUnquantised: number; unigramLoss: number; bigramLoss: number; bitsPerCharacter: number; backend: "cpu" };
  payload: { weightsGzipBytes: number; vocabGzipBytes: number; totalGzipBytes: number };
};

export const PUBLIC_DIR = "public/widgets/tiny-transformer";
/** The held-out documents as they read when the shipped model was trained and measured. */
export const HELD_OUT_SNAPSHOT = "components/widgets/tiny-transformer/model/held-out.json";
export type HeldOutSnapshot = { note: string; documents: CorpusDocument[] };
