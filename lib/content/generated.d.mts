export declare const GENERATED_TERMS: ".generated/terms.json";
export declare const GENERATED_LINK_GRAPH: ".generated/link-graph.json";
export declare function readGenerated(file: string, root?: string): unknown;
