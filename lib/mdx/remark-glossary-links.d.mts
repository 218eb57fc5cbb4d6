import type { Plugin } from "unified";
declare const remarkGlossaryLinks: Plugin<[{ terms?: { slug: string; names: string[] }[]; root?: string; glossaryDir?: string; slug?: string }?]>;
export default remarkGlossaryLinks;
