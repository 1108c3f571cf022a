import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LossPairInstance, lossPairInstances } from '../../src/claims/wangXuZhaoTao/regularityRuns.js';

/**
 * The regularity claims' generator (src/claims/wangXuZhaoTao/regularityRuns.ts) against λ_GFS = √(Δ₀² + 4), Δ₀ = x₀² − y₀², written out
 * here in doubles: η = κ/λ_GFS, and the bound η < 0.95 the claims state as a hypothesis is strict. At κ = 4.94 it is met with equality
 * from the starts where Δ₀ = 4.8 (λ_GFS = 5.2 exactly, since 4.8² + 4 = 5.2²), e.g. (2.21, 0.29): those draws must be dropped.
 */
describe('lossPairInstances', () => {
  const draws = (etaMax?: number) =>
    fc.sample(lossPairInstances({ loss: 'logcosh', against: 'square', lo: 4.94, hi: 4.94, ...(etaMax === undefined ? {} : { etaMax }) }), {
      seed: 17,
      numRuns: 120,
    });
  const atBound = (i: LossPairInstance) => i.lr === '0.95';

  it('draws η = κ/λ_GFS from each start', () => {
    for (const i of draws()) {
      const [x, y] = i.theta.map(Number);
      const lgfs = Math.sqrt((x * x - y * y) ** 2 + 4);
      expect(Number(i.lr)).toBeCloseTo(4.94 / lgfs, 13);
      expect([i.kappa, i.params.loss, i.against, i.steps]).toEqual(['4.94', 'logcosh', 'square', 4000]);
    }
  });

  it('η < etaMax is strict: a bound one ulp above 0.95 keeps the draw at η = 0.95 from (2.21, 0.29), the bound 0.95 drops it', () => {
    expect(
      draws(0.9500000000000001)
        .filter(atBound)
        .map((i) => i.theta),
    ).toContainEqual(['2.21', '0.29']);
    const kept = draws(0.95);
    expect(kept.length).toBe(120);
    for (const i of kept) expect(Number(i.lr)).toBeLessThan(0.95);
  });
});
