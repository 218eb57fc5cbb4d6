import Link from "next/link";
import { entryPath } from "@/lib/site";

/** "New here? Read these first": the more basic entries this one builds on, in reading order. */
export function ReadFirst({ path }: { path: { slug: string; title: string }[] }) {
  if (path.length === 0) return null;
  return (
    <nav className="read-first" aria-labelledby="read-first-title">
      <p id="read-first-title" className="read-first__title">
        New to this? Read these first
      </p>
      <ol>
        {path.map((step) => (
          <li key={step.slug}>
            <Link href={entryPath(step.slug)}>{step.title}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
