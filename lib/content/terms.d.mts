export type Term = { slug: string; names: string[] };
export function termsOf(entries: { slug: string; title: string; aliases: string[] }[]): Term[];
export function readTerms(glossaryDir: string): Term[];
export function glossarySignature(glossaryDir: string): { files: string[]; key: string };
