import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CatapultInstance, catapultInnerProduct as claim } from '../../src/claims/wangXuZhaoTao/catapultInnerProduct.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * wxzt.catapult.inner-product through its own check at f64, against GD on log cosh(xᵀy − 1) written out
 * here in doubles: a draw that catapults and converges, the same run cut 20 steps after its catapult
 * (not yet converged, though below the edge), and a start far past the edge, which diverges without one.
 */
const f64 = parsePrecision('f64');

/** |xᵀy − 1| after `steps` steps of GD on log cosh(xᵀy − 1), x = θ[0..2], y = θ[2..4]. */
function residualAfter(i: CatapultInstance, steps: number): number {
  let [a, b, c, d] = i.theta.map(Number);
  const eta = Number(i.lr);
  for (let t = 0; t < steps; t++) {
    const g = Math.tanh(a * c + b * d - 1);
    [a, b, c, d] = [a - eta * g * c, b - eta * g * d, c - eta * g * a, d - eta * g * b];
  }
  return Math.abs(a * c + b * d - 1);
}

const [drawn] = fc.sample(claim.arbitrary, { seed: 2, numRuns: 1 });

describe('wxzt.catapult.inner-product against GD written out', () => {
  it('a draw catapults (the spike before the step it names) and converges below the edge, its margin 2 − η·S∞', () => {
    const o = checkAt(claim, drawn, f64, { mode: 'claim' }).outcome;
    const d = o.evidence.details ?? {};
    expect([o.verdict, o.evidence.code], o.evidence.message).toEqual(['holds', 'catapult']);
    expect(d.catapultAt).toBe(o.evidence.step);
    expect(Number(d.spikeStart)).toBeGreaterThanOrEqual(0);
    expect(Number(d.spikeStart)).toBeLessThan(Number(d.catapultAt));
    expect(o.evidence.observed).toBe(d.etaSEnd);
    expect(o.evidence.observed).toBeLessThan(2);
    expect(o.evidence.margin).toBe(2 - o.evidence.observed);
    expect(Number(d.residual)).toBeCloseTo(residualAfter(drawn, drawn.steps), 12);
  });

  it('cut 20 steps after its catapult the run is below the edge but not converged (|xᵀy − 1| ≈ 0.01): catapult_not_converged', () => {
    const at = Number(checkAt(claim, drawn, f64, { mode: 'claim' }).outcome.evidence.details?.catapultAt);
    const cut = { ...drawn, steps: at + 20 };
    const o = checkAt(claim, cut, f64, { mode: 'claim' }).outcome;
    const r = residualAfter(cut, cut.steps);
    expect(r).toBeGreaterThan(1e-3);
    expect([o.verdict, o.evidence.code], o.evidence.message).toEqual(['violated', 'catapult_not_converged']);
    expect(o.evidence.observed).toBeCloseTo(r, 10);
    expect(o.evidence.margin).toBeLessThan(0);
    expect(Number(o.evidence.details?.etaSEnd)).toBeLessThan(2);
    expect(o.evidence.details?.catapultAt).toBe(at);
  });

  it('from a start with η·S(θ₀) = 6, GD diverges with no catapult event: no_catapult, no catapult step', () => {
    // S(θ₀) at (2, 1.5, 2, 1.5) is 1.13518…: η = 6/S.
    const far: CatapultInstance = {
      model: 'inner-product',
      params: { loss: 'logcosh', mu: '1' },
      theta: ['2', '1.5', '2', '1.5'],
      steps: 3000,
      kappa0: '6',
      lr: '5.992080415542156',
    };
    expect(residualAfter(far, 50)).toBeGreaterThan(1e6);
    const o = checkAt(claim, far, f64, { mode: 'claim' }).outcome;
    expect([o.verdict, o.evidence.code]).toEqual(['violated', 'no_catapult']);
    expect(o.evidence.margin).toBeLessThan(0);
    expect([o.evidence.details?.catapultAt, o.evidence.details?.spikeStart]).toEqual([-1, -1]);
    expect(Number(o.evidence.details?.kappa0)).toBeCloseTo(6, 9);
  });
});
