import { describe, expect, it } from 'vitest';
import { type MlpEdgeInstance, recordedMlpEdgeRun } from '../../src/claims/damian/mlpEdgeRun.js';
import { mlp8161PredictionsTrack, mlpPredictionsTrack } from '../../src/claims/damian/mlpPredictions.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { run } from '../boundary/mlp.js';

/**
 * The instances of the MLP self-stabilization claims (opt-in: a window is 1000 steps of the network): each malformed field is
 * refused with its own rule before anything runs, and the values at the edges of each range are instances, judged here on a
 * recorded window inside the level (recordedMlpEdgeRun), so no network runs.
 */
const f64 = parsePrecision('f64');
const base: MlpEdgeInstance = { model: 'mlp-f64', size: 'digits', seed: 1, dataSeed: 2, lr: '0.25', kappa0: '0.55' };
const check =
  (over: Record<string, unknown>, claim = mlpPredictionsTrack) =>
  () =>
    checkAt(claim, { ...base, ...over } as MlpEdgeInstance, f64, { mode: 'control' }).outcome;

describe('MLP self-stabilization instances', () => {
  it('refuses each malformed field with its own rule', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ size: 'synthetic-100' }, /"size" must be "digits" \(instance of damian\.mlp\.predictions-track\)/],
      [{ seed: -1 }, /"seed" and "dataSeed" must be integers in \[0, 2³² − 1\]/],
      [{ seed: 2 ** 32 }, /"seed" and "dataSeed"/],
      [{ seed: 1.5 }, /"seed" and "dataSeed"/],
      [{ seed: '1' }, /"seed" and "dataSeed"/],
      [{ dataSeed: 2 ** 32 }, /"seed" and "dataSeed"/],
      [{ dataSeed: -1 }, /"seed" and "dataSeed"/],
      [{ lr: 0.25 }, /"lr" must be a positive decimal/],
      [{ lr: '0.2.5' }, /"lr" must be a positive decimal/],
      [{ lr: '0' }, /"lr" must be a positive decimal/],
      [{ lr: '-0.25' }, /"lr" must be a positive decimal/],
      [{ variant: 'flow' }, /"variant" must be "no-cubic" or absent/],
    ];
    for (const [over, re] of bad) expect(check(over), JSON.stringify(over)).toThrow(re);
    expect(check({ size: 'digits' }, mlp8161PredictionsTrack)).toThrow(/"size" must be "synthetic-100" \(instance of damian\.mlp-8-16-1\.predictions-track\)/);
  });

  it('takes the values at the edges of each range, and judges them on their window', () => {
    for (const over of [{ seed: 0, dataSeed: 0 }, { seed: 2 ** 32 - 1, dataSeed: 2 ** 32 - 1 }, { lr: '0.0001' }]) {
      const inst = { ...base, ...over } as MlpEdgeInstance;
      const undo = recordedMlpEdgeRun(inst, run(0.2, 0.3));
      try {
        const o = checkAt(mlpPredictionsTrack, inst, f64, { mode: 'control' }).outcome;
        expect([o.verdict, o.evidence.code], JSON.stringify(over)).toEqual(['holds', 'predictions_track']);
        expect(o.evidence.observed).toBeCloseTo(0.3, 12);
        expect(o.evidence.margin).toBeCloseTo(0.2, 12);
      } finally {
        undo();
      }
    }
    // The control variant reads the prediction without its cubic terms: the recorded window's ⟨L(θ† + v_lin)⟩ = 1 against ⟨L(θ)⟩ = 2.
    const control = { ...base, variant: 'no-cubic' } as MlpEdgeInstance;
    const undo = recordedMlpEdgeRun(control, run(0.2, 0.3));
    try {
      const o = checkAt(mlpPredictionsTrack, control, f64, { mode: 'control' }).outcome;
      expect([o.verdict, o.evidence.code, o.evidence.observed]).toEqual(['violated', 'loss_prediction_off', 1]);
    } finally {
      undo();
    }
  });
});
