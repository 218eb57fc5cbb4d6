import { FEATURES, FEATURE_LABELS, type Feature } from "../model/features";
import type { Activation } from "../../shared/dense-network/network";
import { ACTIVATIONS, DATASETS, LEARNING_RATES, LIMITS, REGULARIZATION_RATES, type VisualizerConfig } from "../state/config";

type Props = {
  config: VisualizerConfig;
  /** Absent in the still: every control is disabled and carries no handler. */
  onChange?: (next: VisualizerConfig) => void;
};

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** The playground's knobs: data, input features, architecture and training settings. */
export function Settings({ config, onChange }: Props) {
  const disabled = !onChange;
  // A server-rendered still may hand no function to an element: its controls get none.
  const live = <F,>(handler: F): F | undefined => (onChange ? handler : undefined);
  const set = (patch: Partial<VisualizerConfig>) => onChange?.({ ...config, ...patch });
  const setLayer = (i: number, neurons: number) => set({ hidden: config.hidden.map((n, j) => (j === i ? neurons : n)) });
  const toggleFeature = (f: Feature) => {
    const features = config.features.includes(f) ? config.features.filter((x) => x !== f) : FEATURES.filter((x) => x === f || config.features.includes(x));
    if (features.length > 0) set({ features });
  };
  return (
    <div className="lv-settings">
      <fieldset className="lv-group">
        <legend>Data</legend>
        <div className="lv-segmented" role="radiogroup" aria-label="Dataset">
          {DATASETS.map((d) => (
            <label key={d.kind}>
              <input type="radio" name="lv-dataset" value={d.kind} checked={config.dataset === d.kind} disabled={disabled} onChange={live(() => set({ dataset: d.kind }))} />
              <span>{d.label}</span>
            </label>
          ))}
        </div>
        <label className="lv-slider">
          <span>
            Noise <output>{percent(config.noise)}</output>
          </span>
          <input type="range" min={LIMITS.noise[0]} max={LIMITS.noise[1]} step={0.05} value={config.noise} disabled={disabled} onChange={live((e) => set({ noise: Number(e.target.value) }))} />
        </label>
        <label className="lv-slider">
          <span>
            Training share <output>{percent(config.trainRatio)}</output>
          </span>
          <input type="range" min={LIMITS.trainRatio[0]} max={LIMITS.trainRatio[1]} step={0.1} value={config.trainRatio} disabled={disabled} onChange={live((e) => set({ trainRatio: Number(e.target.value) }))} />
        </label>
        <button type="button" className="widget-button widget-button--quiet" disabled={disabled} onClick={live(() => set({ seed: (config.seed % 9973) + 1 }))}>
          New points
        </button>
      </fieldset>

      <fieldset className="lv-group">
        <legend>Inputs</legend>
        <div className="lv-checks">
          {FEATURES.map((f) => (
            <label key={f}>
              <input type="checkbox" checked={config.features.includes(f)} disabled={disabled} onChange={live(() => toggleFeature(f))} />
              <span>{FEATURE_LABELS[f]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="lv-group">
        <legend>Network</legend>
        <div className="lv-stepper">
          <span id="lv-layers-label">Hidden layers</span>
          <button type="button" className="widget-button lv-icon" aria-label="Remove a hidden layer" disabled={disabled || config.hidden.length <= LIMITS.layers[0]} onClick={live(() => set({ hidden: config.hidden.slice(0, -1) }))}>
            −
          </button>
          <output aria-labelledby="lv-layers-label">{config.hidden.length}</output>
          <button type="button" className="widget-button lv-icon" aria-label="Add a hidden layer" disabled={disabled || config.hidden.length >= LIMITS.layers[1]} onClick={live(() => set({ hidden: [...config.hidden, config.hidden.at(-1) ?? 4] }))}>
            +
          </button>
        </div>
        <ol className="lv-layer-list">
          {config.hidden.map((n, i) => (
            <li key={i} className="lv-stepper">
              <span>Layer {i + 1}</span>
              <button type="button" className="widget-button lv-icon" aria-label={`Fewer neurons in layer ${i + 1}`} disabled={disabled || n <= LIMITS.neurons[0]} onClick={live(() => setLayer(i, n - 1))}>
                −
              </button>
              <output aria-label={`Neurons in layer ${i + 1}`}>{n}</output>
              <button type="button" className="widget-button lv-icon" aria-label={`More neurons in layer ${i + 1}`} disabled={disabled || n >= LIMITS.neurons[1]} onClick={live(() => setLayer(i, n + 1))}>
                +
              </button>
            </li>
          ))}
        </ol>
      </fieldset>

      <fieldset className="lv-group">
        <legend>Training</legend>
        <label className="lv-select">
          <span>Activation</span>
          <select value={config.activation} disabled={disabled} onChange={live((e) => set({ activation: e.target.value as Activation }))}>
            {ACTIVATIONS.map((a) => (
              <option key={a} value={a}>
                {a === "relu" ? "ReLU" : a[0].toUpperCase() + a.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className="lv-select">
          <span>Learning rate</span>
          <select value={config.learningRate} disabled={disabled} onChange={live((e) => set({ learningRate: Number(e.target.value) }))}>
            {LEARNING_RATES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="lv-slider">
          <span>
            Batch size <output>{config.batchSize}</output>
          </span>
          <input type="range" min={LIMITS.batch[0]} max={LIMITS.batch[1]} step={1} value={config.batchSize} disabled={disabled} onChange={live((e) => set({ batchSize: Number(e.target.value) }))} />
        </label>
        <label className="lv-select">
          <span>Regularization</span>
          <select value={config.regularization.kind} disabled={disabled} onChange={live((e) => set({ regularization: { ...config.regularization, kind: e.target.value as "none" | "l1" | "l2" } }))}>
            <option value="none">None</option>
            <option value="l1">L1</option>
            <option value="l2">L2</option>
          </select>
        </label>
        <label className="lv-select">
          <span>Regularization rate</span>
          <select
            value={config.regularization.rate}
            disabled={disabled || config.regularization.kind === "none"}
            onChange={live((e) => set({ regularization: { ...config.regularization, rate: Number(e.target.value) } }))}
          >
            {REGULARIZATION_RATES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </div>
  );
}
