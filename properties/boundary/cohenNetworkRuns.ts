import { type MlpEosInstance, type Point, type Run, SMALL_MLP, trainRunner } from '../../src/claims/cohen/cohenNetworks.js';
import { eosHover, progressiveSharpening } from '../../src/claims/cohen/mlpEos.js';
import { type Boundary, boundary } from './boundary.js';

/**
 * The MLP hover's bands (median η·S/2 ∈ [0.97, 1.05], max ≤ 1.25, a loss rise after the crossing) and progressive sharpening's
 * average rise: no generated network lands near their edges (its runs hover at a median of 1.00–1.02, and sharpen steadily),
 * so these boundaries judge stated runs, fed to the claims' own checks through their training hook (`trainRunner`, installed by
 * the boundary suite around its tests). Each stated run is 1500 steps with S measured every 20: η·S/2 rises from 0.5 (or follows
 * a stated profile) to the edge at step 100, and the window the hover reads (from step 100 + 0.2·1400 = 380: 57 measurements)
 * holds the stated median and maximum.
 */

const T = 1500;
const EVERY = 20;
const CROSS = 100;

interface Stated {
  /** The window's median and maximum of η·S/2. */
  readonly median: number;
  readonly max: number;
  /** Steps after the crossing at which the loss rises. */
  readonly rises: number;
  /** L_T / L_cross. */
  readonly drop: number;
  /** Steps after the crossing at which the loss stays exactly where it was (neither a rise nor a fall). */
  readonly flats?: number;
  /** η·S/2 at steps 0, 20, …, 80, before the crossing (default: a steady rise from 0.5). */
  readonly before?: readonly number[];
}

function statedRun(o: Stated): Run {
  // The loss: 2 → 1 up to the crossing, then geometrically to `drop` at step T, with a bump of 1e-4 at `rises` steps and a rest at `flats`.
  const losses = new Float64Array(T + 1);
  for (let t = 0; t <= T; t++) losses[t] = t <= CROSS ? 2 - t / CROSS : o.drop ** ((t - CROSS) / (T - CROSS));
  for (let k = 1; k <= o.rises; k++) {
    const t = CROSS + 50 * k;
    losses[t] = losses[t - 1] * 1.0001;
  }
  for (let k = 1; k <= (o.flats ?? 0); k++) losses[CROSS + 25 + 50 * k] = losses[CROSS + 24 + 50 * k];
  const window: number[] = [];
  const from = CROSS + 0.2 * (T - CROSS);
  const inWindow = (T - from) / EVERY + 1;
  const mid = Math.floor(inWindow / 2);
  for (let i = 0; i < inWindow; i++)
    window.push(i < mid ? o.median - 0.01 : i === mid ? o.median : i === inWindow - 1 ? o.max : Math.min(o.median + 0.01, o.max));
  const points: Point[] = [];
  for (let t = 0; t <= T; t += EVERY) {
    const kappa = t < CROSS ? (o.before?.[t / EVERY] ?? 0.5 + (0.4 * t) / CROSS) : t < from ? 0.99 : window[(t - from) / EVERY];
    points.push({ t, kappa, loss: losses[t] });
  }
  return { eta: 0.5, s0: 2, kappa0: 0.5, points, losses, cross: CROSS, unconverged: 0 };
}

const stated = new Map<string, Run>();
/** An instance of the claim's network whose training is the stated run (seeds numbered apart, so each has its own). */
function instance(o: Stated): MlpEosInstance {
  const inst: MlpEosInstance = {
    model: 'mlp-f64',
    net: { ...SMALL_MLP, widths: [...SMALL_MLP.widths] },
    task: 'random-labels',
    n: 100,
    seed: 800_000 + stated.size,
    dataSeed: 7,
    lr: '0.5',
    kappa0: '0.5',
    steps: T,
    every: EVERY,
  };
  stated.set(JSON.stringify(inst), statedRun(o));
  return inst;
}

/** Makes the network claims train to a stated run for the instances above; returns the undo (the boundary suite's beforeAll / afterAll). */
export function statedNetworkRuns(): () => void {
  const train = trainRunner.run;
  trainRunner.run = (inst, ctx, stopAtEdge) => stated.get(JSON.stringify(inst)) ?? train(inst, ctx, stopAtEdge);
  return () => {
    trainRunner.run = train;
  };
}

const BANDS = 'the bands 0.97, 1.05 and 1.25 of η·S/2 are constants of the statement; the declared tolerance restates the Lanczos residual and is not read';
const WHY = 'the network is trained in float64 and cannot be re-run in interval arithmetic';
const DECISION = { runs: 12, holdsFrom: 11, violatedUpTo: 3 };
const hovering = { median: 1.01, max: 1.12, rises: 5, drop: 0.03 };

/**
 * η·S/2 at steps 0–80 falling from 0.94 to 0.3, then up to 0.44 or 0.46 at step 80 and 0.99 at the crossing: the least-squares
 * slope of S up to the crossing is −1.7e-4 or +1.7e-4 a step (it is 0 at 0.45).
 */
const dip = (x: number) => [0.94, 0.5, 0.4, 0.3, x];

/**
 * Second boundaries of the network claims (their first: the hover's long-term loss fall and progressive sharpening's edge,
 * properties/boundary/cohen.ts).
 */
export const COHEN_NETWORK_SECOND: readonly Boundary[] = [
  boundary(progressiveSharpening, {
    notTolerance: 'the check compares the slope of S with 0 and η·S/2 with 0.95, constants of the statement; the declared tolerance is not read',
    f64Only: { code: 'no_rise', why: WHY },
    outside: {
      description: 'a stated run reaching the edge whose sharpness falls on average before it: slope −1.7e-4 a step (least squares over the 6 measurements)',
      instances: [instance({ ...hovering, before: dip(0.44) })],
    },
    // Slope +1.7e-4.
    inside: [instance({ ...hovering, before: dip(0.46) })],
    decision: { runs: 20, holdsFrom: 19, violatedUpTo: 11 },
  }),
  boundary(eosHover, {
    notTolerance: BANDS,
    f64Only: { code: 'no_hover', why: WHY },
    outside: {
      description: 'stated runs with the window’s median η·S/2 at 0.965 and 1.055 (0.5% outside [0.97, 1.05]), and with its maximum at 1.26 (0.8% past 1.25)',
      instances: [instance({ ...hovering, median: 0.965 }), instance({ ...hovering, median: 1.055 }), instance({ ...hovering, max: 1.26 })],
    },
    inside: [instance({ ...hovering, median: 0.975 }), instance({ ...hovering, median: 1.045 }), instance({ ...hovering, max: 1.245 })],
    decision: DECISION,
  }),
  boundary(eosHover, {
    notTolerance: BANDS,
    f64Only: { code: 'monotone_loss', why: WHY },
    outside: {
      description: 'stated runs hovering in their bands whose loss never rises after the crossing: falling at every step, or resting at three steps',
      instances: [instance({ ...hovering, rises: 0 }), instance({ ...hovering, rises: 0, flats: 3 })],
    },
    // One rise is enough.
    inside: [instance({ ...hovering, rises: 1 })],
    decision: DECISION,
  }),
];
