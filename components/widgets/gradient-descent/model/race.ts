import type * as tfCore from "@tensorflow/tfjs-core";
import type { Point, Surface } from "./surfaces";
import { tfLoss } from "./tfSurfaces";

type TF = typeof tfCore;

export type OptimizerId = "sgd" | "momentum" | "adam";
export const OPTIMIZERS: { id: OptimizerId; label: string }[] = [
  { id: "sgd", label: "SGD" },
  { id: "momentum", label: "Momentum" },
  { id: "adam", label: "Adam" },
];
/** How much of the previous step momentum keeps (TF.js's and most papers' usual value). */
export const MOMENTUM = 0.9;
/** The race stops here; by then every run has settled, crawled or flown off. */
export const MAX_STEPS = 1000;
/** A run this far out (in map widths) has flown off for good; it stops being stepped. */
const DIVERGED_AT = 500;

export type Runner = {
  id: OptimizerId;
  /** Every position so far, the start first. */
  path: Point[];
  /** The loss at each position. */
  losses: number[];
  /** Flew off to infinity (or overflowed); no longer stepped. */
  diverged: boolean;
};

/** How many steps one animation frame takes: slow at first so the start can be watched, then faster. */
export function stepsForFrame(step: number): number {
  const wanted = step < 60 ? 1 : step < 200 ? 2 : 4;
  return Math.max(0, Math.min(wanted, MAX_STEPS - step));
}

export function makeOptimizer(tf: TF, id: OptimizerId, rate: number): tfCore.Optimizer {
  switch (id) {
    case "sgd":
      return tf.train.sgd(rate);
    case "momentum":
      return tf.train.momentum(rate, MOMENTUM);
    case "adam":
      return tf.train.adam(rate);
  }
}

/** Is the point off the map (it may still come back)? */
export function offMap(surface: Surface, p: Point): boolean {
  return !(Math.abs(p.x) <= surface.extent && Math.abs(p.y) <= surface.extent);
}

/**
 * SGD, momentum and Adam — TF.js's own optimizers — each moving its own copy of the two
 * parameters [x, y] downhill on the same surface from the same start at the same learning rate.
 * Holds TF.js variables: call `dispose()` when done.
 */
export class Race {
  readonly runners: Runner[];
  private readonly lanes: { variable: tfCore.Variable<tfCore.Rank.R1>; optimizer: tfCore.Optimizer; runner: Runner }[];
  private stepCount = 0;

  constructor(
    private readonly tf: TF,
    readonly surface: Surface,
    readonly start: Point,
    readonly rate: number,
  ) {
    const startLoss = surface.loss(start.x, start.y);
    this.lanes = OPTIMIZERS.map(({ id }) => ({
      variable: tf.tidy(() => tf.variable(tf.tensor1d([start.x, start.y]))),
      optimizer: makeOptimizer(tf, id, rate),
      runner: { id, path: [start], losses: [startLoss], diverged: false },
    }));
    this.runners = this.lanes.map((l) => l.runner);
  }

  get step(): number {
    return this.stepCount;
  }

  get finished(): boolean {
    return this.stepCount >= MAX_STEPS;
  }

  /** Takes `count` steps with every optimizer that has not flown off. */
  advance(count = 1): void {
    const { tf, surface } = this;
    for (let i = 0; i < count && this.stepCount < MAX_STEPS; i++) {
      this.stepCount++;
      for (const { variable, optimizer, runner } of this.lanes) {
        if (runner.diverged) continue;
        optimizer.minimize(() => tfLoss(tf, surface.id, variable), false, [variable]);
        const [x, y] = variable.dataSync();
        const loss = surface.loss(x, y);
        runner.path.push({ x, y });
        runner.losses.push(loss);
        const limit = DIVERGED_AT * surface.extent;
        if (!Number.isFinite(loss) || !(Math.abs(x) < limit && Math.abs(y) < limit)) runner.diverged = true;
      }
    }
  }

  dispose(): void {
    for (const { variable, optimizer } of this.lanes) {
      optimizer.dispose();
      // TF.js 4.22: MomentumOptimizer.dispose() forgets the negated learning rate it inherits from
      // SGDOptimizer, leaking one scalar per optimizer. Dispose it here (a no-op when already gone).
      const inherited = (optimizer as unknown as { c?: tfCore.Tensor }).c;
      if (inherited && !inherited.isDisposed) inherited.dispose();
      variable.dispose();
    }
  }
}

/** "0.31", "12.40", "3.1e+6": a loss short enough for the summary line. */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return "∞";
  if (Math.abs(loss) >= 1000) return loss.toExponential(1);
  // Rounding must not print "-0.00" for a loss a hair below zero.
  return Math.abs(loss) < 0.005 ? "0.00" : loss.toFixed(2);
}

/** What a runner is doing now, in a few words: its loss, or that it has flown off. */
export function describeRunner(surface: Surface, runner: Runner): string {
  if (runner.diverged) return "diverged";
  const last = runner.path.at(-1)!;
  const loss = formatLoss(runner.losses.at(-1)!);
  return offMap(surface, last) ? `${loss} (off the map)` : loss;
}

/** The live summary: "Step 42 · SGD loss 0.31 · momentum 0.02 · Adam 0.05". */
export function summarize(surface: Surface, step: number, runners: Runner[]): string {
  const [sgd, momentum, adam] = runners.map((r) => describeRunner(surface, r));
  return `Step ${step} · ${sgd === "diverged" ? "SGD diverged" : `SGD loss ${sgd}`} · momentum ${momentum} · Adam ${adam}`;
}
