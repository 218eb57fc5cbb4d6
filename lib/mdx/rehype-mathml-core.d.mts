import type { Plugin } from "unified";
declare const rehypeMathmlCore: Plugin<[]>;
export declare function styled(char: string, style: string): string;
export default rehypeMathmlCore;
