import { percent, showPiece } from "../model/view";

/**
 * The large map as a table: a row per piece looking, a column per piece looked at, each cell its
 * weight; the cells the causal mask hides say so. Drawn only while the reader has it open.
 */
export function MapTable({ open, onToggle, labels, map, caption }: { open: boolean; onToggle?: (open: boolean) => void; labels: string[] | null; map: Float32Array | null; caption: string }) {
  const size = labels?.length ?? 0;
  return (
    <details className="tt-table" open={open} onToggle={onToggle && ((e) => onToggle(e.currentTarget.open))}>
      <summary>Show this map as a table</summary>
      {open && labels && map ? (
        <div className="tt-table__scroll" tabIndex={0} role="region" aria-label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Piece looking</th>
                {labels.map((label, j) => (
                  <th scope="col" key={j}>
                    {j + 1}. {showPiece(label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={i}>
                  <th scope="row">
                    {i + 1}. {showPiece(label)}
                  </th>
                  {Array.from({ length: size }, (_, j) => (
                    <td key={j} className={j > i ? "tt-table__masked" : undefined}>
                      {j > i ? "masked" : percent(map[i * size + j])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="tt-table__wait">The table appears here once the model has loaded.</p>
      )}
    </details>
  );
}
