import { describe, expect, test } from 'vitest';
import { checkAt, evaluate } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { chenChaos } from '../../src/claims/chen/chaos.js';
import { chenConvergesBelowOne } from '../../src/claims/chen/chen.js';
import type { QuarticGdInstance } from '../../src/claims/chen/quarticGd.js';

/** μ = 1, so a = η and z = x. */
const quartic = (a: string, z0: string, steps: number, variant?: 'nearest'): QuarticGdInstance =>
  ({ model: 'quartic', params: { mu: '1' }, theta: [z0], lr: a, steps, a, z0, ...(variant !== undefined ? { variant } : {}) }) as QuarticGdInstance;

describe('Chen et al. claims (cubic map)', () => {
  test('a < 1: convergence to ±1, but from z₀ = 1.6 at a = 0.8 to the other well; z₀ = 1.5 lands exactly on 0 (a preimage: inconclusive)', () => {
    expect(evaluate(chenConvergesBelowOne, quartic('0.8', '1.3', 2000), { mode: 'claim' }).verdict).toMatchObject({ verdict: 'holds' });
    expect(evaluate(chenConvergesBelowOne, quartic('0.8', '1.6', 2000), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'holds',
      evidence: { details: { zT: expect.stringMatching(/^-(1|0\.99999)/) } },
    });
    expect(evaluate(chenConvergesBelowOne, quartic('0.8', '1.6', 2000, 'nearest'), { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'other_well' },
    });
    // (1 + a)z − az³ = 0 at z² = (1 + a)/a = 2.25: exactly 0 after one step, in f64 and in decimal.
    expect(evaluate(chenConvergesBelowOne, quartic('0.8', '1.5', 2000), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'exceptional_start' },
    });
  });

  test('a = 1.6 and 1.9 are chaotic (finite-time exponents ≈ 0.69, 0.90: chaotic orbits differ with the order of operations); a = 1.84 is in a periodic window (−0.76); the 2-cycle at a = 1.1 is not chaotic', () => {
    // The check's own f64 outcome: a chaotic orbit's enclosure blows up in interval arithmetic, so no
    // failure of this claim is certified (properties/certificationReach.test.ts) and `evaluate` says inconclusive.
    const f64 = parsePrecision('f64');
    const lyap = (a: string) => checkAt(chenChaos, quartic(a, '0.5', 2500), f64, { mode: 'claim' }).outcome;
    expect(Number(lyap('1.6').evidence.details?.lyapunov)).toBeCloseTo(0.685, 1);
    expect(Number(lyap('1.9').evidence.details?.lyapunov)).toBeCloseTo(0.896, 1);
    expect(lyap('1.84')).toMatchObject({ verdict: 'violated', evidence: { code: 'not_chaotic' } });
    expect(checkAt(chenChaos, quartic('1.1', '0.5', 2500), f64, { mode: 'control' }).outcome).toMatchObject({ verdict: 'violated' });
  });
});
