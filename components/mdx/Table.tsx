/** Tables sit in a wrapper so a wide one never pushes the page sideways on a phone. */
export function Table(props: React.TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className="table-wrap">
      <table {...props} />
    </div>
  );
}
