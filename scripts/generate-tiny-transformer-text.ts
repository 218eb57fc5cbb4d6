// Writes public/widgets/tiny-transformer/glossary-pieces.bin: the glossary's prose as the shipped
// tokenizer's pieces, for "Train it yourself" (see model/glossaryPieces.ts). Runs in `prebuild`
// and `predev`, so the file follows the entries as they are edited.
import fs from "node:fs";
import path from "node:path";
import { readCorpus } from "../components/widgets/tiny-transformer/model/corpus";
import { encodeGlossaryPieces, GLOSSARY_PIECES_FILE, glossaryPieces } from "../components/widgets/tiny-transformer/model/glossaryPieces";
import { HELD_OUT_SNAPSHOT, PUBLIC_DIR, type HeldOutSnapshot } from "../components/widgets/tiny-transformer/model/manifest";
import { Tokenizer, type VocabJson } from "../components/widgets/tiny-transformer/model/tokenizer";

const started = performance.now();
const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
const tokenizer = new Tokenizer(read(path.join(PUBLIC_DIR, "vocab.json")) as VocabJson);
const corpus = readCorpus();
const heldOut = (read(HELD_OUT_SNAPSHOT) as HeldOutSnapshot).documents;
const pieces = glossaryPieces(tokenizer, [...corpus.train, ...corpus.heldOut], heldOut);
const file = path.join(PUBLIC_DIR, GLOSSARY_PIECES_FILE);
fs.writeFileSync(file, encodeGlossaryPieces(pieces));
console.log(`generate-tiny-transformer-text: ${pieces.train.length} pieces to train on, ${pieces.held.length} to measure on → ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
