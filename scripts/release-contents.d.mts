/** The files under `dir` (outside its node_modules) that a release may not carry, with why. */
export function forbiddenInRelease(dir: string): { file: string; why: string }[];
