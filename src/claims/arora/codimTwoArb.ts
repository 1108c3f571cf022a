import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { gd } from '../../dynamics/gd.js';
import { ngd } from '../../dynamics/ngd.js';
import type { Optimizer } from '../../dynamics/optimizer.js';
import { sqrtGd } from '../../dynamics/sqrtGd.js';
import type { BoundModel } from '../../models/model.js';
import type { Instance } from '../claim.js';
import type { LimitingRule } from './limitingFlow.js';

/**
 * The instances of the Arora–Li–Panigrahi claims on manifolds of codimension ≥ 2: the diagonal
 * linear network L = (1/2n)‖X(u⊙v) − y‖² with d ≥ 2 weights and n = d + 1 samples (Γ = {u⊙v = β*},
 * codimension d), or a deep linear network with widths [2, 2, 2] (codimension 4), started near Γ,
 * with the ladder of η and the slow time T each rule is checked on.
 */

/** A run of NGD or √L-GD (plain GD in the control) from x_init near Γ, over a ladder of η. */
export interface CodimInstance extends Instance {
  readonly model: 'diagonal-linear' | 'deep-linear';
  readonly theta: readonly string[];
  /** diagonal-linear: { X, y }; deep-linear: { X, Y, widths }. */
  readonly data: {
    readonly X: readonly (readonly string[])[];
    readonly y?: readonly string[];
    readonly Y?: readonly (readonly string[])[];
    readonly widths?: readonly string[];
  };
  /** The rule the claim is about, and the rule actually run (`gd` in the negative control). */
  readonly rule: LimitingRule;
  readonly run: LimitingRule | 'gd';
  /** The ladder η₁ > η₂ > … (decimal text). */
  readonly lrs: readonly string[];
  /** Slow time T: each rung runs ⌈T/η²⌉ steps. */
  readonly horizon: string;
}

/** NGD's ladder: 4 values of η spanning 8×. Each rung starts on NGD's two-cycle (codimTwoLadder.ts, RungStart), from which the errors fall at order ≈ 2 down to 0.01. */
export const LADDER = ['0.08', '0.04', '0.02', '0.01'];

/** Where an instance family puts its ladder and its slow-time horizon T (decimal, one digit). */
export interface CodimShape {
  readonly lrs: readonly string[];
  readonly horizon: readonly [number, number];
}

/** NGD's instances: the ladder above, T ∈ [0.3, 0.6]. */
export const NGD_SHAPE: CodimShape = { lrs: LADDER, horizon: [0.3, 0.6] };

/**
 * Instances: d = 2 or 3, X with entries in [−0.5, 0.5] (2 decimals) plus the identity on the first
 * d rows (so X has full column rank and Γ has codimension d), a point (u*, v*) with entries in
 * [0.5, 2] made a minimizer by y = X(u*⊙v*) (exact decimal arithmetic), and x_init = (u*, v*) + a
 * perturbation in [−0.05, 0.05] per coordinate. Imbalanced (u*, v*) make λ₁ vary along Γ.
 */
export function codimArb(rule: LimitingRule, run: LimitingRule | 'gd', shape: CodimShape = NGD_SHAPE): fc.Arbitrary<CodimInstance> {
  return fc.oneof(diagonalArb(rule, run, shape), deepLinearArb(rule, run, shape));
}

/** X = I + a perturbation on its first d rows, and a free last row: full column rank. */
const designMatrix = (X: readonly (readonly string[])[], d: number): Decimal[][] =>
  X.map((row, i) => row.map((x, j) => (i < d && i === j ? new Decimal(x).plus(1) : new Decimal(x))));

function diagonalArb(rule: LimitingRule, run: LimitingRule | 'gd', shape: CodimShape): fc.Arbitrary<CodimInstance> {
  return fc.integer({ min: 2, max: 3 }).chain((d) =>
    fc
      .record({
        X: fc.array(fc.array(decimalText(-0.5, 0.5, 2), { minLength: d, maxLength: d }), { minLength: d + 1, maxLength: d + 1 }),
        uv: fc.array(decimalText(0.5, 2, 2), { minLength: 2 * d, maxLength: 2 * d }),
        kick: fc.array(decimalText(-0.05, 0.05, 2), { minLength: 2 * d, maxLength: 2 * d }),
        horizon: decimalText(shape.horizon[0], shape.horizon[1], 1),
      })
      .map(({ X, uv, kick, horizon }): CodimInstance => {
        const Xd = designMatrix(X, d);
        const y = Xd.map((row) => row.reduce((s, x, j) => s.plus(x.times(uv[j]).times(uv[d + j])), new Decimal(0)).toFixed());
        return {
          model: 'diagonal-linear',
          data: { X: Xd.map((r) => r.map((x) => x.toFixed())), y },
          theta: uv.map((x, i) => new Decimal(x).plus(kick[i]).toFixed()),
          rule,
          run,
          lrs: shape.lrs,
          horizon,
        };
      }),
  );
}

/**
 * Deep linear networks with widths [2, 2, 2] (8 parameters), n = 3 samples, Y = W₂*W₁*X for a point
 * with entries in [−1.5, 1.5] (exact decimal products): Γ = {W₂W₁ = W₂*W₁*} has codimension 4 where
 * W₂*W₁* has full rank; x_init = the point + a perturbation in [−0.05, 0.05] per coordinate.
 */
function deepLinearArb(rule: LimitingRule, run: LimitingRule | 'gd', shape: CodimShape): fc.Arbitrary<CodimInstance> {
  const d = 2;
  return fc
    .record({
      X: fc.array(fc.array(decimalText(-0.5, 0.5, 2), { minLength: d, maxLength: d }), { minLength: d + 1, maxLength: d + 1 }),
      w: fc.array(decimalText(-1.5, 1.5, 2), { minLength: 8, maxLength: 8 }),
      kick: fc.array(decimalText(-0.05, 0.05, 2), { minLength: 8, maxLength: 8 }),
      horizon: decimalText(shape.horizon[0], shape.horizon[1], 1),
    })
    .map(({ X, w, kick, horizon }): CodimInstance => {
      const Xd = designMatrix(X, d);
      const W1 = [
        [w[0], w[1]],
        [w[2], w[3]],
      ].map((r) => r.map((x) => new Decimal(x)));
      const W2 = [
        [w[4], w[5]],
        [w[6], w[7]],
      ].map((r) => r.map((x) => new Decimal(x)));
      const Y = Xd.map((x) => {
        const a = W1.map((r) => r[0].times(x[0]).plus(r[1].times(x[1])));
        return W2.map((r) => r[0].times(a[0]).plus(r[1].times(a[1])).toFixed());
      });
      return {
        model: 'deep-linear',
        data: { X: Xd.map((r) => r.map((x) => x.toFixed())), Y, widths: ['2', '2', '2'] },
        theta: w.map((x, i) => new Decimal(x).plus(kick[i]).toFixed()),
        rule,
        run,
        lrs: shape.lrs,
        horizon,
      };
    });
}

export function runner<T>(model: BoundModel<T>, run: LimitingRule | 'gd', lr: string): Optimizer<T> {
  if (run === 'ngd') return ngd(model, { lr });
  // Γ is made of exact minimizers (y = X(u*⊙v*)): L* = 0.
  if (run === 'sqrt-gd') return sqrtGd(model, { lr, lstar: '0' });
  return gd(model, { lr });
}

export const ruleName = (r: LimitingRule | 'gd') => (r === 'ngd' ? 'NGD' : r === 'sqrt-gd' ? '√L-GD' : 'GD');

/**
 * √L-GD's instances: η ∈ {0.01, 0.005, 0.0025, 0.00125} (8×), T ∈ {0.1, 0.2, 0.3}. On the NGD ladder
 * (0.08 … 0.01) √L-GD's errors do not yet shrink with η (docs/claims/arora.md); they become first
 * order below 0.01. T is shorter than NGD's so the ~10⁵ steps of the smallest η stay cheap.
 */
export const SQRT_SHAPE: CodimShape = { lrs: ['0.01', '0.005', '0.0025', '0.00125'], horizon: [0.1, 0.3] };
