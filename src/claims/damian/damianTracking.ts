import type { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { pgd } from '../../dynamics/pgd.js';
import { pointInfo } from '../../dynamics/pointInfo.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import type { Vec } from '../../numerics/field.js';
import { dot } from '../../numerics/linalg.js';
import { gd } from '../../dynamics/gd.js';
import { predictedDisplacement, type DaggerFrame } from '../../dynamics/predictedDisplacement.js';
import { stepper, type Stepper } from '../../dynamics/stepper.js';
import type { CheckContext, Outcome } from '../claim.js';
import type { ToyInstance } from './damian.js';
import { diverged, nonFinite } from '../diverged.js';

/**
 * Damian, Nichani, Lee (self-stabilization): the predicted dynamics θ† + v⋆ and what it predicts,
 * docs/claims/damian.md caveat 2, on the cubic toy M-SS (§2.7)
 * L(x, z) = ½(a₀ + b·z)x² − c·z and on its fourth-order perturbations
 * ½(a₀ + b·z + ½C·z²)x² − c·z + q·x⁴/24 (an `expr` model). Instances are the ToyInstance of
 * damian.ts with the perturbation stated; they are drawn in the dimensionless coordinates of
 * docs/claims/wang-roberts.md: ω = η√(2α) (the small-oscillation angular frequency per step, α = bc, β = b²),
 * x₀/δ (δ² = 2c/b), ηỹ₀ (ỹ = a₀ + b·z − 2/η) and ε = (|C| + |q|)·√(2α)/β, the size of the
 * fourth-order terms over one orbit relative to the cubic coupling.
 */

/** Copied from damian.ts (not exported there). */

/** A toy instance, possibly perturbed by fourth-order terms (C inside the sharpness, q·x⁴/24). */
export interface TrackInstance extends ToyInstance {
  /** The fourth-order coefficients of the `expr` model (absent for the exact cubic toy). */
  readonly perturbation?: { readonly C: string; readonly q: string };
}

const D = decimalCtor(60);
const text = (d: Decimal): string => (d.isZero() ? '0' : d.toFixed());

/** margin = 1 − err/bound: ≥ 0 iff err ≤ bound; damian.ts's, which the tracking claims read through this module too. */
export { marginOf } from './damian.js';

/** The perturbed toy's formula, exactly as the check rebuilds it to test the hypothesis. */
export function perturbedExpr(a0: string, b: string, c: string, C: string, q: string): string {
  return `0.5*(${a0} + ${b}*z + 0.5*${C}*z^2)*x^2 - ${c}*z + ${q}*x^4/24`;
}

interface Genotype {
  readonly etaK: number;
  readonly bK: number;
  readonly omK: number;
  readonly xK: number;
  readonly xNeg: boolean;
  readonly yK: number;
  readonly pert: 0 | 1 | 2 | 3;
  readonly epsK: number;
  readonly lenK: number;
}

export interface TrackOptions {
  /** ω = η√(2α) in thousandths (shrinks to the low end). */
  readonly omegaMilli: readonly [number, number];
  /** x₀/δ in thousandths, as an offset from `xBase` (shrinks toward xBase). */
  readonly xMilli: readonly [number, number];
  readonly xBase?: number;
  /** ηỹ₀ in thousandths — or, with yUnit 'omega', ỹ₀/√(2α) in thousandths (so ηỹ₀ = ω·k/1000). */
  readonly yMilli: readonly [number, number];
  readonly yUnit?: 'abs' | 'omega';
  /** None, C·z²/2 inside the sharpness, +q·x⁴/24, −q·x⁴/24 (chosen among those listed). */
  readonly perturb?: readonly ('none' | 'C' | 'q+' | 'q-')[];
  /** ε in ten-thousandths. */
  readonly epsTenK?: readonly [number, number];
  /** The horizon: a fixed range of steps, or a number of periods 2π/ω in hundredths. */
  readonly steps?: readonly [number, number];
  readonly periodsCenti?: readonly [number, number];
  readonly variant?: string;
}

/**
 * Instances of the (perturbed) toy: η = k/1000 ∈ [0.02, 0.06], b ∈ [0.5, 2], c = ω²/(2η²b) (8 digits),
 * a₀ = (2 + ηỹ₀)/η (10 decimals), z₀ = 0, x₀ = (x₀/δ)·δ (8 digits), C or q = ε·β/√(2α) (8 digits).
 * Everything shrinks toward η = 0.02, b = 1, the lowest ω, x₀/δ = xBase, ỹ₀ = 0, the smallest ε
 * and the shortest horizon.
 */
export function trackInstance(o: TrackOptions): fc.Arbitrary<TrackInstance> {
  const kinds = o.perturb ?? ['none'];
  const [elo, ehi] = o.epsTenK ?? [5, 100];
  const [llo, lhi] = o.periodsCenti ?? o.steps ?? [1, 1];
  const g: fc.Arbitrary<Genotype> = fc.record({
    etaK: fc.integer({ min: 20, max: 60 }),
    bK: fc.integer({ min: -50, max: 100 }),
    omK: fc.integer({ min: o.omegaMilli[0], max: o.omegaMilli[1] }),
    xK: fc.integer({ min: o.xMilli[0], max: o.xMilli[1] }),
    xNeg: fc.boolean(),
    yK: fc.integer({ min: o.yMilli[0], max: o.yMilli[1] }),
    pert: fc.integer({ min: 0, max: kinds.length - 1 }) as fc.Arbitrary<0 | 1 | 2 | 3>,
    epsK: fc.integer({ min: elo, max: ehi }),
    lenK: fc.integer({ min: llo, max: lhi }),
  });
  return g.map((x) => buildTrack(x, o));
}

function buildTrack(g: Genotype, o: TrackOptions): TrackInstance {
  const eta = new D(g.etaK).div(1000);
  const b = new D(100 + g.bK).div(100);
  const omega = new D(g.omK).div(1000);
  const c = omega.pow(2).div(eta.pow(2).times(b).times(2)).toSignificantDigits(8);
  const etaY = o.yUnit === 'omega' ? omega.times(g.yK).div(1000) : new D(g.yK).div(1000);
  const a0 = new D(2).plus(etaY).div(eta).toDecimalPlaces(10);
  const delta = c.times(2).div(b).sqrt();
  const x0 = delta
    .times((o.xBase ?? 0) + g.xK)
    .div(1000)
    .toSignificantDigits(8)
    .times(g.xNeg ? -1 : 1);
  // The horizon: in periods of the small oscillation, 2π/ω, when asked that way.
  const steps = o.periodsCenti !== undefined ? Math.max(1, Math.round(((g.lenK / 100) * 2 * Math.PI) / omega.toNumber())) : g.lenK;
  const toy = { a0: text(a0), b: text(b), c: text(c) };
  const base = { toy, theta: [text(x0), '0'], lr: text(eta), steps, ...(o.variant !== undefined ? { variant: o.variant } : {}) };
  const kind = (o.perturb ?? ['none'])[g.pert];
  if (kind === 'none') return { model: 'cubic-toy', params: { ...toy }, ...base };
  // ε = (|C| + |q|)·√(2α)/β, so the coefficient is ε·β/√(2α) = ε·b²/√(2bc).
  const size = new D(g.epsK).div(10000).times(b.pow(2)).div(b.times(c).times(2).sqrt()).toSignificantDigits(8);
  const C = kind === 'C' ? text(size) : '0';
  const q = kind === 'q+' ? text(size) : kind === 'q-' ? text(size.neg()) : '0';
  return {
    model: 'expr',
    params: {},
    expr: perturbedExpr(toy.a0, toy.b, toy.c, C, q),
    vars: ['x', 'z'],
    perturbation: { C, q },
    ...base,
  };
}

/** The toy's dimensionless numbers, read at ctx's precision (as doubles: they only set bounds and horizons). */
interface ToyNumbers {
  readonly alpha: number;
  readonly beta: number;
  readonly delta: number;
  readonly omega: number;
  /** 2π/ω steps. */
  readonly period: number;
  /** ε = (|C| + |q|)·√(2α)/β. */
  readonly eps: number;
  /** E₀/α = ỹ₀²/α + r₀ − 1 − ln r₀ (r₀ = x₀²/δ²): the orbit's size in the conserved quantity of §3.B.5. */
  readonly orbit: number;
}

/**
 * The hypotheses shared by every claim here: b, c, η > 0 (α = bc > 0, progressive sharpening), and
 * the loss is the cubic toy of `toy` or its perturbation stated in `perturbation`, formula and all.
 */
export function readTrack<T>(instance: TrackInstance, ctx: CheckContext<T>, o: { readonly exact: boolean }): ToyNumbers {
  const { F } = ctx;
  const { toy } = instance;
  const b = F.from(toy.b);
  const c = F.from(toy.c);
  const eta = F.from(instance.lr);
  ctx.assume(F.sign(b) > 0 && F.sign(c) > 0 && F.sign(eta) > 0, 'toy_signs', 'b, c and η must be positive (α = bc > 0: progressive sharpening)');
  const p = instance.params;
  const isToy = instance.model === 'cubic-toy' && p.a0 === toy.a0 && p.b === toy.b && p.c === toy.c && instance.perturbation === undefined;
  const pert = instance.perturbation;
  const isPerturbed = instance.model === 'expr' && pert !== undefined && instance.expr === perturbedExpr(toy.a0, toy.b, toy.c, pert.C, pert.q);
  if (o.exact) {
    ctx.assume(isToy, 'not_cubic', 'the loss must be exactly ½(a₀ + b·z)x² − c·z (C = 0, q = 0) with the stated a₀, b, c');
  } else {
    ctx.assume(isToy || isPerturbed, 'not_toy_family', 'the loss must be ½(a₀ + b·z + ½C·z²)x² − c·z + q·x⁴/24 with the stated a₀, b, c, C, q');
  }
  const [bn, cn, en] = [F.toNumber(b), F.toNumber(c), F.toNumber(eta)];
  const alpha = bn * cn;
  const beta = bn * bn;
  const delta = Math.sqrt((2 * cn) / bn);
  const omega = en * Math.sqrt(2 * alpha);
  const eps = pert === undefined ? 0 : ((Math.abs(Number(pert.C)) + Math.abs(Number(pert.q))) * Math.sqrt(2 * alpha)) / beta;
  const x0 = Number(instance.theta[0]);
  const y0 = Number(toy.a0) + bn * Number(instance.theta[1]) - 2 / en;
  const r0 = (x0 * x0) / (delta * delta);
  const orbit = (y0 * y0) / alpha + (r0 > 0 ? r0 - 1 - Math.log(r0) : Infinity);
  return { alpha, beta, delta, omega, period: (2 * Math.PI) / omega, eps, orbit };
}

/** A run of `what` that left the finite numbers at step t. */
export const leftFinite = <T>(ctx: CheckContext<T>, t: number, what: string): Outcome => nonFinite(ctx, t, `${what} left the finite numbers at step ${t}`);

/** What the runner of GD beside PGD (and the predicted dynamics) sees at each step t ≥ t₀. */
interface StepView<T> {
  readonly t: number;
  /** GD's θ_t and PGD's θ†_t. */
  readonly theta: Vec<T>;
  readonly dagger: Vec<T>;
  /** x_t = u_t·(θ_t − θ†_t) (GD's own displacement along the top eigenvector at θ†_t), and δ_t. */
  readonly x: number;
  readonly delta: number;
  /** L(θ_t) and L(θ†_t) (when asked for). */
  readonly loss?: T;
  readonly daggerLoss?: T;
  /** ‖θ_t − (θ†_t + v_t)‖, when the predicted dynamics run; its rounding scale. */
  readonly error?: number;
  readonly scale: number;
  /** The same two in the field (at interval:N, enclosures). */
  readonly errorF?: T;
  readonly scaleF: T;
}

interface RunOptions {
  /** Run the predicted dynamics v_t from the first step at which θ† is on the edge. */
  readonly predict: boolean;
  /** The predicted step without its cubic terms ∇S⊥(x² − δ²)/2 + u·x·y (β = 0): a negative control. */
  readonly noCubic?: boolean;
  readonly losses?: boolean;
  /** |S(θ†) − 2/η| ≤ edgeTol·2/η: θ† is on the edge of M. */
  readonly edgeTol: number;
  /** Return an Outcome to stop with it, 'stop' to end the run early, or undefined to go on. */
  visit(s: StepView<unknown>): Outcome | 'stop' | undefined;
}

/**
 * GD θ_t beside PGD θ†_t (eoscheck's pgd: θ†_{t+1} = proj_M(θ†_t − η∇L(θ†_t)), docs/claims/damian.md),
 * from θ₀ and θ†₀ = proj_M(θ₀), for instance.steps steps. From the first step t₀ ≥ 1 at which θ†
 * is on the edge S(θ†) = 2/η, it also runs DNL's predicted dynamics as coded in the authors'
 * taylor.py::predicted_step (docs/claims/damian.md), everything evaluated at θ†_t:
 *   v_{t+1} = v_t − η[∇²L(θ†_t)v_t + ∇S⊥_t(x_t² − δ_t²)/2 + u_t·x_t·y_t],
 *   x_t = u_t·v_t, y_t = ∇S⊥_t·v_t, α_t = −∇L(θ†_t)·∇S⊥_t, β_t = ‖∇S⊥_t‖², δ_t² = 2α_t/β_t,
 * with v_{t₀} = θ_{t₀} − θ†_{t₀}; the prediction of θ_t is θ†_t + v_t. (The formula assumes the
 * constraint is active; θ†₀ itself, a linearised projection from x₀ ≠ 0, may land strictly inside M.)
 * `visit` sees every step from t₀ on.
 */
export function runBeside<T>(instance: TrackInstance, ctx: CheckContext<T>, o: RunOptions): Outcome | { t0: number; done: number } {
  const { F } = ctx;
  const { model, theta } = ctx.model(instance);
  const eta = F.from(instance.lr);
  const edge = F.div(F.int(2), eta);
  const edgeN = F.toNumber(edge);
  const two = F.int(2);
  const opt = pgd(model, { lr: instance.lr });
  let st = opt.init(theta);
  const projected = (s: typeof st, t: number): boolean => {
    ctx.assume(
      s.projection?.projected === true,
      'projection_failed',
      `PGD could not reach the stable set at step ${t} (${s.projection?.reason ?? 'no report'})`,
    );
    return s.projection?.projected === true;
  };
  if (!projected(st, 0)) return diverged(ctx, 'projection_failed', `PGD could not project θ₀ (${st.projection?.reason ?? ''})`, 0);
  // Only Inf/NaN ends the runs: the checks judge large excursions themselves.
  const gdRun = stepper(gd(model, { lr: instance.lr }), theta, { divergenceBound: Number.POSITIVE_INFINITY });
  const pgdRun = stepper(opt, st, { divergenceBound: Number.POSITIVE_INFINITY });
  let th = theta;
  let v: Vec<T> | undefined;
  let t0 = -1;
  // The predicted dynamics, stepped at θ†_t's frame (set each step before it is taken).
  let frame: DaggerFrame<T> | undefined;
  const predicted = predictedDisplacement(F, eta, () => frame!, o.noCubic !== true);
  let vRun: Stepper<T> | undefined;
  for (let t = 0; t <= instance.steps; t++) {
    const P = pointInfo(model, st.theta);
    const S = P.sharpness();
    if (v === undefined && t >= 1 && F.toNumber(F.abs(F.sub(S, edge))) <= o.edgeTol * edgeN) {
      v = th.map((x, i) => F.sub(x, st.theta[i]));
      t0 = t;
    }
    let vStepped: boolean | undefined;
    if (t0 >= 0) {
      const u = P.top();
      const dS = P.sharpnessGradientPerp();
      const alpha = F.neg(dot(F, P.grad(), dS));
      const beta = dot(F, dS, dS);
      ctx.assume(
        F.sign(alpha) > 0 && F.sign(beta) > 0,
        'alpha_beta_positive',
        `α = −∇L·∇S⊥ = ${F.toString(alpha)} and β = ‖∇S⊥‖² = ${F.toString(beta)} must be positive at θ†_${t}`,
      );
      const gap = P.eigengap();
      ctx.assume(gap === null || F.toNumber(gap) >= 0.05 * edgeN, 'eigengap', `the eigengap λ₁ − λ₂ at θ†_${t} must be at least 0.1/η (DNL's λ₂ < (2 − c)/η)`);
      const d2 = F.div(F.mul(two, alpha), beta);
      const delta = Math.sqrt(Math.abs(F.toNumber(d2)));
      const xg = F.toNumber(
        dot(
          F,
          u,
          th.map((a, i) => F.sub(a, st.theta[i])),
        ),
      );
      const scale = th.reduce((s, a) => s + Math.abs(F.toNumber(a)), 0) + st.theta.reduce((s, a) => s + Math.abs(F.toNumber(a)), 0) + delta;
      const scaleF = F.add(
        F.add(
          th.reduce((s, a) => F.add(s, F.abs(a)), F.zero),
          st.theta.reduce((s, a) => F.add(s, F.abs(a)), F.zero),
        ),
        F.sqrt(F.abs(d2)),
      );
      let error: number | undefined;
      let errorF: T | undefined;
      if (o.predict && v !== undefined) {
        const pred = st.theta.map((a, i) => F.add(a, v![i]));
        error = Math.sqrt(pred.reduce((s, a, i) => s + F.toNumber(F.sub(a, th[i])) ** 2, 0));
        errorF = F.sqrt(pred.reduce((s, a, i) => F.add(s, F.mul(F.sub(a, th[i]), F.sub(a, th[i]))), F.zero));
        vRun ??= stepper(predicted, v, { divergenceBound: Number.POSITIVE_INFINITY });
        const H = P.hessian();
        frame = { hvp: (v) => H.map((row) => dot(F, row, v)), top: u, sharpnessGradientPerp: dS, delta2: d2 };
        vStepped = vRun.step();
      }
      const view: StepView<T> = {
        t,
        theta: th,
        dagger: st.theta,
        x: xg,
        delta,
        scale,
        scaleF,
        ...(o.losses === true ? { loss: model.loss(th), daggerLoss: P.loss() } : {}),
        ...(error !== undefined ? { error } : {}),
        ...(errorF !== undefined ? { errorF } : {}),
      };
      const out = o.visit(view as StepView<unknown>);
      if (out === 'stop') return { t0, done: t };
      if (out !== undefined) return out;
    }
    if (t === instance.steps) break;
    if (!gdRun.step()) return leftFinite(ctx, t + 1, 'GD');
    th = gdRun.theta;
    if (!pgdRun.step()) return leftFinite(ctx, t + 1, 'PGD');
    st = pgdRun.state;
    if (!projected(st, t + 1)) return diverged(ctx, 'projection_failed', `PGD could not project at step ${t + 1}`, t + 1);
    if (vStepped !== undefined) {
      if (!vStepped) return leftFinite(ctx, t + 1, 'the predicted dynamics');
      v = vRun!.theta;
    }
  }
  return { t0, done: instance.steps };
}

export const isOutcome = (r: Outcome | { t0: number }): r is Outcome => 'verdict' in r;
