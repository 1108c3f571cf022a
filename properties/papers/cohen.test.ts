import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/harness/evaluate.js';
import { momentumThresholds, quadraticDivergenceRate } from '../../src/claims/cohen/cohen.js';
import { COHEN_CLAIMS } from '../../src/claims/cohen/index.js';
import { ball } from '../../test-support/momentumInstance.js';
import { quadratic1D } from '../../test-support/quadraticInstance.js';

describe('COHEN_CLAIMS through the harness (pinned seed)', () => {
  it('exports the three claims', () => {
    expect(COHEN_CLAIMS.map((c) => c.id)).toEqual(['cohen.quadratic.divergence-rate', 'cohen.momentum.thresholds', 'cohen.eos.hover-cubic-toy']);
  });
});

describe('hand-made instances', () => {
  it('κ = 2.5: the q_max component grows as 1.5ᵗ; κ = 1.5 decays and is flagged when claimed to diverge', () => {
    const v = evaluate(quadraticDivergenceRate, quadratic1D('1', '0.5', '2.5', 100), { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'holds', evidence: { code: 'rate_matches' } });
    expect(Number(v.evidence.details?.fitted)).toBeCloseTo(Math.log(1.5), 12);
    expect(evaluate(quadraticDivergenceRate, quadratic1D('1', '0.5', '1.5', 50), { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive' });
    expect(evaluate(quadraticDivergenceRate, quadratic1D('1', '0.5', '1.5', 50), { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'no_divergence' },
    });
  });

  it('heavy ball with β = 0.5: edge at ηλ = 3; Nesterov: edge at 1.5', () => {
    expect(evaluate(momentumThresholds, ball('heavy-ball', '0.5', '2.97', '0.99'), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'holds',
      evidence: { code: 'converges_below' },
    });
    expect(evaluate(momentumThresholds, ball('heavy-ball', '0.5', '3.03', '1.01'), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'holds',
      evidence: { code: 'diverges_above' },
    });
    expect(evaluate(momentumThresholds, ball('nesterov', '0.5', '1.485', '0.99'), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'holds',
      evidence: { code: 'converges_below' },
    });
    expect(evaluate(momentumThresholds, ball('nesterov', '0.5', '1.515', '1.01'), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'holds',
      evidence: { code: 'diverges_above' },
    });
  });

  it('the plain-GD edge 2/λ is wrong for momentum: heavy ball at 2.02 converges, Nesterov at 1.98 diverges', () => {
    expect(evaluate(momentumThresholds, ball('heavy-ball', '0.5', '2.02', '1.01', 'gd'), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'wrong_threshold' },
    });
    expect(evaluate(momentumThresholds, ball('heavy-ball', '0.5', '2.02', '1.01', 'gd'), { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'no_divergence' },
    });
    expect(evaluate(momentumThresholds, ball('nesterov', '0.5', '1.98', '0.99', 'gd'), { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'no_convergence' },
    });
  });
});
