import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { NOT_CERTIFIABLE, UsageError } from '../../errors.js';
import { DECIMAL_LITERAL } from '../../numerics/decimalField.js';
import { gdRule, stepper } from '../../dynamics/stepper.js';
import { f64 } from '../../numerics/f64Field.js';
import { lanczos } from '../../spectral/lanczos.js';
import { ACTIVATIONS, createMlpF64, initMlpF64, randomLabelData, teacherData, type Activation, type MlpF64, type MlpSpec } from '../../tfjs/mlpF64.js';
import type { CheckContext, Instance, Outcome } from '../claim.js';

/**
 * Cohen, Kaur, Li, Kolter, Talwalkar (docs/claims/cohen.md M-MLP): on a real (small) network,
 * full-batch GD first sharpens until λ_max(∇²L) reaches 2/η (progressive sharpening), then hovers
 * at the edge while the loss keeps decreasing non-monotonically (edge of stability). Both are
 * empirical ("typically"), so both claims are statistical over network and data seeds; each
 * instance trains one float64 network (src/tfjs/mlpF64.ts: exact gradient, exact R-operator HVP)
 * with the sharpness measured by warm-started Lanczos every `every` steps.
 */

/** The network of an instance: plain JSON (integers and text only), so fixtures replay. */
export type MlpNetJson = {
  readonly inputDim: number;
  readonly widths: readonly number[];
  readonly activation: Activation;
};

/**
 * One training run: a network initialised from `seed` (W ~ N(0, 1/fan_in), biases 0) on n Gaussian
 * inputs from `dataSeed` with N(0, 1) labels (`random-labels`) or labels of a teacher network of
 * the same shape initialised from dataSeed + 1 (`teacher`); full-batch GD with step `lr` on
 * L = ½·mean of squared residuals for `steps` steps, the sharpness measured every `every` steps.
 */
export interface MlpEosInstance extends Instance {
  /** Not a registered model id: the network is built by the claim from the fields below. */
  readonly model: 'mlp-f64';
  readonly net: MlpNetJson;
  readonly task: 'random-labels' | 'teacher';
  readonly n: number;
  readonly seed: number;
  readonly dataSeed: number;
  readonly lr: string;
  /** η·S₀/2 the generator aimed at (η = 2κ₀/S₀ rounded to 4 digits); informative, the check recomputes it. */
  readonly kappa0: string;
  readonly steps: number;
  readonly every: number;
}

/** The smallest configuration found to show progressive sharpening and the hover robustly (see the rationales). */
export const SMALL_MLP: MlpNetJson = Object.freeze({ inputDim: 8, widths: Object.freeze([16]), activation: 'tanh' });
export const SMALL_N = 100;
/** docs/claims/cohen.md M-MLP (8-32-1 tanh, n = 200), the larger configuration for users. */
export const PAPER_MLP: MlpNetJson = Object.freeze({ inputDim: 8, widths: Object.freeze([32]), activation: 'tanh' });

/** Where the sharpness counts as having reached the edge (docs/claims/cohen.md: max ηS/2 ≥ 0.95). */
export const EDGE = 0.95;
/** Residual tolerance of the tracked sharpness (relative: ‖Hy − λy‖ ≤ tol·λ bounds the error of λ by tol·λ). */
export const TRACK_TOL = 1e-3;
const LIMITS = { width: 256, depth: 4, inputDim: 64, n: 2000, steps: 20_000 };

const isInt = (x: unknown, lo: number, hi: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;

/** The network, data and θ₀ of an instance; malformed fields are a UsageError (a fixture's or a user's fault). */
function setup(inst: MlpEosInstance): { net: MlpF64; theta: Float64Array; spec: MlpSpec } {
  const bad = (what: string): never => {
    throw new UsageError(`${what} (instance of an mlp-f64 claim)`, 'instance');
  };
  const nj = inst.net as MlpNetJson | undefined;
  if (nj === undefined || nj === null || typeof nj !== 'object' || Array.isArray(nj)) bad('"net" must be { inputDim, widths, activation }');
  if (!isInt(nj!.inputDim, 1, LIMITS.inputDim)) bad(`"net.inputDim" must be an integer in [1, ${LIMITS.inputDim}]`);
  if (!Array.isArray(nj!.widths) || nj!.widths.length < 1 || nj!.widths.length > LIMITS.depth || !nj!.widths.every((w) => isInt(w, 1, LIMITS.width))) {
    bad(`"net.widths" must list 1 to ${LIMITS.depth} integer widths in [1, ${LIMITS.width}]`);
  }
  if (!ACTIVATIONS.includes(nj!.activation)) bad(`"net.activation" must be one of ${ACTIVATIONS.join(', ')}`);
  if (inst.task !== 'random-labels' && inst.task !== 'teacher') bad('"task" must be "random-labels" or "teacher"');
  if (!isInt(inst.n, 1, LIMITS.n)) bad(`"n" must be an integer in [1, ${LIMITS.n}]`);
  if (!isInt(inst.seed, 0, 2 ** 32 - 1) || !isInt(inst.dataSeed, 0, 2 ** 32 - 2)) bad('"seed" and "dataSeed" must be integers in [0, 2³² − 2]');
  if (!isInt(inst.steps, 1, LIMITS.steps) || !isInt(inst.every, 1, inst.steps))
    bad(`"steps" must be an integer in [1, ${LIMITS.steps}] and "every" in [1, steps]`);
  if (typeof inst.lr !== 'string' || !DECIMAL_LITERAL.test(inst.lr) || !(Number(inst.lr) > 0 && Number.isFinite(Number(inst.lr))))
    bad('"lr" must be a positive decimal');
  const spec: MlpSpec = { inputDim: nj!.inputDim, widths: [...nj!.widths], activation: nj!.activation };
  const data = inst.task === 'teacher' ? teacherData(spec, inst.n, inst.dataSeed, inst.dataSeed + 1) : randomLabelData(spec.inputDim, inst.n, inst.dataSeed);
  return { net: createMlpF64(spec, data), theta: initMlpF64(spec, inst.seed), spec };
}

/** S₀ = λ_max(∇²L(θ₀)), by cold-start Lanczos to 1e-8 (what the generator sets η from). */
function initialSharpness(net: MlpF64, theta: Float64Array, count: () => void = () => {}): { value: number; vector: number[] } {
  const buf = new Float64Array(net.dim);
  const v = new Float64Array(net.dim);
  const r = lanczos(
    (x) => {
      count();
      v.set(x);
      return Array.from(net.hvp(theta, v, buf));
    },
    net.dim,
    { k: 1, tol: 1e-8, seed: 0 },
  );
  return { value: r.values[0], vector: r.vectors[0] };
}

/** η = 2κ₀/S₀ as decimal text with four significant digits (no exponent). */
function lrText(x: number): string {
  const s = Number(x.toPrecision(4)).toString();
  return /e/i.test(s) ? x.toFixed(12).replace(/0+$/, '') : s;
}

export interface MlpEosOptions {
  readonly task: 'random-labels' | 'teacher';
  /** Range of the dimensionless step κ₀ = η·S₀/2 (two decimals). */
  readonly kappa: readonly [number, number];
  readonly net?: MlpNetJson;
  readonly n?: number;
  readonly steps: number;
  readonly every: number;
}

/**
 * Instances: a network seed, a data seed and κ₀; the generator computes S₀ at θ₀ (one Lanczos run)
 * and writes η = 2κ₀/S₀ (4 digits) as `lr`, so the instance states its step explicitly.
 */
export function mlpEosInstances(o: MlpEosOptions): fc.Arbitrary<MlpEosInstance> {
  const net = o.net ?? SMALL_MLP;
  const n = o.n ?? SMALL_N;
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      dataSeed: fc.integer({ min: 1, max: 1_000_000 }),
      kappa: decimalText(o.kappa[0], o.kappa[1], 2),
    })
    .map((g): MlpEosInstance => {
      const base = {
        model: 'mlp-f64' as const,
        net: { inputDim: net.inputDim, widths: [...net.widths], activation: net.activation },
        task: o.task,
        n,
        seed: g.seed,
        dataSeed: g.dataSeed,
        kappa0: g.kappa,
        steps: o.steps,
        every: o.every,
      };
      const { net: m, theta } = setup({ ...base, lr: '1' });
      const s0 = initialSharpness(m, theta).value;
      return { ...base, lr: lrText((2 * Number(g.kappa)) / s0) };
    });
}

export interface Point {
  readonly t: number;
  /** η·S_t/2. */
  readonly kappa: number;
  readonly loss: number;
}

export interface Run {
  readonly eta: number;
  readonly s0: number;
  readonly kappa0: number;
  readonly points: Point[];
  /** L_t for t = 0..(last step run). */
  readonly losses: Float64Array;
  /** First measured step with ηS/2 ≥ EDGE, or −1. */
  readonly cross: number;
  /** Lanczos runs that stopped at maxIter (their Ritz value is still a lower bound on λ_max). */
  readonly unconverged: number;
  readonly divergedAt?: number;
}

/**
 * Full-batch GD from θ₀ with the sharpness measured every `every` steps (Lanczos warm-started from
 * the previous top eigenvector). Every loss+gradient and every HVP counts one evaluation. With
 * `stopAtEdge`, the run ends at the first measurement with ηS/2 ≥ EDGE.
 */
export function train<T>(inst: MlpEosInstance, ctx: CheckContext<T>, stopAtEdge: boolean): Run {
  const { net, theta } = setup(inst);
  const p = net.dim;
  const eta = f64.from(inst.lr);
  const count = () => ctx.count();
  const first = initialSharpness(net, theta, count);
  let start = first.vector;
  const buf = new Float64Array(p);
  const v = new Float64Array(p);
  let unconverged = 0;
  const sharpness = (): number => {
    const r = lanczos(
      (x) => {
        count();
        v.set(x);
        return Array.from(net.hvp(theta, v, buf));
      },
      p,
      { k: 1, tol: TRACK_TOL, maxIter: 60, seed: 0, start },
    );
    start = r.vectors[0];
    if (!r.converged) unconverged++;
    return r.values[0];
  };
  const g = new Float64Array(p);
  const losses = new Float64Array(inst.steps + 1);
  count();
  losses[0] = net.lossAndGrad(theta, g);
  const points: Point[] = [{ t: 0, kappa: (eta * first.value) / 2, loss: losses[0] }];
  let cross = points[0].kappa >= EDGE ? 0 : -1;
  const base = { eta, s0: first.value, kappa0: (eta * first.value) / 2, points, unconverged: 0 };
  if (cross === 0 && stopAtEdge) return { ...base, losses: losses.subarray(0, 1), cross };
  // The network as the engine sees it: its gradient, from the fused loss-and-gradient pass of the
  // previous step (one evaluation a step), and θ mirrored into the Float64Array the network reads.
  const run = stepper(
    gdRule(f64, () => Array.from(g), eta),
    Array.from(theta),
  );
  for (let t = 1; t <= inst.steps; t++) {
    const stepped = run.step();
    theta.set(run.theta);
    count();
    const L = net.lossAndGrad(theta, g);
    losses[t] = L;
    if (!stepped || !Number.isFinite(L)) return { ...base, losses: losses.subarray(0, t + 1), cross, unconverged, divergedAt: t };
    if (t % inst.every === 0 || t === inst.steps) {
      const kappa = (eta * sharpness()) / 2;
      points.push({ t, kappa, loss: L });
      if (cross < 0 && kappa >= EDGE) {
        cross = t;
        if (stopAtEdge) return { ...base, losses: losses.subarray(0, t + 1), cross, unconverged };
      }
    }
  }
  return { ...base, losses, cross, unconverged };
}

/**
 * The training both network claims read: `train`, unless a test states a run in its place (the boundary controls of the
 * hover judge stated runs a small, stated amount past each band, which no generated network lands on).
 */
export const trainRunner: { run: typeof train } = { run: train };

/** The `notCertifiable` reason of the network claims: trained in float64, they cannot be re-run in interval arithmetic. */
export const NETWORK_F64_ONLY = 'runs in f64 only (network); not certifiable';

/**
 * What both network claims do first: refuse a precision other than float64 (ladder ['f64']: a replay
 * at another precision is bad usage, not a verdict), assume the memorisation task, train, assume the
 * start below the edge (κ₀ = ηS₀/2 ∈ [0.3, 0.7]), and turn a run that left the finite range into
 * its `diverged` outcome. Returns the run, or the outcome that ends the check.
 */
export function trainedRun<T>(inst: MlpEosInstance, ctx: CheckContext<T>, id: string, stopAtEdge: boolean): Run | Outcome {
  // A network trained in float64 cannot be re-run in interval arithmetic: its failures are never
  // certified, so they stay inconclusive (the harness reads this code as the reason).
  if (ctx.precision.kind === 'interval') {
    throw new UsageError(`${id} ${NETWORK_F64_ONLY}`, 'precision', NOT_CERTIFIABLE);
  }
  if (ctx.precision.kind !== 'f64') {
    throw new UsageError(`${id} trains a network in float64 only (its ladder is ['f64']); replay it at f64`, 'precision');
  }
  ctx.assume(inst.task === 'random-labels', 'easy_task', `the task is "${inst.task}": the claim is about a task hard enough to sharpen (random labels)`);
  const run = trainRunner.run(inst, ctx, stopAtEdge);
  // η carries 4 digits, so κ₀ may miss the band by 5e-4 relative.
  ctx.assume(run.kappa0 >= 0.3 * (1 - 1e-3) && run.kappa0 <= 0.7 * (1 + 1e-3), 'kappa0_out_of_range', `η·S₀/2 = ${run.kappa0.toFixed(4)} is not in [0.3, 0.7]`);
  if (run.divergedAt === undefined) return run;
  return ctx.diverged({
    code: 'non_finite',
    step: run.divergedAt,
    observed: Number.NaN,
    bound: 0,
    margin: Number.NaN,
    message: `GD (float64, η = ${run.eta}) left the finite range at step ${run.divergedAt}`,
  });
}

/** Least-squares slope of y against x. */
export function slope(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const xb = x.reduce((s, v) => s + v, 0) / n;
  const yb = y.reduce((s, v) => s + v, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (x[i] - xb) * (y[i] - yb);
    den += (x[i] - xb) ** 2;
  }
  return den > 0 ? num / den : Number.NaN;
}

export const fmt = (x: number, d = 3) => x.toFixed(d);

export function netLabel(inst: MlpEosInstance): string {
  return `${inst.net.inputDim}-${inst.net.widths.join('-')}-1 ${inst.net.activation}, n = ${inst.n} ${inst.task}, seeds ${inst.seed}/${inst.dataSeed}`;
}
