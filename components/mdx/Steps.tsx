/** Wraps a numbered markdown list so each step gets a large numeral beside it. */
export function Steps({ children }: { children: React.ReactNode }) {
  return <div className="steps">{children}</div>;
}
