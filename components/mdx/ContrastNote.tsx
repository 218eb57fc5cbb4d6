/** Two or three terms readers mix up, told apart in one place; framed as a card, unlike the analogy's rule. */
export function ContrastNote({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <aside className="contrast-note" aria-label={`Often confused: ${title}`}>
      <div className="contrast-note__head">
        <p className="contrast-note__label" aria-hidden="true">
          Often confused
        </p>
        <p className="contrast-note__title">{title}</p>
      </div>
      <div className="contrast-note__body">{children}</div>
    </aside>
  );
}
