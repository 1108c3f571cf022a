import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_INSTANCES } from '../arbitraries/modelInstance.js';
import { getModelDef, MODELS } from '../models/registry.js';
import type { Model } from '../models/model.js';
import { decimalField } from '../numerics/decimalField.js';
import { eigSymJacobi } from '../numerics/eigSymJacobi.js';
import type { Interval } from '../numerics/interval.js';
import { parsePrecision } from '../numerics/precision.js';
import { inspectPoint } from './inspectPoint.js';

/**
 * The issue-level acceptance of `inspect`: on random instances of every model, loss, gradient,
 * Hessian, eigenvalues and ∇S agree with an independent computation at 90 digits — eigenvalues by
 * Jacobi at 90 digits, ∇S as uᵀ(∂H/∂θᵢ)u with ∂H/∂θᵢ by central differences of the 90-digit Hessian
 * (not ∇³L[u,u]) — to 1e-10
 * in f64 and 1e-30 at dec:50; and interval:25 encloses the dec:50 values.
 */
const D = decimalField(90);
const H = D.from('1e-30');

function oracle(model: Model, theta: string[]) {
  const b = model.bind(D);
  const th = theta.map((x) => D.from(x));
  const hess = b.hessian(th);
  const eig = eigSymJacobi(D, hess);
  // ∂S/∂θᵢ = uᵀ(∂H/∂θᵢ)u for a simple top eigenvalue (first-order perturbation), with ∂H/∂θᵢ by
  // central differences of the 90-digit Hessian and u from Jacobi: independent of ∇³L[u,u], and
  // one eigendecomposition instead of two per coordinate (error O(h²) = 1e-60).
  const u = eig.vectors[0];
  const quadratic = (M: Decimal[][]) => M.reduce((s, row, r) => row.reduce((t, x, c) => t.plus(u[r].times(x).times(u[c])), s), D.zero);
  const dS = th.map((_, i) => {
    const p = th.map((x, k) => (k === i ? x.plus(H) : x));
    const m = th.map((x, k) => (k === i ? x.minus(H) : x));
    return quadratic(b.hessian(p))
      .minus(quadratic(b.hessian(m)))
      .div(H.times(2));
  });
  const norm = Decimal.max(...eig.values.map((v) => v.abs()));
  const relGap =
    eig.values.length > 1
      ? eig.values[0]
          .minus(eig.values[1])
          .div(norm.isZero() ? 1 : norm)
          .toNumber()
      : Infinity;
  return { loss: b.loss(th), grad: b.grad(th), hess: hess.flat(), eig: eig.values, dS, relGap };
}

function relErr(a: (number | string | Decimal)[], b: Decimal[]): number {
  const scale = Decimal.max(...b.map((x) => x.abs()));
  const diff = Decimal.max(...a.map((x, i) => new Decimal(x instanceof Decimal ? x : String(x)).minus(b[i]).abs()));
  return scale.isZero() ? diff.toNumber() : diff.div(scale).toNumber();
}

describe('inspect against an independent 90-digit computation, every model', () => {
  for (const def of MODELS) {
    it(`${def.id}: f64 to 1e-10, dec:50 to 1e-30 (loss, gradient, Hessian, eigenvalues, ∇S); interval:25 encloses dec:50`, () => {
      const arb = MODEL_INSTANCES[def.id];
      expect(arb, `an instance generator for ${def.id}`).toBeDefined();
      let exercised = 0;
      for (const inst of fc.sample(arb, { seed: 42, numRuns: 6 })) {
        const model = getModelDef(inst.id).create(inst.input);
        const o = oracle(model, inst.theta);
        // ∇S exists only for a simple top eigenvalue; its f64 error grows like ε/gap, so the guard is a relative gap of 1e-3.
        const simple = o.relGap > 1e-3;
        const reports: Partial<Record<'f64' | 'dec:50', ReturnType<typeof inspectPoint>>> = {};
        for (const [p, tol] of [
          ['f64', 1e-10],
          ['dec:50', 1e-30],
        ] as const) {
          const r = inspectPoint(model, inst.theta, parsePrecision(p));
          reports[p] = r;
          const F = r.F;
          const s = (xs: unknown[]) => xs.map((x) => F.toString(x));
          expect(relErr(s([r.loss]), [o.loss]), `${p} loss`).toBeLessThan(tol);
          expect(relErr(s(r.grad), o.grad), `${p} grad`).toBeLessThan(tol);
          expect(relErr(s(r.hessian.flat()), o.hess), `${p} hessian`).toBeLessThan(tol);
          expect(relErr(s(r.eigenvalues), o.eig), `${p} eigenvalues`).toBeLessThan(tol);
          if (simple) expect(relErr(s(r.sharpnessGradient!), o.dS), `${p} ∇S`).toBeLessThan(tol);
        }
        if (simple) exercised++;
        const iv = inspectPoint(model, inst.theta, parsePrecision('interval:25'));
        // The dec:50 report just checked against the oracle is the one interval:25 must enclose.
        const dec = reports['dec:50']!;
        const inside = (e: unknown, x: unknown, what: string) => {
          const I = e as Interval;
          const v = x as Decimal;
          expect(v.gte(I.lo) && v.lte(I.hi), `${what}: ${v} in ${I}`).toBe(true);
        };
        inside(iv.loss, dec.loss, 'loss');
        iv.grad.forEach((e, i) => inside(e, dec.grad[i], 'grad'));
        iv.hessian.flat().forEach((e, i) => inside(e, dec.hessian.flat()[i], 'hessian'));
        iv.eigenvalues.forEach((e, i) => inside(e, dec.eigenvalues[i], 'eigenvalue'));
        if (iv.sharpnessGradient !== null && simple) iv.sharpnessGradient.forEach((e, i) => inside(e, dec.sharpnessGradient![i], '∇S'));
      }
      expect(exercised, 'instances with a simple top eigenvalue').toBeGreaterThan(0);
    });
  }
});
