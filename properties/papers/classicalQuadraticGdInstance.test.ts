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

describe('increaseHorizon: the first t that the derivation allows, not just an upper bound', () => {
  // T* is the least t ≥ 0 with eTop·δ(1 + δ)ᵗ ≥ 2·eRest, δ = κ(κ − 2): found here by counting.
  const counted = (eTop: number, eRest: number, kappa: number) => {
    const delta = kappa * (kappa - 2);
    let t = 0;
    while (eTop * delta * (1 + delta) ** t < 2 * eRest) t++;
    return t;
  };
  it.each([
    [1, 1, 2.5],
    [0.02, 3, 2.1],
    [0.5, 0.001, 2.9],
    [1e-3, 40, 2.0005],
  ])('eTop = %s, eRest = %s, κ = %s', (eTop, eRest, kappa) => {
    const h = increaseHorizon(eTop, eRest, kappa);
    expect(h).toBe(counted(eTop, eRest, kappa));
  });
  it('is infinite at the edge κ = 2 (δ = 0) and without a q_max component, even with nothing else to outweigh', () => {
    expect(increaseHorizon(1, 0, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(increaseHorizon(0, 0, 2.5)).toBe(Number.POSITIVE_INFINITY);
    expect(increaseHorizon(1, 1, 2)).toBe(Number.POSITIVE_INFINITY);
  });
});

/** The error θ − θ* in the eigenbasis, exactly: c_k = q_kᵀ(θ − θ*). */
const coordinates = (x: QuadraticGdInstance) =>
  x.eigen.vectors.map((q) => q.reduce((s, qi, i) => s.plus(exact(qi).times(exact(x.theta[i]).minus(exact(x.thetaStar[i])))), new D(0)));

describe('quadraticGdInstance: each option draws what its documentation says', () => {
  const sample = (o: QuadraticGdOptions, numRuns = 150) => fc.sample(quadraticGdInstance(o), { seed: 5, numRuns });
  const inRange = (d: Decimal, lo: number, hi: number) => d.gte(lo) && d.lte(hi);

  it('start `any` (the default): every coordinate in [−2, 2], q_max component of either sign, sometimes small, sometimes 0', () => {
    const cs = sample({ kappa: [0, 2] }).map(coordinates);
    expect(cs.every((c) => c.every((ck) => inRange(ck, -2, 2)))).toBe(true);
    expect(cs.some((c) => c[0].abs().lt(0.1))).toBe(true);
    expect(cs.some((c) => c[0].isNeg()) && cs.some((c) => c[0].isPos())).toBe(true);
    expect(cs.some((c) => c.length > 1 && c.slice(1).some((ck) => ck.abs().gt(1)))).toBe(true);
  });
  it('start `top`: |c_max| ∈ [0.1, 2] of either sign, the others anywhere in [−2, 2]', () => {
    const cs = sample({ kappa: [0, 2], start: 'top' }).map(coordinates);
    expect(cs.every((c) => inRange(c[0].abs(), 0.1, 2))).toBe(true);
    expect(cs.some((c) => c[0].abs().lt(1))).toBe(true);
    expect(cs.some((c) => c[0].isNeg()) && cs.some((c) => c[0].isPos())).toBe(true);
    expect(cs.some((c) => c.slice(1).some((ck) => ck.abs().gt(1)))).toBe(true);
  });
  it('start `top-dominant`: |c_max| ∈ [1, 2], the others in [−0.1, 0.1] and not all 0', () => {
    const cs = sample({ kappa: [0, 2], start: 'top-dominant' }).map(coordinates);
    expect(cs.every((c) => inRange(c[0].abs(), 1, 2) && c.slice(1).every((ck) => inRange(ck, -0.1, 0.1)))).toBe(true);
    expect(cs.some((c) => c.slice(1).some((ck) => ck.isNeg())) && cs.some((c) => c.slice(1).some((ck) => ck.isPos()))).toBe(true);
    expect(cs.some((c) => c.slice(1).some((ck) => ck.abs().lt(0.1) && !ck.isZero()))).toBe(true);
  });
  it('θ* has two decimals in [−2, 2] in every coordinate, of either sign; λ_max ∈ [0.1, 10] and the others λ_max·s, s ∈ [0, 1]', () => {
    const xs = sample({ kappa: [0, 2] });
    const stars = xs.flatMap((x) => x.thetaStar.map(exact));
    expect(stars.every((t) => inRange(t, -2, 2) && t.times(100).isInteger())).toBe(true);
    expect(xs.some((x) => x.thetaStar.slice(1).some((t) => exact(t).isNeg()))).toBe(true);
    expect(xs.some((x) => x.thetaStar.slice(1).some((t) => exact(t).isPos()))).toBe(true);
    for (const x of xs) {
      const [top, ...rest] = x.eigen.values.map(exact);
      expect(inRange(top, 0.1, 10)).toBe(true);
      expect(rest.every((l) => inRange(l.div(top), 0, 1))).toBe(true);
    }
  });
  it('dimensions up to maxDim (default 4), rotated by the exact rotations when there are two or more', () => {
    const dims = (o: QuadraticGdOptions) => sample(o).map((x) => x.theta.length);
    expect(Math.max(...dims({ kappa: [0, 2] }))).toBe(4);
    expect(new Set(dims({ kappa: [0, 2], maxDim: 2 }))).toEqual(new Set([1, 2]));
    expect(dims({ kappa: [0, 2], maxDim: 1 }).every((p) => p === 1)).toBe(true);
    // A rotated eigenbasis has entries other than 0 and ±1; an unrotated one is the identity.
    const rotated = (x: QuadraticGdInstance) => x.eigen.vectors.some((q) => q.some((v) => !['0', '1', '-1'].includes(v)));
    expect(sample({ kappa: [0, 2], maxDim: 2 }).some(rotated)).toBe(true);
  });
  it('steps from the range (default [1, 100]), κ on the 10^−places grid strictly inside the interval', () => {
    const xs = sample({ kappa: [0, 2] });
    const steps = xs.map((x) => x.steps);
    expect(Math.min(...steps)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...steps)).toBeLessThanOrEqual(100);
    expect(Math.max(...steps)).toBeGreaterThan(50);
    expect(sample({ kappa: [0, 2], steps: [7, 9] }).every((x) => x.steps >= 7 && x.steps <= 9)).toBe(true);
    // The narrowest interval with a grid point inside: [0, 0.002] at 3 places has κ = 0.001 only.
    expect(sample({ kappa: [0, 0.002] }, 20).every((x) => kappaOf(x).toSignificantDigits(6).eq(0.001))).toBe(true);
    expect(() => quadraticGdInstance({ kappa: [0, 0.001] })).toThrow(/empty at 3 places/);
  });
  it('shrinks κ toward the chosen end: toward `hi` the minimal counterexample sits one grid step below hi', () => {
    const r = fc.check(
      fc.property(quadraticGdInstance({ kappa: [0, 3], toward: 'hi' }), (x) => kappaOf(x).lt(2.5)),
      { seed: 1, numRuns: 200 },
    );
    expect(r.failed).toBe(true);
    expect(
      kappaOf((r.counterexample as [QuadraticGdInstance])[0])
        .toSignificantDigits(6)
        .toNumber(),
    ).toBe(2.999);
  });
  it('smoothness `over`: L = λ_max(1 + s), s ∈ [0, 1] on a 0.01 grid, above λ_max in most draws; `under`: s ∈ [0.15, 0.9]; none: no L recorded', () => {
    const ratio = (x: QuadraticGdInstance) => exact(x.smoothness as string).div(exact(x.eigen.values[0]));
    const over = sample({ kappa: [0, 2], smoothness: 'over' }).map(ratio);
    expect(over.every((r) => inRange(r, 1, 2) && r.times(100).isInteger())).toBe(true);
    expect(over.filter((r) => r.gt(1)).length).toBeGreaterThan(over.length / 2);
    const under = sample({ kappa: [0, 2], smoothness: 'under' }).map(ratio);
    expect(under.every((r) => inRange(r, 0.1, 0.85) && r.times(100).isInteger())).toBe(true);
    expect(under.some((r) => r.lt(0.5)) && under.some((r) => r.gt(0.5))).toBe(true);
    expect(sample({ kappa: [0, 2] }).every((x) => x.smoothness === undefined)).toBe(true);
  });
});

describe('quadraticGdInstance with steps `until-increase`', () => {
  /** eTop, eRest (directions with ηλ < 2) and κ of the instance, in doubles as the generator reads them. */
  const energies = (x: QuadraticGdInstance) => {
    const eta = Number(x.lr);
    const lams = x.eigen.values.map(Number);
    const cs = coordinates(x).map((c) => c.toNumber());
    let eRest = 0;
    for (let k = 1; k < lams.length; k++) if (eta * lams[k] < 2) eRest += 0.5 * lams[k] * cs[k] ** 2;
    return { eTop: 0.5 * lams[0] * cs[0] ** 2, eRest, kappa: eta * lams[0], cs };
  };
  it('runs T* + 3 steps, T* the least t with eTop·δ(1 + δ)ᵗ ≥ 2·eRest over the directions below the edge only', () => {
    const xs = fc.sample(quadraticGdInstance({ kappa: [2, 3], start: 'top', steps: 'until-increase' }), { seed: 6, numRuns: 150 });
    let aboveEdgeOthers = 0;
    for (const x of xs) {
      const { eTop, eRest, kappa } = energies(x);
      const delta = kappa * (kappa - 2);
      const T = x.steps - 3;
      expect(T).toBeGreaterThanOrEqual(0);
      expect(eTop * delta * (1 + delta) ** T).toBeGreaterThanOrEqual(2 * eRest * (1 - 1e-12));
      if (T > 0) expect(eTop * delta * (1 + delta) ** (T - 1)).toBeLessThan(2 * eRest * (1 + 1e-12));
      if (x.eigen.values.slice(1).some((l) => Number(x.lr) * Number(l) >= 2)) aboveEdgeOthers++;
    }
    // Directions above the edge too (they only add to the rise) are drawn, and left out of eRest.
    expect(aboveEdgeOthers).toBeGreaterThan(0);
    expect(xs.some((x) => x.steps > 3)).toBe(true);
  });
  it('a start whose horizon is out of reach (T* + 2 > maxSteps) keeps only its q_max component, so T* = 0', () => {
    const xs = fc.sample(quadraticGdInstance({ kappa: [2, 2.2], start: 'top', steps: 'until-increase', maxSteps: 6 }), { seed: 2, numRuns: 150 });
    // T* + 2 ≤ maxSteps, steps = T* + 3; the starts that were cut have nothing off q_max and T* = 0.
    expect(xs.every((x) => x.steps - 1 <= 6)).toBe(true);
    const cut = xs.filter(
      (x) =>
        x.theta.length > 1 &&
        coordinates(x)
          .slice(1)
          .every((c) => c.isZero()),
    );
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.every((x) => x.steps === 3)).toBe(true);
    expect(xs.some((x) => x.steps > 3)).toBe(true);
    // Without the cap the same draws would need more: the default maxSteps is 5000.
    const deep = fc.sample(quadraticGdInstance({ kappa: [2, 2.002], steps: 'until-increase' }), { seed: 2, numRuns: 60 });
    expect(deep.every((x) => x.steps <= 5003)).toBe(true);
    expect(deep.some((x) => x.steps > 100)).toBe(true);
  });
  it('a start whose horizon is exactly maxSteps − 2 is kept whole (the cut is for T* + 2 > maxSteps only)', () => {
    // maxSteps does not change the draw, so the same seed under a cap of T* + 2 gives the same start.
    const o = { kappa: [2, 2.2] as const, start: 'top' as const, steps: 'until-increase' as const };
    const draw = (maxSteps: number) => fc.sample(quadraticGdInstance({ ...o, maxSteps }), { seed: 11, numRuns: 20 });
    const free = draw(5000);
    const k = free.findIndex((x) => x.steps > 3 && x.theta.length > 1);
    expect(k).toBeGreaterThanOrEqual(0);
    const T = free[k].steps - 3;
    expect(draw(T + 2)[k]).toEqual(free[k]);
    expect(draw(T + 1)[k].steps).toBe(3);
  });
  it('without a q_max component (start `any` draws c_max = 0) no increase is implied: 30 steps', () => {
    const xs = fc.sample(quadraticGdInstance({ kappa: [2, 3], steps: 'until-increase' }), { seed: 4, numRuns: 300 });
    const flat = xs.filter((x) => coordinates(x)[0].isZero());
    expect(flat.length).toBeGreaterThan(0);
    expect(flat.every((x) => x.steps === 30)).toBe(true);
  });
});
