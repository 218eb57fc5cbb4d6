import { formatRate, laneName, size, type Lane } from "../model/state";

function cell(lane: Lane, n: number): string {
  const p = lane.results.find((r) => r.n === n);
  if (p) return formatRate(p.gflops);
  if (lane.status === "measuring" && lane.measuring === n) return "timing…";
  if (lane.status === "limit" && lane.limit && n > lane.limit.at) return "skipped";
  return "—";
}

/** The same results as the chart, as numbers: one row per size, one column per backend that can run here. */
export function ResultsTable({ lanes, sizes }: { lanes: Lane[]; sizes: readonly number[] }) {
  const racing = lanes.filter((l) => l.status !== "unavailable" && l.status !== "checking");
  return (
    <div className="rc-table" tabIndex={0} role="region" aria-label="Results as a table">
      <table>
        <caption>GFLOP/s for one n×n by n×n multiplication</caption>
        <thead>
          <tr>
            <th scope="col">Size</th>
            {racing.map((l) => (
              <th key={l.id} scope="col">
                {laneName(l).replace("WebAssembly", "Web\u00adAssembly")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sizes.map((n) => (
            <tr key={n}>
              <th scope="row">{size(n)}</th>
              {racing.map((l) => (
                <td key={l.id}>{cell(l, n)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
