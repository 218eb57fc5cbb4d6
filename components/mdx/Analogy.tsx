/** The everyday analogy, set apart from the explanation as a callout. */
export function Analogy({ children }: { children: React.ReactNode }) {
  return (
    <aside className="analogy" aria-label="Analogy">
      <p className="analogy__label" aria-hidden="true">
        Think of it like this
      </p>
      {children}
    </aside>
  );
}
