import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TrackInstance, trackInstance } from '../../src/claims/damian/damianTracking.js';
import { timeAveragedLoss as claim } from '../../src/claims/damian/timeAveragedLoss.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * damian.time-averaged-loss through its own check at f64 (checkAt: one rung, no ladder): on the draws
 * of its generator, which must meet its stated hypotheses (ω = η√(2α) ≤ 0.07, ε ≤ 0.01, a window of a
 * period at least) on the cubic toy and each perturbation of it, and hold; on its negative control's
 * two naive readings, each violated with its own code; and its hypothesis guards, each stopping an
 * instance just outside it.
 */
const f64 = parsePrecision('f64');
const DRAWS = 10;

const omega = (i: TrackInstance): number => Number(i.lr) * Math.sqrt(2 * Number(i.toy.b) * Number(i.toy.c));
const kind = (i: TrackInstance): string => {
  const p = i.perturbation as { C: string; q: string } | undefined;
  return p === undefined ? 'none' : p.C !== '0' ? 'C' : p.q.startsWith('-') ? 'q-' : 'q+';
};

describe('damian.time-averaged-loss on its draws (seed 1, f64)', () => {
  it(`holds on each of ${DRAWS} draws, which meet its hypotheses on the toy and its perturbations`, () => {
    const draws = fc.sample(claim.arbitrary, { seed: 1, numRuns: DRAWS });
    for (const i of draws) {
      const o = checkAt(claim, i, f64, { mode: 'claim' }).outcome;
      const what = `${JSON.stringify(i)}: ${o.evidence.message}`;
      expect(o.verdict, what).toBe('holds');
      expect(o.evidence.code, what).toBe('average_holds');
      expect(o.evidence.margin, what).toBeGreaterThanOrEqual(0);
      expect(omega(i), what).toBeLessThanOrEqual(0.0701);
      const d = o.evidence.details ?? {};
      // The window spans a period 2π/ω; `relative` is the residual ⟨L − L†⟩/(⟨x²⟩/η) − 1 that `observed` measures.
      expect(Number(d.window), what).toBeGreaterThanOrEqual((2 * Math.PI) / omega(i) - 1);
      expect(Number(d.eps), what).toBeLessThanOrEqual(0.0101);
      expect(Math.abs(Number(d.relative)) * Number(d.meanX2OverEta), what).toBeCloseTo(o.evidence.observed, 12);
    }
    expect(new Set(draws.map(kind))).toEqual(new Set(['none', 'C', 'q+', 'q-']));
  });

  it('its negative control fails each naive reading with its own code: pointwise where |x| ≪ δ, and the average without x²/η', () => {
    const draws = fc.sample(claim.negativeControl.arbitrary, { seed: 1, numRuns: DRAWS });
    const codes = new Set<string>();
    for (const i of draws) {
      const o = checkAt(claim, i, f64, { mode: 'control' }).outcome;
      const what = `${JSON.stringify(i)}: ${o.evidence.message}`;
      expect(o.verdict, what).toBe('violated');
      expect(o.evidence.code, what).toBe(i.variant === 'pointwise' ? 'pointwise_fails' : 'excess_loss_ignored');
      expect(o.evidence.margin, what).toBeLessThan(0);
      codes.add(o.evidence.code);
    }
    expect(codes.size).toBe(2);
  });
});

describe('damian.time-averaged-loss hypothesis guards', () => {
  /** The first draw of the claim's generator with some options changed. */
  const drawn = (o: Partial<Parameters<typeof trackInstance>[0]>, variant?: string): TrackInstance => {
    const base = { omegaMilli: [40, 40], xMilli: [500, 500], xBase: 50, yMilli: [20, 20], periodsCenti: [120, 120] } as const;
    const i = fc.sample(trackInstance({ ...base, ...o }), { seed: 1, numRuns: 1 })[0];
    return variant === undefined ? i : { ...i, variant };
  };
  const stopsAt = (i: TrackInstance) => {
    const o = checkAt(claim, i, f64, { mode: 'claim' }).outcome;
    return o.verdict === 'inconclusive' ? o.evidence.code : `${o.verdict}: ${o.evidence.message}`;
  };

  it('holds just inside them', () => {
    expect(checkAt(claim, drawn({}), f64, { mode: 'claim' }).outcome.verdict).toBe('holds');
    expect(checkAt(claim, drawn({ omegaMilli: [70, 70], perturb: ['C'], epsTenK: [100, 100] }), f64, { mode: 'claim' }).outcome.verdict).toBe('holds');
  });

  it('stops at ω = 0.08, ε = 0.02, a window of 0.9 periods, and a naive reading asked of the claim', () => {
    expect(stopsAt(drawn({ omegaMilli: [80, 80] }))).toBe('omega_small');
    expect(stopsAt(drawn({ perturb: ['C'], epsTenK: [200, 200] }))).toBe('perturbation_small');
    expect(stopsAt(drawn({ periodsCenti: [90, 90] }))).toBe('window_short');
    expect(stopsAt(drawn({}, 'pointwise'))).toBe('naive_variant');
  });
});
