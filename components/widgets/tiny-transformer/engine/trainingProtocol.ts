/** Messages from the page to the training worker. */
export type ToTrainer =
  | { type: "start"; source: "glossary"; seed: number }
  | { type: "start"; source: "text"; text: string; seed: number }
  | { type: "play" }
  | { type: "pause" }
  | { type: "step" }
  | { type: "reset"; seed: number };

/** A measurement on the held-back pieces, and a sample written by the model as it is now. */
export type Evaluation = { step: number; loss: number; sample: string };

/** Messages from the training worker to the page. */
export type FromTrainer =
  | {
      type: "ready";
      backend: string;
      /** Pieces trained on, and held back for measuring. */
      trainPieces: number;
      heldPieces: number;
      /** Nats per piece on the held-back text: guessing by piece counts alone, and the shipped model. */
      unigramLoss: number;
      shippedLoss: number;
      start: Evaluation;
    }
  | { type: "step"; step: number; loss: number; ms: number; numTensors: number }
  | { type: "evaluation"; evaluation: Evaluation; numTensors: number }
  | { type: "paused"; step: number }
  | { type: "error"; message: string };
