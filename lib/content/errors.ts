import type { z } from "zod";

/** A content problem that names the file and the field, so the build log says exactly what to fix. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: field "${field}" ${problem}`);
    this.name = "ContentError";
  }
}

/**
 * A problem in an entry's body, named by line and quoted sentence rather than by field, e.g.
 * `content/glossary/gpu.mdx:42: sentence needs a citation in its paragraph: "CUDA arrived in 2007 …"`.
 */
export class BodyError extends ContentError {
  constructor(file: string, readonly line: number | undefined, problem: string) {
    super(file, "body", problem);
    this.message = `${file}${line ? `:${line}` : ""}: ${problem}`;
    this.name = "BodyError";
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("").replace(/^\./, "") || "(front matter)";
}

/** One readable line per problem, e.g. `content/glossary/x.mdx: field "takeaways" must have exactly 3 bullets`. */
export function fromZodError(file: string, error: z.ZodError): ContentError[] {
  return error.issues.map((issue) => {
    const problem =
      issue.code === "invalid_type" && issue.input === undefined ? "is missing" : issue.message;
    return new ContentError(file, fieldPath(issue.path), problem);
  });
}

export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(`Glossary content is invalid:\n${errors.map((e) => `  - ${e.message}`).join("\n")}`);
    this.name = "ContentErrors";
  }
}
