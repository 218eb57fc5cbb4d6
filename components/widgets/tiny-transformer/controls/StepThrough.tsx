import { useId } from "react";
import { dotText, fixed, keyOf, valueOf, type HeadNumbers, type StepThrough as Steps } from "../model/steps";
import { percent, showPiece } from "../model/view";

/** A vector's numbers, each with its place (q₁ … q₁₆). */
function Vector({ name, values, label }: { name: string; values: readonly number[]; label: string }) {
  return (
    <ol className="tt-vec" aria-label={label}>
      {values.map((v, i) => (
        <li key={i}>
          <span className="tt-vec__i">
            {name}
            <sub>{i + 1}</sub>
          </span>
          <span className="tt-vec__v">{fixed(v)}</span>
        </li>
      ))}
    </ol>
  );
}

export type StepView = {
  layer: number;
  head: number;
  labels: string[];
  steps: Steps;
  numbers: HeadNumbers;
  /** The piece whose key and value are written out (an index ≤ steps.position). */
  key: number;
};

/**
 * The arithmetic behind one row of one head, step by step: the query, one key compared with it,
 * every score and its softmax, and the values blended by the weights. Closed until the reader opens it.
 */
export function StepThrough({ view, open, onToggle, onKey }: { view: StepView | null; open: boolean; onToggle?: (open: boolean) => void; onKey?: (j: number) => void }) {
  const selectId = useId();
  return (
    <details className="tt-steps" open={open} onToggle={onToggle && ((e) => onToggle(e.currentTarget.open))}>
      <summary>
        <span className="tt-h">Step through one head</span> <span className="tt-steps__sub">· every number of one row, with its formula</span>
      </summary>
      {open && view ? <Body view={view} selectId={selectId} onKey={onKey} /> : <p className="tt-table__wait">The step-through appears here once the model has loaded.</p>}
    </details>
  );
}

function Body({ view, selectId, onKey }: { view: StepView; selectId: string; onKey?: (j: number) => void }) {
  const { steps, labels, numbers, key } = view;
  const d = steps.size;
  const p = steps.position;
  const me = `“${showPiece(labels[p])}”`;
  const them = `“${showPiece(labels[key])}”`;
  const k = keyOf(numbers, key, d);
  const v = valueOf(numbers, key, d);
  const q = Array.from(numbers.query);
  return (
    <div className="tt-steps__body">
      <p>
        Layer {view.layer + 1}, head {view.head + 1}, piece {p + 1} {me}. Each query, key and value here has {d} numbers.
      </p>
      <p className="tt-step">
        <span className="tt-step__n">1</span> The query: what {me} is looking for. <code>q = x · W_Q + b_Q</code>, where x is {me}&rsquo;s vector after
        layer norm.
      </p>
      <Vector name="q" values={q} label={`Query of ${me}`} />
      <p className="tt-step">
        <span className="tt-step__n">2</span> A key: what one piece offers. Compare {me} with{" "}
        <label htmlFor={selectId} className="tt-visually-hidden">
          the key of piece
        </label>
        <select id={selectId} className="tt-steps__select" value={key} disabled={!onKey} onChange={onKey && ((e) => onKey(Number(e.target.value)))}>
          {labels.slice(0, p + 1).map((label, j) => (
            <option key={j} value={j}>
              {j + 1}. {showPiece(label)}
            </option>
          ))}
        </select>
        . <code>k = x · W_K + b_K</code>
      </p>
      <Vector name="k" values={k} label={`Key of ${them}`} />
      <p className="tt-formula">
        q·k = {dotText(q, k)}
      </p>
      <p className="tt-step">
        <span className="tt-step__n">3</span> Scores, then softmax. Each score is <code>q·kⱼ ÷ √{d}</code>; softmax turns the scores into weights that add
        up to 1. Pieces after {me} are masked.
      </p>
      <div className="tt-table__scroll" tabIndex={0} role="region" aria-label="Scores and weights">
        <table className="tt-steps__table">
          <thead>
            <tr>
              <th scope="col">Piece</th>
              <th scope="col">q·kⱼ</th>
              <th scope="col">score = q·kⱼ ÷ √{d}</th>
              <th scope="col">e^(score − max)</th>
              <th scope="col">weight = e^… ÷ Σ</th>
            </tr>
          </thead>
          <tbody>
            {steps.dots.map((dot, j) => (
              <tr key={j} className={j === key ? "tt-steps__row--key" : undefined}>
                <th scope="row">
                  {j + 1}. {showPiece(labels[j])}
                </th>
                <td>{fixed(dot)}</td>
                <td>{fixed(steps.scores[j])}</td>
                <td>{fixed(steps.exps[j], 3)}</td>
                <td>
                  {fixed(steps.weights[j], 3)} ({percent(steps.weights[j])})
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Sum</th>
              <td />
              <td />
              <td>Σ = {fixed(steps.sumExp, 3)}</td>
              <td>{fixed(steps.weights.reduce((a, b) => a + b, 0), 3)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="tt-step">
        <span className="tt-step__n">4</span> Values, blended by the weights. {them}&rsquo;s value <code>v = x · W_V + b_V</code> counts for{" "}
        {percent(steps.weights[key])} of the blend:
      </p>
      <Vector name="v" values={v} label={`Value of ${them}`} />
      <p className="tt-formula">
        What the head gathers for {me}: <code>Σⱼ weightⱼ · vⱼ</code>
      </p>
      <Vector name="out" values={steps.mixed} label={`What the head gathers for ${me}`} />
    </div>
  );
}
