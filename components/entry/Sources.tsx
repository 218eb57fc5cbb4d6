import { numberSources, type Citation } from "@/lib/content/citations.mjs";
import type { Source } from "@/lib/content/schema";
import { formatDate } from "@/lib/site";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Links from a source back to each of its markers in the text: "↩" for one, "^ a b" for several. */
function BackLinks({ id, number, markers }: { id: string; number: number; markers: number }) {
  if (markers === 1) {
    return (
      <a className="sources__back" href={`#cite-${id}-0`} aria-label={`Back to citation ${number} in the text`}>
        ↩
      </a>
    );
  }
  return (
    <span className="sources__back">
      <span aria-hidden="true">^</span>
      {Array.from({ length: markers }, (_, k) => (
        <a key={k} href={`#cite-${id}-${k}`} aria-label={`Back to citation ${number}, mention ${LETTERS[k] ?? k + 1}, in the text`}>
          {LETTERS[k] ?? k + 1}
        </a>
      ))}
    </span>
  );
}

/**
 * The entry's sources, numbered in order of first citation (`citations`, exported by the entry's
 * compiled MDX, so the numbers are the markers' own), each linking back to its markers.
 */
export function Sources({ sources, citations }: { sources: Source[]; citations: Citation[] }) {
  return (
    <section className="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <ol>
        {numberSources(sources, citations).map((source) => (
          <li key={source.id} id={`source-${source.id}`}>
            {source.number !== undefined && source.markers > 0 && <BackLinks id={source.id} number={source.number} markers={source.markers} />}{" "}
            {source.authors} ({source.year}).{" "}
            {source.url ? (
              <a href={source.url} rel="noopener">
                <cite>{source.title}</cite>
              </a>
            ) : (
              <cite>{source.title}</cite>
            )}
            . {source.publisher}.
            {source.accessed && (
              <>
                {" "}
                Accessed <time dateTime={source.accessed}>{formatDate(source.accessed)}</time>.
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
