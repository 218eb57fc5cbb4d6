/**
 * The exact statement or formula behind a plain sentence, folded away until the reader asks.
 * A native <details>: opens with a click, Enter or Space and without JavaScript; print shows it open.
 */
export function MorePrecisely({ children }: { children: React.ReactNode }) {
  return (
    <details className="more-precisely">
      <summary>
        <span className="more-precisely__label">More precisely</span>
      </summary>
      <div className="more-precisely__body">{children}</div>
    </details>
  );
}
