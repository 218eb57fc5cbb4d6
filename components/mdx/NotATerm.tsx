/**
 * A word used in its everyday sense, not as the glossary term it spells ("tomorrow's top
 * temperature"): the glossary-links plugin leaves it unlinked; the page shows the words as they are.
 */
export function NotATerm({ children }: { children: React.ReactNode }) {
  return <>{children}</>;
}
