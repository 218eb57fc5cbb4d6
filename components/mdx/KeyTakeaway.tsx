/** The one sentence to remember, set like a pull quote. */
export function KeyTakeaway({ children }: { children: React.ReactNode }) {
  return <div className="key-takeaway">{children}</div>;
}
