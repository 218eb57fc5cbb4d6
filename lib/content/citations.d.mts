import type { Node } from "unist";

export type Citation = { id: string; markers: number };
export declare function isCite(node: Node): boolean;
export declare function citeId(node: Node): string | undefined;
export declare function citationsOf(tree: Node): Citation[];
export declare function numberSources<S extends { id: string }>(sources: S[], citations: Citation[]): (S & { number?: number; markers: number })[];
