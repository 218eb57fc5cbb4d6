import type { Plugin } from "unified";
declare const rehypeMathAlphabets: Plugin<[]>;
export declare function styled(char: string, style: string): string;
export default rehypeMathAlphabets;
