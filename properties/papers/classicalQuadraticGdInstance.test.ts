import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quadratic } from '../../src/models/quadratic.js';
import { canonicalJson } from '../../src/harness/canonicalJson.js';
import { seededRandom } from '../../src/harness/seededRandom.js';
import { increaseHorizon, quadraticGdInstance, type QuadraticGdInstance, type QuadraticGdOptions } from '../../src/claims/classical/quadraticGdInstance.js';

const D = Decimal.clone({ precision: 200 });
const exact = (s: string) => new D(s);

/** The certificate, checked exactly: V orthonormal, AV = VΛ, λ₀ largest, b = Aθ*. */
function certified(x: QuadraticGdInstance): boolean {
  const A = x.data.A.map((r) => r.map(exact));
  const V = x.eigen.vectors.map((r) => r.map(exact));
  const lam = x.eigen.values.map(exact);
  const p = A.length;
  for (let k = 0; k < p; k++) {
    for (let i = 0; i < p; i++) {
      const Av = A[i].reduce((s, a, j) => s.plus(a.times(V[k][j])), new D(0));
      if (!Av.eq(lam[k].times(V[k][i]))) return false;
    }
    for (let l = 0; l < p; l++) {
      const g = V[k].reduce((s, v, j) => s.plus(v.times(V[l][j])), new D(0));
      if (!g.eq(k === l ? 1 : 0)) return false;
    }
    if (lam[k].gt(lam[0])) return false;
  }
  const ts = x.thetaStar.map(exact);
  return A.every((row, i) => row.reduce((s, a, j) => s.plus(a.times(ts[j])), new D(0)).eq(exact(x.data.b[i])));
}

const kappaOf = (x: QuadraticGdInstance) => exact(x.lr).times(exact(x.smoothness ?? x.eigen.values[0]));

describe('quadraticGdInstance', () => {
  const options: QuadraticGdOptions[] = [
    { kappa: [0, 2], toward: 'hi' },
    { kappa: [2, 3], start: 'top', steps: 'until-increase' },
    { kappa: [0, 2], start: 'top-dominant', smoothness: 'under', steps: [1, 10] },
    { kappa: [0, 2], smoothness: 'over' },
  ];

  it('draws exactly certified instances inside the κ interval, accepted by the quadratic model, as plain JSON', () => {
    for (const o of options) {
      fc.assert(
        fc.property(quadraticGdInstance(o), (x) => {
          expect(certified(x)).toBe(true);
          const k = kappaOf(x);
          // η is κ/λ rounded to 15 digits, so κ is inside the open interval up to that rounding.
          expect(k.gt(o.kappa[0]) && k.lt(o.kappa[1])).toBe(true);
          expect(() => canonicalJson(x)).not.toThrow();
          const m = quadratic.create({ data: x.data as never, dim: x.theta.length });
          expect(m.dim).toBe(x.theta.length);
          if (o.smoothness === 'over') expect(exact(x.smoothness as string).gte(exact(x.eigen.values[0]))).toBe(true);
          if (o.smoothness === 'under') expect(exact(x.smoothness as string).lt(exact(x.eigen.values[0]))).toBe(true);
        }),
        { numRuns: 60, seed: 3 },
      );
    }
  });

  it('is deterministic (same seed, same instance) and every shrink candidate is certified too', () => {
    const arb = quadraticGdInstance({ kappa: [0, 3] });
    expect(fc.sample(arb, { seed: 9, numRuns: 5 })).toEqual(fc.sample(arb, { seed: 9, numRuns: 5 }));
    for (let seed = 0; seed < 10; seed++) {
      let v = arb.generate(seededRandom(seed), undefined);
      // Walk three levels down the shrink tree, checking up to 30 candidates per level.
      for (let depth = 0; depth < 3; depth++) {
        const candidates = [...arb.shrink(v.value_, v.context).take(30)];
        for (const c of candidates) expect(certified(c.value)).toBe(true);
        if (candidates.length === 0) break;
        v = candidates[candidates.length - 1];
      }
    }
  });

  it('shrinks toward the simplest instance: dimension 1, λ = 1, θ* = 0, κ at the chosen end', () => {
    // Shrink a monotone-below-3 style property to its minimal failure: "κ ≤ 2".
    const arb = quadraticGdInstance({ kappa: [0, 3], toward: 'lo', steps: [1, 100] });
    const r = fc.check(
      fc.property(arb, (x) => kappaOf(x).lte(2)),
      { seed: 1, numRuns: 200 },
    );
    expect(r.failed).toBe(true);
    const x = (r.counterexample as [QuadraticGdInstance])[0];
    expect(x.theta).toHaveLength(1);
    expect(x.eigen.values).toEqual(['1']);
    expect(x.thetaStar).toEqual(['0']);
    expect(x.lr).toBe('2.001');
    expect(x.steps).toBe(1);
  });
});

describe('increaseHorizon', () => {
  it('bounds the step at which GD with κ > 2 first increases the loss (brute force on diagonal quadratics)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2.0005, max: 2.99, noNaN: true }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })), { maxLength: 3 }),
        (kappa, cTop, others) => {
          // λ_max = 1, η = κ; others λ_i = s·λ_max: exact per-direction dynamics e_i ← (1 − κs)e_i.
          const lams = [1, ...others.map(([s]) => s)];
          let cs = [cTop, ...others.map(([, c]) => c)];
          const loss = (c: number[]) => c.reduce((s, ci, i) => s + 0.5 * lams[i] * ci * ci, 0);
          let eRest = 0;
          lams.forEach((l, i) => {
            if (i > 0 && kappa * l < 2) eRest += 0.5 * l * cs[i] ** 2;
          });
          const h = increaseHorizon(0.5 * cTop * cTop, eRest, kappa);
          let first = -1;
          for (let t = 0; t <= h + 1 && first < 0; t++) {
            const next = cs.map((c, i) => (1 - kappa * lams[i]) * c);
            if (loss(next) > loss(cs)) first = t;
            cs = next;
          }
          expect(first).toBeGreaterThanOrEqual(0);
          expect(first).toBeLessThanOrEqual(h);
        },
      ),
      { numRuns: 300, seed: 8 },
    );
    expect(increaseHorizon(1, 1, 1.5)).toBe(Number.POSITIVE_INFINITY);
    expect(increaseHorizon(0, 1, 2.5)).toBe(Number.POSITIVE_INFINITY);
    expect(increaseHorizon(1, 0, 2.5)).toBe(0);
  });
});
