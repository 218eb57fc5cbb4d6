/** The files under `dir` (outside its node_modules) that a release may not carry, with why. */
export function forbiddenInRelease(dir: string): { file: string; why: string }[];
/** The paths under `dir` that a release needs and lacks. */
export function missingFromRelease(dir: string): string[];
