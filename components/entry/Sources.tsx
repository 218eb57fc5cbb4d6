import type { Source } from "@/lib/content/schema";

export function Sources({ sources }: { sources: Source[] }) {
  return (
    <section className="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <ol>
        {sources.map((source) => (
          <li key={`${source.title}-${source.year}`}>
            {source.authors} ({source.year}).{" "}
            {source.url ? (
              <a href={source.url} rel="noopener">
                <cite>{source.title}</cite>
              </a>
            ) : (
              <cite>{source.title}</cite>
            )}
            . {source.publisher}.
          </li>
        ))}
      </ol>
    </section>
  );
}
