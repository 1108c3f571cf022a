import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mlpEdgeData, mlpEdgeNet } from '../src/claims/damian/mlpEdgeRun.js';
import { mlp8161PredictionsTrack, mlpEdgeInstance, mlpPredictionsTrack } from '../src/claims/damian/mlpPredictions.js';
import { evaluate } from '../src/harness/evaluate.js';

/**
 * Self-stabilization predictions on the float64 MLP: a digits instance holds with its errors in the
 * evidence, the same instance with the predicted dynamics stripped of its cubic terms fails for that
 * reason (`loss_prediction_off`: it misses the oscillation's loss x²/η), and instances outside the
 * hypotheses are inconclusive with their reason. The claim and its control share one run (mlpEdgeRun.ts).
 */
describe('damian.mlp.predictions-track on one digits instance', () => {
  const inst = mlpEdgeInstance('digits', 7, 14, '0.6');

  it('holds: window means of L and S of GD and of θ† + v⋆ agree to half their effects', () => {
    const v = evaluate(mlpPredictionsTrack, inst, { mode: 'claim' });
    expect(v.verdict.verdict, v.verdict.evidence.message).toBe('holds');
    expect(v.verdict.evidence.code).toBe('predictions_track');
    const d = v.verdict.evidence.details as Record<string, string>;
    expect(Number(d.lossError)).toBeLessThan(0.5);
    expect(Number(d.sharpnessError)).toBeLessThan(0.5);
  }, 20_000);

  it('the control without the cubic terms x²∇S⊥/2 + u·x·y misses the loss: loss_prediction_off', () => {
    const v = evaluate(mlpPredictionsTrack, { ...inst, variant: 'no-cubic' }, { mode: 'control' });
    expect(v.verdict.verdict, v.verdict.evidence.message).toBe('violated');
    expect(v.verdict.evidence.code).toBe('loss_prediction_off');
    expect(Number((v.verdict.evidence.details as Record<string, string>).lossError)).toBeGreaterThan(0.5);
  }, 20_000);

  it('the control variant is not an instance of the claim', () => {
    const v = evaluate(mlpPredictionsTrack, { ...inst, variant: 'no-cubic' }, { mode: 'claim' });
    expect(v.verdict.verdict).toBe('inconclusive');
    expect(v.verdict.evidence.code).toBe('control_variant');
  });
});

describe('damian.mlp.predictions-track: outside the hypotheses', () => {
  it('λ₂ passing 1.9/η along θ† ends the window: inconclusive (second_eigenvalue), never a pass', () => {
    const v = evaluate(mlpPredictionsTrack, mlpEdgeInstance('digits', 8, 15, '0.6'), { mode: 'claim' });
    expect(v.verdict.verdict).toBe('inconclusive');
    expect(v.verdict.evidence.code).toBe('second_eigenvalue');
  }, 20_000);

  it('a malformed instance is bad usage, not a verdict', () => {
    const inst = mlpEdgeInstance('digits', 1, 8, '0.5');
    expect(() => mlpPredictionsTrack.check({ ...inst, lr: '-1' }, {} as never)).toThrow(/lr/);
    expect(() => mlpPredictionsTrack.check({ ...inst, size: 'cifar' as never }, {} as never)).toThrow(/size/);
    // Each claim judges its own network: a digits instance is bad usage for the 8-16-1 claim.
    expect(() => mlp8161PredictionsTrack.check(inst, {} as never)).toThrow(/"size" must be "synthetic-100"/);
  });

  it('κ₀ = η·S₀/2 outside [0.4, 0.7] is inconclusive (kappa0_out_of_range)', () => {
    const v = evaluate(mlpPredictionsTrack, mlpEdgeInstance('digits', 1, 8, '0.2'), { mode: 'claim' });
    expect(v.verdict.verdict).toBe('inconclusive');
    expect(v.verdict.evidence.code).toBe('kappa0_out_of_range');
  });
});

describe('damian.mlp-8-16-1.predictions-track: its generator and one instance outside the hypotheses', () => {
  it('draws 8-16-1 networks on 100 random labels with κ₀ = η·S₀/2 in [0.4, 0.7]; the control draws the no-cubic variant in [0.55, 0.7]', () => {
    const [a] = fc.sample(mlp8161PredictionsTrack.arbitrary, { seed: 3, numRuns: 1 });
    expect(a.size).toBe('synthetic-100');
    expect(a.variant).toBeUndefined();
    expect(Number(a.kappa0)).toBeGreaterThanOrEqual(0.4);
    expect(Number(a.kappa0)).toBeLessThanOrEqual(0.7);
    const net = mlpEdgeNet(a.size, a.dataSeed);
    expect(net.dim).toBe(8 * 16 + 16 + 16 + 1);
    expect(mlpEdgeData(a.size, a.dataSeed).n).toBe(100);
    expect(mlpEdgeData('synthetic', a.dataSeed).n).toBe(30);
    const [c] = fc.sample(mlp8161PredictionsTrack.negativeControl.arbitrary, { seed: 3, numRuns: 1 });
    expect(c.variant).toBe('no-cubic');
    expect(Number(c.kappa0)).toBeGreaterThanOrEqual(0.55);
  });

  it('κ₀ = η·S₀/2 outside [0.4, 0.7] is inconclusive (kappa0_out_of_range)', () => {
    const v = evaluate(mlp8161PredictionsTrack, mlpEdgeInstance('synthetic-100', 3, 4, '0.8'), { mode: 'claim' });
    expect(v.verdict.verdict).toBe('inconclusive');
    expect(v.verdict.evidence.code).toBe('kappa0_out_of_range');
  });
});
