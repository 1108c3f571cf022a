import type { Decimal } from 'decimal.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field, Vec } from '../numerics/field.js';
import { relError, relErrorMat } from '../numerics/tolerance.js';
import type { DecimalText, Model } from './model.js';

/** Errors of a model's closed forms against independent computations at one point. */
export interface DerivativeReport {
  /** ∇L against central differences of L at `digits` digits. */
  grad: number;
  /** ∇²L against central differences of ∇L. */
  hessian: number;
  /** ∇³L[u,u] against central differences of θ ↦ uᵀ∇²L(θ)u. */
  third: number;
  /**
   * HVP against central differences of ∇L along v (independent of the Hessian: a model without its
   * own HVP gets H·v from `makeModel`, which this still tests against the gradient).
   */
  hvp: number;
  /** f64 against the high-precision closed forms (loss, gradient, Hessian, third; the max). */
  f64: number;
  /** dec:50 against the high-precision closed forms (the max over the same four). */
  dec50: number;
}

/**
 * Checks a model's closed forms at θ (and directions u, v) against central finite differences
 * computed in decimal at `digits` digits (default 90, step 1e-25, so truncation is ~1e-50 and
 * rounding ~1e-65), and compares float64 and dec:50 evaluations with the high-precision ones.
 * This is the oracle every model's tests use; it is exported so users can check their own models.
 */
export function checkDerivatives(
  model: Model,
  theta: readonly DecimalText[],
  u: readonly DecimalText[],
  v: readonly DecimalText[],
  digits = 90,
): DerivativeReport {
  const D = decimalField(digits);
  const hi = model.bind(D);
  const th = theta.map((x) => D.from(x));
  const U = u.map((x) => D.from(x));
  const V = v.map((x) => D.from(x));
  const h = D.from('1e-25');
  const two_h = D.add(h, h);
  const shifted = (i: number, s: Decimal) => th.map((x, k) => (k === i ? D.add(x, s) : x));
  const n = th.length;

  const fdGrad: Decimal[] = [];
  const fdHess: Decimal[][] = [];
  const fdThird: Decimal[] = [];
  const uHu = (x: Vec<Decimal>) => {
    const Hu = hi.hvp(x, U);
    return Hu.reduce((s, y, k) => D.add(s, D.mul(y, U[k])), D.zero);
  };
  for (let i = 0; i < n; i++) {
    const plus = shifted(i, h);
    const minus = shifted(i, D.neg(h));
    fdGrad.push(D.div(D.sub(hi.loss(plus), hi.loss(minus)), two_h));
    const gp = hi.grad(plus);
    const gm = hi.grad(minus);
    fdHess.push(gp.map((x, k) => D.div(D.sub(x, gm[k]), two_h)));
    fdThird.push(D.div(D.sub(uHu(plus), uHu(minus)), two_h));
  }
  const g = hi.grad(th);
  const H = hi.hessian(th);
  const T3 = hi.third(th, U);
  const Hv = hi.hvp(th, V);
  const gvp = hi.grad(th.map((x, k) => D.add(x, D.mul(h, V[k]))));
  const gvm = hi.grad(th.map((x, k) => D.sub(x, D.mul(h, V[k]))));
  const fdHv = gvp.map((x, k) => D.div(D.sub(x, gvm[k]), two_h));

  const lowErr = <T>(F: Field<T>): number => {
    const lo = model.bind(F);
    const t = theta.map((x) => F.from(x));
    const ul = u.map((x) => F.from(x));
    const up = (xs: T[]) => xs.map((x) => D.from(F.toString(x)));
    const errs = [
      relError(D, up([lo.loss(t)]), [hi.loss(th)]),
      relError(D, up(lo.grad(t)), g),
      relErrorMat(D, lo.hessian(t).map(up), H),
      relError(D, up(lo.third(t, ul)), T3),
    ];
    return Math.max(...errs);
  };
  return {
    grad: relError(D, g, fdGrad),
    hessian: relErrorMat(D, H, fdHess),
    third: relError(D, T3, fdThird),
    hvp: relError(D, Hv, fdHv),
    f64: lowErr(f64),
    dec50: lowErr(decimalField(50)),
  };
}
