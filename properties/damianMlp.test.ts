import { describe, expect, it } from 'vitest';
import { mlpEdgeInstance, mlpPredictionsTrack } from '../src/claims/damian/mlpPredictions.js';
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
  });

  it('κ₀ = η·S₀/2 outside [0.4, 0.7] is inconclusive (kappa0_out_of_range)', () => {
    const v = evaluate(mlpPredictionsTrack, mlpEdgeInstance('digits', 1, 8, '0.2'), { mode: 'claim' });
    expect(v.verdict.verdict).toBe('inconclusive');
    expect(v.verdict.evidence.code).toBe('kappa0_out_of_range');
  });
});
