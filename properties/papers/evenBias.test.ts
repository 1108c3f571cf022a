import { describe, expect, test } from 'vitest';
import { checkAt, evaluate } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { evenLargeStepsHurt } from '../../src/claims/even/largeStepsHurt.js';
import { DlnBiasInstance, evenImplicitBias } from '../../src/claims/even/implicitBias.js';
import { DlnEosInstance, evenEosFinalSharpness } from '../../src/claims/even/eosFinalSharpness.js';

describe('even.dln.implicit-bias', () => {
  const inst: DlnBiasInstance = {
    model: 'diagonal-linear',
    data: {
      X: [
        ['1', '0.5', '-0.3', '0.2'],
        ['0.1', '-0.7', '0.4', '0.9'],
      ],
      y: ['0.8', '-0.5'],
    },
    theta: ['0.8', '0.8', '0.8', '0.8', '0', '0', '0', '0'],
    lr: '0.5',
    steps: 20_000,
  };

  test('ρ is O(γ²) and not 0; the f64 kernel and the generic decimal one agree', () => {
    const f = checkAt(evenImplicitBias, inst, parsePrecision('f64'), { mode: 'claim' }).outcome;
    expect(f).toMatchObject({ verdict: 'holds', evidence: { code: 'rho_order_gamma2' } });
    const rho = Number(f.evidence.details?.rho);
    expect(rho).toBeGreaterThan(1e-6);
    expect(rho).toBeLessThan(0.15 * 0.25);
    expect(Number(f.evidence.details?.slope)).toBeGreaterThan(1.8);
    const d = checkAt(evenImplicitBias, inst, parsePrecision('dec:30'), { mode: 'claim' }).outcome;
    expect(d.verdict).toBe('holds');
    expect(Math.abs(Number(d.evidence.details?.rho) - rho) / rho).toBeLessThan(1e-6);
    expect(d.evidence.details?.steps).toBe(f.evidence.details?.steps);
  }, 60_000);

  test('"GD lands exactly on the mirror-descent solution" is flagged on the same instance', () => {
    const v = evaluate(evenImplicitBias, { ...inst, variant: 'exact-mirror' }, { mode: 'control' }).verdict;
    expect(v).toMatchObject({ verdict: 'violated', evidence: { code: 'off_mirror_solution' } });
  }, 60_000);

  test('a run that cannot converge in the allowed steps is inconclusive, never holds', () => {
    const v = evaluate(evenImplicitBias, { ...inst, steps: 5 }, { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'inconclusive', reason: 'hypotheses', evidence: { code: 'not_converged' } });
  });
});

describe('even.dln.eos-final-sharpness', () => {
  // y = X·β* with β* = −2·e₁ (y = −2·X[:, 1]).
  const p = {
    X: [
      ['0.3', '-0.8', '0.5', '0.1', '-0.4', '0.9', '0.2', '-0.6', '0.7', '-0.1'],
      ['-0.5', '0.2', '0.9', '-0.3', '0.6', '0.1', '-0.7', '0.4', '-0.2', '0.8'],
      ['0.8', '0.4', '-0.1', '0.7', '0.3', '-0.5', '0.6', '0.9', '-0.8', '0.2'],
      ['-0.2', '0.6', '0.3', '-0.9', '0.1', '0.4', '0.8', '-0.3', '0.5', '-0.7'],
      ['0.6', '-0.1', '-0.4', '0.2', '0.9', '-0.6', '0.3', '0.5', '0.1', '0.4'],
    ],
    y: ['-0.6', '1', '-1.6', '0.4', '-1.2'],
    betaStar: ['-2', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
  };

  test('stable regime: γ·S_∞ ≈ γ·S_GF, flagged; the claim refuses it as a hypothesis', () => {
    const inst: DlnEosInstance = { model: 'diagonal-linear', problem: p, init: '0.14', kappa: '1' };
    const c = evaluate(evenEosFinalSharpness, inst, { mode: 'control' }).verdict;
    expect(c).toMatchObject({ verdict: 'violated', evidence: { code: 'not_just_below_edge' } });
    expect(c.evidence.observed).toBeGreaterThan(0.9);
    expect(c.evidence.observed).toBeLessThan(1.1);
    const h = evaluate(evenEosFinalSharpness, inst, { mode: 'claim' }).verdict;
    expect(h).toMatchObject({ verdict: 'inconclusive', reason: 'hypotheses', evidence: { code: 'below_edge' } });
  });

  test('the sparsity claim compares two steps past the edge only', () => {
    const v = evaluate(
      evenLargeStepsHurt,
      { model: 'diagonal-linear', problems: [p], init: '0.14', kappaLo: '1.5', kappaHi: '2.2' },
      { mode: 'claim' },
    ).verdict;
    expect(v).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'not_past_edge' } });
  });
});
