import { formatValue } from "../draw/network";
import type { Mode } from "../state/config";

type Props = {
  layers: number[][];
  mode: Mode;
  at: { x: number; y: number } | null;
  losses: { epoch: number; train: number; test: number; accuracy: number };
  inputLabels: string[] | null;
};

const layerName = (i: number, count: number, mode: Mode) =>
  i === 0 ? (mode === "digits" ? "Input (64 cells, 0–1)" : "Input") : i === count - 1 ? (mode === "digits" ? "Output: probability of 0–9" : "Output (−1 orange to +1 purple)") : `Hidden layer ${i}`;

/** The numbers behind the pictures, for screen-reader and keyboard users (and the curious). */
export function ActivationTable({ layers, mode, at, losses, inputLabels }: Props) {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : "—");
  return (
    <div className="lv-table">
      <table>
        <caption>
          Training after epoch {losses.epoch}
        </caption>
        <tbody>
          <tr>
            <th scope="row">Train loss</th>
            <td>{f(losses.train)}</td>
          </tr>
          <tr>
            <th scope="row">Test loss</th>
            <td>{f(losses.test)}</td>
          </tr>
          <tr>
            <th scope="row">Test accuracy</th>
            <td>{Number.isFinite(losses.accuracy) ? `${(losses.accuracy * 100).toFixed(1)}%` : "—"}</td>
          </tr>
        </tbody>
      </table>
      <table>
        <caption>
          Activations of every layer {mode === "digits" ? "for the digit shown" : at ? `at the point (${at.x.toFixed(2)}, ${at.y.toFixed(2)})` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Neuron values, in order</th>
          </tr>
        </thead>
        <tbody>
          {layers.map((values, i) => (
            <tr key={i}>
              <th scope="row">{layerName(i, layers.length, mode)}</th>
              <td className="lv-table__values">
                {values.map((v, j) => (i === 0 && inputLabels ? `${inputLabels[j]} ${formatValue(v)}` : formatValue(v))).join(" · ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
