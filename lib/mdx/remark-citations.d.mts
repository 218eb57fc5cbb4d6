import type { Plugin } from "unified";
declare const remarkCitations: Plugin<[]>;
export default remarkCitations;
