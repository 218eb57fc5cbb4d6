// Prints every content problem of the named entries (all entries when none are named), the same
// problems `next build` stops on, one line each; exits 1 when there is any.
//   npx tsx scripts/check-content.ts dropout gpu
import { ContentErrors } from "../lib/content/errors";
import { contentProblems } from "../lib/content/load";

const slugs = process.argv.slice(2).map((arg) => arg.replace(/^content\/glossary\//, "").replace(/\.mdx$/, ""));
try {
  const problems = contentProblems({}, slugs);
  for (const problem of problems) console.log(problem.message);
  const scope = slugs.length ? slugs.join(", ") : "all entries";
  console.log(problems.length ? `${problems.length} problem${problems.length === 1 ? "" : "s"} in ${scope}` : `no problems in ${scope}`);
  process.exitCode = problems.length ? 1 : 0;
} catch (error) {
  console.error(error instanceof ContentErrors ? error.message : `check-content: ${(error as Error).message}`);
  process.exitCode = 1;
}
