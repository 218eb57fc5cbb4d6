// A quick screen of training ideas for the layer visualizer's plane network, in plain float64
// TypeScript rather than TF.js, so a variant over six seeds and 15,000 epochs takes seconds, not
// minutes, on the shared machine. Same data, split, starting weights, shuffle stream and update
// rule as the widget (tanh output on ½·squared error against ±1, weights uniform in ±0.5, biases
// 0.1, batch-mean gradient, L2 as rate·Σw²). What passes here is then confirmed with the widget's
// own TF.js code (bench/visualizer-method.mts) and in the browser (bench/visualizer.mjs).
//
//   npx tsx bench/visualizer-screen.mts
//   Env: SEEDS (1..6), EPOCHS (15000), DATASET (spiral), HIDDEN (8-8), LR (0.03), L2 (0.0003),
//        EMA (0: none; else the averaging half-life in epochs, e.g. 50),
//        DECAY_FROM / DECAY_TO / DECAY_LEN (learning rate falls linearly from LR to LR × DECAY_TO
//        over DECAY_LEN epochs (default: to EPOCHS) after epoch DECAY_FROM, then stays; off by
//        default), RESHUFFLE (1).
//   Third round (issue 18), all off by default so the figures above stay as they were:
//        INIT (playground | glorot | uniform:R, kernels uniform in ±R), BIAS (starting bias for
//        uniform:R, 0.1), HEAD (tanh: tanh on ½·squared error | sigmoid: sigmoid on binary
//        cross-entropy), PENALTY (l2 | l1: rate·Σ|w|), L2_TO / L2_FROM / L2_LEN (the penalty moves
//        linearly from L2 to L2_TO over L2_LEN epochs after epoch L2_FROM, then stays),
//        EMA_FROM (the average starts at that epoch; before it the trained weights are shown),
//        AVG (ema | mean: from EMA_FROM on, the plain mean of every epoch's weights),
//        JSON (1: one summary line as JSON, for tables).
import { generateDataset, splitTrainTest, type DatasetKind } from "../components/widgets/layer-visualizer/model/datasets";
import { toTensorData } from "../components/widgets/layer-visualizer/model/features";
import { createRng, shuffleInPlace } from "../components/widgets/shared/rng";

const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(",").map((s) => s.trim()).filter(Boolean);
const SEEDS = list(process.env.SEEDS, "1,2,3,4,5,6").map(Number);
const EPOCHS = Number(process.env.EPOCHS ?? 15_000);
const DATASET = (process.env.DATASET ?? "spiral") as DatasetKind;
const HIDDEN = (process.env.HIDDEN ?? "8-8").split("-").map(Number);
const LR = Number(process.env.LR ?? 0.03);
const L2 = Number(process.env.L2 ?? 0.0003);
const EMA_HALF_LIFE = Number(process.env.EMA ?? 0);
const DECAY_FROM = process.env.DECAY_FROM === undefined ? null : Number(process.env.DECAY_FROM);
const DECAY_TO = Number(process.env.DECAY_TO ?? 0.1);
const DECAY_LEN = process.env.DECAY_LEN === undefined ? null : Number(process.env.DECAY_LEN);
const RESHUFFLE = process.env.RESHUFFLE !== "0";
const INIT = process.env.INIT ?? "playground";
const BIAS = Number(process.env.BIAS ?? 0.1);
const HEAD = process.env.HEAD ?? "tanh";
const PENALTY = process.env.PENALTY ?? "l2";
const L2_TO = process.env.L2_TO === undefined ? null : Number(process.env.L2_TO);
const L2_FROM = Number(process.env.L2_FROM ?? 0);
const L2_LEN = Number(process.env.L2_LEN ?? 5_000);
const EMA_FROM = Number(process.env.EMA_FROM ?? 0);
const AVG = process.env.AVG ?? "ema";
if (!["tanh", "sigmoid"].includes(HEAD) || !["l1", "l2"].includes(PENALTY) || !["ema", "mean"].includes(AVG)) throw new Error("HEAD, PENALTY or AVG unknown");
const averaging = EMA_HALF_LIFE > 0 || AVG === "mean";
/** The penalty's rate at an epoch (1-based). */
const penaltyAt = (epoch: number) => (L2_TO === null || epoch <= L2_FROM ? L2 : L2 + (L2_TO - L2) * Math.min(1, (epoch - L2_FROM) / L2_LEN));
const BATCH = 10;
const CHECKPOINTS = [500, 1_000, 1_500, 2_500, 5_000, 7_500, 10_000, 12_500, 15_000, 17_500, 20_000, 25_000, 30_000].filter((e) => e <= EPOCHS);
if (!CHECKPOINTS.includes(EPOCHS)) CHECKPOINTS.push(EPOCHS);

/** The output's midpoint: the accuracy thresholds there. */
const MID = HEAD === "sigmoid" ? 0.5 : 0;

type Net = { sizes: number[]; w: Float64Array[]; b: Float64Array[] };

function createNet(sizes: number[], seed: number): Net {
  const rng = createRng(seed);
  const w: Float64Array[] = [];
  const b: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    // The widget rounds its starting values to float32; so does this copy.
    // Glorot uniform: ±√(6 / (fanIn + fanOut)), zero biases, drawn as the widget's "glorot" start.
    const glorot = INIT === "glorot";
    const range = glorot ? Math.sqrt(6 / (sizes[l] + sizes[l + 1])) : INIT.startsWith("uniform:") ? Number(INIT.slice(8)) : 0.5;
    w.push(Float64Array.from(new Float32Array(sizes[l] * sizes[l + 1]).map(() => (2 * rng() - 1) * range)));
    b.push(new Float64Array(sizes[l + 1]).fill(glorot ? 0 : INIT === "playground" ? 0.1 : BIAS));
  }
  return { sizes, w, b };
}

const clone = (net: Net): Net => ({ sizes: net.sizes, w: net.w.map((a) => a.slice()), b: net.b.map((a) => a.slice()) });

/** Output in −1..1 for one input row. */
function forward(net: Net, x: Float64Array, offset: number, acts: Float64Array[]): number {
  const { sizes, w, b } = net;
  for (let i = 0; i < sizes[0]; i++) acts[0][i] = x[offset + i];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    for (let j = 0; j < fanOut; j++) {
      let z = b[l][j];
      for (let i = 0; i < fanIn; i++) z += acts[l][i] * w[l][i * fanOut + j];
      acts[l + 1][j] = HEAD === "sigmoid" && l + 2 === sizes.length ? 1 / (1 + Math.exp(-z)) : Math.tanh(z);
    }
  }
  return acts[sizes.length - 1][0];
}

function accuracy(net: Net, xs: Float64Array, ys: Float32Array, acts: Float64Array[]): number {
  let right = 0;
  for (let n = 0; n < ys.length; n++) if ((forward(net, xs, n * net.sizes[0], acts) >= MID ? 1 : 0) === ys[n]) right++;
  return right / ys.length;
}

function run(seed: number) {
  const points = generateDataset(DATASET, { count: 500, noise: 0, seed });
  const { train, test } = splitTrainTest(points, 0.5, seed);
  const tr = toTensorData(train, ["x", "y"]);
  const te = toTensorData(test, ["x", "y"]);
  const trXs = Float64Array.from(tr.xs);
  const teXs = Float64Array.from(te.xs);
  const sizes = [2, ...HIDDEN, 1];
  const net = createNet(sizes, seed);
  const ema = clone(net);
  // The average moves once per epoch, by the factor that halves an old epoch's weight in EMA epochs.
  const keep = EMA_HALF_LIFE > 0 ? Math.pow(0.5, 1 / EMA_HALF_LIFE) : 0;
  const rng = createRng(seed * 7919 + 17);
  const count = tr.ys.length;
  const order = new Int32Array(count).map((_, i) => i);
  if (!RESHUFFLE) shuffleInPlace(order, rng);
  const acts = sizes.map((s) => new Float64Array(s));
  const deltas = sizes.map((s) => new Float64Array(s));
  const gw = net.w.map((a) => new Float64Array(a.length));
  const gb = net.b.map((a) => new Float64Array(a.length));
  const L = sizes.length - 1;
  const at = new Map<number, { raw: number; ema: number }>();
  let to90: number | null = null;
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    let lr = LR;
    if (DECAY_FROM !== null && epoch > DECAY_FROM) lr = LR * (1 - (1 - DECAY_TO) * Math.min(1, (epoch - DECAY_FROM) / (DECAY_LEN ?? EPOCHS - DECAY_FROM)));
    const l2 = penaltyAt(epoch);
    if (RESHUFFLE) {
      for (let i = 0; i < count; i++) order[i] = i;
      shuffleInPlace(order, rng);
    }
    for (let start = 0; start < count; start += BATCH) {
      const end = Math.min(start + BATCH, count);
      gw.forEach((a) => a.fill(0));
      gb.forEach((a) => a.fill(0));
      for (let k = start; k < end; k++) {
        const n = order[k];
        const out = forward(net, trXs, n * 2, acts);
        // d loss / d logit: tanh on ½·squared error against ±1, or sigmoid on cross-entropy (p − y).
        deltas[L][0] = HEAD === "sigmoid" ? out - tr.ys[n] : (out - (2 * tr.ys[n] - 1)) * (1 - out * out);
        for (let l = L - 1; l >= 0; l--) {
          const fanIn = sizes[l];
          const fanOut = sizes[l + 1];
          for (let j = 0; j < fanOut; j++) {
            gb[l][j] += deltas[l + 1][j];
            for (let i = 0; i < fanIn; i++) gw[l][i * fanOut + j] += acts[l][i] * deltas[l + 1][j];
          }
          if (l > 0) {
            for (let i = 0; i < fanIn; i++) {
              let s = 0;
              for (let j = 0; j < fanOut; j++) s += net.w[l][i * fanOut + j] * deltas[l + 1][j];
              deltas[l][i] = s * (1 - acts[l][i] * acts[l][i]);
            }
          }
        }
      }
      const size = end - start;
      for (let l = 0; l < L; l++) {
        for (let i = 0; i < net.w[l].length; i++) net.w[l][i] -= lr * (gw[l][i] / size + (PENALTY === "l1" ? l2 * Math.sign(net.w[l][i]) : 2 * l2 * net.w[l][i]));
        for (let j = 0; j < net.b[l].length; j++) net.b[l][j] -= lr * (gb[l][j] / size);
      }
    }
    if (averaging) {
      // Early on the average follows closely, so it does not lag behind the first fast learning.
      // Before EMA_FROM it is the trained weights themselves; the mean weighs every epoch since alike.
      const t = epoch - EMA_FROM;
      const k = t <= 0 ? 0 : AVG === "mean" ? (t - 1) / t : Math.min(keep, (1 + t) / (10 + t));
      for (let l = 0; l < L; l++) {
        for (let i = 0; i < net.w[l].length; i++) ema.w[l][i] = k * ema.w[l][i] + (1 - k) * net.w[l][i];
        for (let j = 0; j < net.b[l].length; j++) ema.b[l][j] = k * ema.b[l][j] + (1 - k) * net.b[l][j];
      }
    }
    if (to90 === null && epoch % 10 === 0 && accuracy(averaging ? ema : net, teXs, te.ys, acts) >= 0.9) to90 = epoch;
    if (CHECKPOINTS.includes(epoch)) at.set(epoch, { raw: accuracy(net, teXs, te.ys, acts), ema: averaging ? accuracy(ema, teXs, te.ys, acts) : Number.NaN });
  }
  if (process.env.DUMP === "1") {
    // The test points the final network gets wrong, by radius (0 = centre, 1 = outer end, which
    // lies at 5 in the network's input units, the Playground's) and label.
    const shown = averaging ? ema : net;
    const wrong: string[] = [];
    for (let n = 0; n < te.ys.length; n++) {
      if ((forward(shown, teXs, n * 2, acts) >= MID ? 1 : 0) !== te.ys[n]) wrong.push(`${(Math.hypot(teXs[2 * n], teXs[2 * n + 1]) / 5).toFixed(3)}:${te.ys[n]}`);
    }
    console.log(`  seed ${seed} wrong (radius:label): ${wrong.join(" ")}`);
  }
  return { seed, to90, at };
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (v: number) => (v * 100).toFixed(1);
const spread = (v: number[]) => `${pct(median(v))} [${pct(Math.min(...v))}–${pct(Math.max(...v))}]`;

console.log(
  `${DATASET} ${HIDDEN.join("-")} lr ${LR} ${PENALTY} ${L2}${L2_TO === null ? "" : ` → ${L2_TO} over epochs ${L2_FROM}–${L2_FROM + L2_LEN}`}; init ${INIT}; head ${HEAD}; average ${averaging ? `${AVG} (half-life ${EMA_HALF_LIFE}) from epoch ${EMA_FROM}` : "off"}; decay ${DECAY_FROM === null ? "off" : `from ${DECAY_FROM} to ×${DECAY_TO} over ${DECAY_LEN ?? EPOCHS - DECAY_FROM}`}; reshuffle ${RESHUFFLE}; seeds ${SEEDS.join(",")}`,
);
const runs = SEEDS.map((seed) => {
  const r = run(seed);
  console.log(`seed ${seed}  90% at ${r.to90 ?? "—"}  ` + CHECKPOINTS.map((e) => `${e}: ${pct(r.at.get(e)!.raw)}${averaging ? `/${pct(r.at.get(e)!.ema)}` : ""}`).join("  "));
  return r;
});
console.log(`median [min–max], raw weights${averaging ? " | averaged weights" : ""}:`);
console.log(`  to 90%: ${median(runs.map((r) => r.to90 ?? Infinity))} epochs`);
for (const e of CHECKPOINTS) {
  const raw = runs.map((r) => r.at.get(e)!.raw);
  const ema = runs.map((r) => r.at.get(e)!.ema);
  console.log(`  @${e}: ${spread(raw)}  ≥99%: ${raw.filter((a) => a >= 0.99).length}${averaging ? `  |  ${spread(ema)}  ≥99%: ${ema.filter((a) => a >= 0.99).length}` : ""}`);
}
if (process.env.JSON === "1") {
  // What the reader sees: the averaged weights when averaging is on.
  const shown = (r: (typeof runs)[number], e: number) => (averaging ? r.at.get(e)!.ema : r.at.get(e)!.raw);
  const to90 = runs.map((r) => r.to90 ?? Infinity);
  console.log(
    "JSON " +
      JSON.stringify({
        to90: { median: median(to90), max: Math.max(...to90), perSeed: to90 },
        at: Object.fromEntries(CHECKPOINTS.map((e) => [e, { median: median(runs.map((r) => shown(r, e))), min: Math.min(...runs.map((r) => shown(r, e))), max: Math.max(...runs.map((r) => shown(r, e))), perSeed: runs.map((r) => shown(r, e)) }])),
      }),
  );
}
