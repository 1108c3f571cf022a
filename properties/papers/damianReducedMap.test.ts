import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ToyInstance } from '../../src/claims/damian/damian.js';
import { reducedMapExact } from '../../src/claims/damian/reducedMap.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { decimalCtor } from '../../src/numerics/decimalField.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * damian.reduced-map.exact through its own check at f64 (checkAt: one rung, no ladder), on the draws
 * of its generators and on inputs perturbed by a stated amount. The identity is claimed for every
 * η > 0 and start, so its instances must start below and above the edge 2/η (where |x| shrinks and
 * where it grows) and at x₀ = 0 (progressive sharpening alone); they must all be exercised, GD
 * staying finite; and the negative control must part GD and the map on every draw, each way of
 * breaking the hypothesis on both sides of the edge, because of the one term it breaks: restored,
 * the same draw holds (a draw far off the claim's domain would fail, or diverge, restored too).
 */
const f64 = parsePrecision('f64');
const D = decimalCtor(40);
const DRAWS = 30;

/** ηỹ₀ = η(a₀ + b·z₀) − 2 in thousandths (the generators draw it as a whole number of them). */
const etaYMilli = (i: ToyInstance): number =>
  D(i.lr)
    .times(D(i.toy.a0).plus(D(i.toy.b).times(i.theta[1])))
    .minus(2)
    .times(1000)
    .round()
    .toNumber();

/** Which term a negative-control draw breaks: the map's β, a curvature C·z² in the sharpness, or a quartic q·x⁴/24 in the loss. */
function broken(i: ToyInstance): 'no β' | 'C·z²' | 'q·x⁴' | 'none' {
  if (i.model === 'expr') return i.expr?.includes('z^2') === true ? 'C·z²' : 'q·x⁴';
  return i.map?.beta === '0' ? 'no β' : 'none';
}

/** The draw with its broken term restored: the cubic toy of its stated (a₀, b, c) from the same start, and the map with β = b². */
function restored(i: ToyInstance): ToyInstance {
  const { expr: _e, vars: _v, ...rest } = i;
  const b = D(i.toy.b);
  return { ...rest, model: 'cubic-toy', params: { ...i.toy }, map: { alpha: b.times(i.toy.c).toFixed(), beta: b.times(b).toFixed() } };
}

function sides(draws: readonly ToyInstance[]): { below: number; above: number } {
  const y = draws.map(etaYMilli);
  return { below: y.filter((v) => v < 0).length, above: y.filter((v) => v > 0).length };
}

describe('damian.reduced-map.exact on its draws (seed 1, f64)', () => {
  it(`holds with a margin ≥ 0 on each of ${DRAWS} draws, which start on both sides of the edge and at x₀ = 0`, () => {
    const draws = fc.sample(reducedMapExact.arbitrary, { seed: 1, numRuns: DRAWS });
    const bad = draws
      .map((i) => ({ i, o: checkAt(reducedMapExact, i, f64, { mode: 'claim' }).outcome }))
      .filter(({ o }) => o.verdict !== 'holds' || !(o.evidence.margin >= 0))
      .map(({ i, o }) => `${JSON.stringify(i)}: ${o.verdict} (margin ${o.evidence.margin}) ${o.evidence.message}`);
    expect(bad).toEqual([]);
    const { below, above } = sides(draws);
    expect(below, 'draws below the edge').toBeGreaterThan(0);
    expect(above, 'draws above the edge').toBeGreaterThan(0);
    expect(draws.filter((i) => D(i.theta[0]).isZero()).length, 'draws from x₀ = 0').toBeGreaterThan(0);
  });

  it(`its negative control is violated with a margin < 0 on each of ${DRAWS} draws, and holds on each once the broken term is restored`, () => {
    const draws = fc.sample(reducedMapExact.negativeControl.arbitrary, { seed: 1, numRuns: DRAWS });
    const bad = draws
      .map((i) => ({
        i,
        o: checkAt(reducedMapExact, i, f64, { mode: 'control' }).outcome,
        r: checkAt(reducedMapExact, restored(i), f64, { mode: 'claim' }).outcome,
      }))
      .filter(({ o, r }) => o.verdict !== 'violated' || !(o.evidence.margin < 0) || r.verdict !== 'holds')
      .map(
        ({ i, o, r }) => `${JSON.stringify(i)}: ${o.verdict} (margin ${o.evidence.margin}) ${o.evidence.message}; restored: ${r.verdict} ${r.evidence.message}`,
      );
    expect(bad).toEqual([]);
    // Each way of breaking the hypothesis, on both sides of the edge.
    for (const kind of ['no β', 'C·z²', 'q·x⁴'] as const) {
      const { below, above } = sides(draws.filter((i) => broken(i) === kind));
      expect([kind, below > 0, above > 0]).toEqual([kind, true, true]);
    }
  });
});

describe('damian.reduced-map.exact on perturbed inputs (f64)', () => {
  /** ½(a₀ + z)x² − 0.01z at η = 0.01 from (x₀, 0), with the map's (α, β) as stated. */
  const toy = (a0: string, x0: string, steps: number, beta = '1'): ToyInstance => {
    const p = { a0, b: '1', c: '0.01' };
    return { model: 'cubic-toy', params: p, toy: p, theta: [x0, '0'], lr: '0.01', steps, map: { alpha: '0.01', beta } };
  };

  it('a mismatch in ỹ alone (the map without β, one step, where x still agrees) is violated with the ỹ margin', () => {
    // x₁ = −(1 + ηỹ₀)x₀ does not involve β; ỹ₁ misses η·x₀²/2 = 5e-5, far past the 1024-ulp bound.
    const o = checkAt(reducedMapExact, toy('200', '0.1', 1, '0'), f64, { mode: 'control' }).outcome;
    expect(o.verdict).toBe('violated');
    expect(o.evidence.step).toBe(1);
    expect(o.evidence.observed).toBeCloseTo(5e-5, 12);
    expect(o.evidence.margin).toBeLessThan(-1e-8);
  });

  it('reports the worst step: the worst error-to-bound ratio over the first k steps never falls as k grows', () => {
    const ratio = (k: number): number => {
      const e = checkAt(reducedMapExact, toy('201', '0.1', k), f64, { mode: 'claim' }).outcome.evidence;
      expect(e.step).toBeLessThanOrEqual(k);
      return e.observed / e.bound;
    };
    const r = Array.from({ length: 40 }, (_, k) => ratio(k + 1));
    expect(r.every((x) => x >= 0)).toBe(true);
    expect(r.filter((x, k) => k > 0 && x < r[k - 1])).toEqual([]);
    expect(r.at(-1)).toBeGreaterThan(0);
  });
});
