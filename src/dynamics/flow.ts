import { NonFiniteError, UsageError } from '../errors.js';
import type { BoundModel } from '../models/model.js';
import { eigSym } from '../numerics/eigSym.js';
import { eigValuesSymF64 } from '../numerics/eigSymF64.js';
import type { Field, Vec } from '../numerics/field.js';
import type { Precision } from '../numerics/precision.js';
import { learningRate } from './_internals/scalar.js';
import { allFinite } from './_internals/vec.js';
import type { Optimizer, OptimizerState, Scalar } from './optimizer.js';
import { OPTIMIZER_DEFAULTS } from '../settings.js';

/** Default relative tolerance of one Runge–Kutta step: 1e-12 in f64, 1e-16 in decimal. */
export function flowTolerance(p: Precision): number {
  return p.kind === 'f64' ? 1e-12 : 1e-16;
}

export interface FlowOptions {
  /** Relative error tolerance per Runge–Kutta step (default flowTolerance of the precision). */
  readonly rtol?: number;
  /** Absolute error tolerance per step (default 0: purely relative, normwise). */
  readonly atol?: number;
  /** Step cap h ≤ capC/S (default 1, as Cohen et al.'s `flow.py`). */
  readonly capC?: number;
  /** Recompute S for the cap every this many accepted steps (default 5; also at each interval start). */
  readonly capEvery?: number;
}

// Dormand–Prince 5(4) tableau (autonomous system, so the nodes c are not needed).
const A: readonly (readonly [number, number][])[] = [
  [],
  [[1, 5]],
  [
    [3, 40],
    [9, 40],
  ],
  [
    [44, 45],
    [-56, 15],
    [32, 9],
  ],
  [
    [19372, 6561],
    [-25360, 2187],
    [64448, 6561],
    [-212, 729],
  ],
  [
    [9017, 3168],
    [-355, 33],
    [46732, 5247],
    [49, 176],
    [-5103, 18656],
  ],
  [
    [35, 384],
    [0, 1],
    [500, 1113],
    [125, 192],
    [-2187, 6784],
    [11, 84],
  ],
];
/** 5th-order weights: the last row of A (first same as last), and 0 for the seventh stage. */
const B5: readonly [number, number][] = [...A[A.length - 1], [0, 1]];
/** b5 − b4: the embedded error estimate. */
const E: readonly [number, number][] = [
  [71, 57600],
  [0, 1],
  [-71, 16695],
  [71, 1920],
  [-17253, 339200],
  [22, 525],
  [-1, 40],
];

/**
 * Gradient flow θ̇ = −∇L(θ) by the Dormand–Prince 5(4) pair with normwise error control (the
 * embedded error's ‖·‖∞ against atol + rtol·‖θ‖∞, atol = 0 by default so a decaying solution keeps its
 * relative accuracy), written once over the field. Its "step" t is the solution
 * at time t·η, so flow step t lines up with GD step t. Within each interval the step size is capped
 * at capC/S, S = λ_max(∇²L) recomputed at the interval start and every `capEvery` accepted steps
 * (S ≤ 0: no cap), and the last step is shortened to land exactly on (t+1)·η.
 *
 * Accuracy is set by rtol, not by the precision: in decimal the flow is integrated to rtol (default
 * 1e-16), so compare decimal flows with that in mind. A step size that underflows (h < 1e-30·η) is
 * reported as a NonFiniteError (the runner's `diverged`).
 */
/**
 * Integrator steps allowed within one flow step (one interval of length η). The cap c/S makes a
 * stiff problem (η·S large) need about η·S/c of them; past this many the run would not end in any
 * useful time, so it stops with a UsageError naming `lr` instead.
 */
export const MAX_FLOW_SUBSTEPS = 100_000;

function tooStiff(what: string): UsageError {
  return new UsageError(
    `gradient flow over one step of length η ${what}, more than the ${MAX_FLOW_SUBSTEPS} allowed per step: ` +
      'the problem is too stiff for this η (η·S is huge); use a smaller learning rate',
    'lr',
  );
}

export function flow<T>(model: BoundModel<T>, options: { readonly lr: Scalar } & FlowOptions): Optimizer<T> {
  const F: Field<T> = model.F;
  const lr = learningRate(F, options.lr);
  const rtolN = options.rtol ?? flowTolerance(F.precision);
  const atolN = options.atol ?? OPTIMIZER_DEFAULTS.atol;
  const capCN = options.capC ?? OPTIMIZER_DEFAULTS.capC;
  const capEvery = options.capEvery ?? OPTIMIZER_DEFAULTS.capEvery;
  if (!(rtolN > 0 && rtolN < 1)) throw new UsageError(`rtol must be in (0, 1), got ${rtolN}`, 'rtol');
  if (!(atolN >= 0)) throw new UsageError(`atol must be ≥ 0, got ${atolN}`, 'atol');
  if (!(capCN > 0 && Number.isFinite(capCN))) throw new UsageError(`the step cap c must be positive, got ${capCN}`, 'capC');
  if (!(Number.isInteger(capEvery) && capEvery >= 1)) throw new UsageError(`capEvery must be a positive integer, got ${capEvery}`, 'capEvery');
  const rtol = F.from(rtolN);
  const atol = F.from(atolN);
  const capC = F.from(capCN);
  const frac = ([p, q]: [number, number]) => F.div(F.int(p), F.int(q));
  const a = A.map((row) => row.map(frac));
  const b5 = B5.map(frac);
  const e = E.map(frac);
  const hMin = F.mul(lr, F.from('1e-30'));

  const rhs = (y: Vec<T>): Vec<T> => model.grad(y).map((g) => F.neg(g));
  // In interval arithmetic the step sizes are chosen in doubles (a step size is any number: choosing
  // it from a point estimate costs nothing in rigor) and every step is then taken in the field. So
  // the cap's S comes from the midpoint Hessian (eigSym does not run on intervals), the error test
  // compares midpoints (an enclosure of ‖e‖ that touches 0 has no sign), and each proposed step is
  // rounded to a double: only the landing step lr − Σh is an interval, enclosing its exact value.
  const interval = F.precision.kind === 'interval';
  const pick = (x: T): T => (interval ? F.from(F.toNumber(x)) : x);
  const cap = (y: Vec<T>): T | undefined => {
    const H = model.hessian(y);
    for (const row of H) if (!allFinite(F, row)) throw new NonFiniteError('Hessian');
    if (interval) {
      const S = eigValuesSymF64(H.map((row) => row.map((x) => F.toNumber(x))))[0];
      return S > 0 ? F.from(capCN / S) : undefined;
    }
    const S = eigSym(F, H).values[0];
    return F.sign(S) > 0 ? F.div(capC, S) : undefined;
  };
  const combine = (y: Vec<T>, h: T, ks: Vec<T>[], w: readonly T[]): Vec<T> =>
    y.map((yi, i) => {
      let s = F.zero;
      for (let j = 0; j < ks.length; j++) if (F.sign(w[j]) !== 0) s = F.add(s, F.mul(w[j], ks[j][i]));
      return F.add(yi, F.mul(h, s));
    });

  return Object.freeze({
    id: 'flow' as const,
    model,
    F,
    lr,
    params: Object.freeze({
      ...(options.rtol === undefined ? {} : { rtol: String(options.rtol) }),
      ...(options.atol === undefined ? {} : { atol: String(options.atol) }),
      ...(options.capC === undefined ? {} : { capC: String(options.capC) }),
      ...(options.capEvery === undefined ? {} : { capEvery: String(options.capEvery) }),
    }),
    init: (theta: Vec<T>): OptimizerState<T> => ({ t: 0, theta: theta.slice() }),
    step(state: OptimizerState<T>): OptimizerState<T> {
      let y = state.theta.slice();
      let remaining = lr;
      let hMax = cap(y);
      if (hMax !== undefined) {
        const need = F.toNumber(F.div(lr, hMax));
        if (!(need <= MAX_FLOW_SUBSTEPS)) throw tooStiff(`needs about ${need.toPrecision(3)} integrator steps (the step is capped at c/S)`);
      }
      let h = state.flow?.h ?? (hMax !== undefined && F.lt(hMax, lr) ? hMax : lr);
      let k1 = rhs(y);
      if (!allFinite(F, k1)) throw new NonFiniteError('gradient');
      let accepted = 0;
      let rejected = 0;
      let sinceCap = 0;
      let hNext = h;
      while (F.sign(remaining) > 0) {
        if (accepted + rejected >= MAX_FLOW_SUBSTEPS) throw tooStiff(`took ${accepted + rejected} integrator steps without reaching its end`);
        if (hMax !== undefined && F.lt(hMax, h)) h = hMax;
        const last = !F.lt(h, remaining);
        const hs = last ? remaining : h;
        const ks: Vec<T>[] = [k1];
        for (let s = 1; s < 7; s++) ks.push(rhs(combine(y, hs, ks, a[s])));
        const yNew = combine(y, hs, ks.slice(0, 6), b5);
        let err = F.zero;
        let finite = allFinite(F, yNew) && allFinite(F, ks[6]);
        if (finite) {
          // Normwise: ‖e‖∞ against atol + rtol·max(‖y‖∞, ‖y⁺‖∞).
          let eMax = F.zero;
          let yMax = F.zero;
          for (let i = 0; i < y.length; i++) {
            let s = F.zero;
            for (let j = 0; j < 7; j++) if (F.sign(e[j]) !== 0) s = F.add(s, F.mul(e[j], ks[j][i]));
            eMax = F.max(eMax, F.abs(F.mul(hs, s)));
            yMax = F.max(yMax, F.max(F.abs(y[i]), F.abs(yNew[i])));
          }
          const scale = F.add(atol, F.mul(rtol, yMax));
          if (interval) {
            const e = F.toNumber(eMax);
            const sc = F.toNumber(scale);
            err = F.from(e === 0 ? 0 : sc === 0 ? Infinity : e / sc);
          } else err = F.sign(eMax) === 0 ? F.zero : F.sign(scale) === 0 ? F.from(Infinity) : F.div(eMax, scale);
          finite = F.isFinite(err);
        }
        const errN = finite ? F.toNumber(err) : Infinity;
        if (errN <= 1) {
          y = yNew;
          k1 = ks[6];
          remaining = last ? F.zero : F.sub(remaining, hs);
          accepted++;
          const factor = errN === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * errN ** -0.2));
          // Keep the unclipped proposal for the next interval: the landing step is usually short.
          hNext = pick(F.mul(last ? h : hs, F.from(factor)));
          h = hNext;
          if (++sinceCap >= capEvery && F.sign(remaining) > 0) {
            hMax = cap(y);
            sinceCap = 0;
          }
        } else {
          rejected++;
          const factor = Number.isFinite(errN) ? Math.max(0.2, 0.9 * errN ** -0.2) : 0.2;
          h = pick(F.mul(hs, F.from(Math.min(1, factor))));
          if (F.lt(h, hMin)) throw new NonFiniteError('flow step size', `underflowed to ${F.toString(h)} at t = ${state.t}`);
        }
      }
      return { t: state.t + 1, theta: y, flow: { h: hNext, accepted, rejected } };
    },
  });
}
