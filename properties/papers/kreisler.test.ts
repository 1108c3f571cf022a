import { describe, expect, test } from 'vitest';
import { checkAt, evaluate } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { KREISLER_COUNTEREXAMPLE, gfsSharpness, kreislerGfsMonotone, type DeepScalarInstance } from '../../src/claims/kreisler/kreisler.js';
import { kreislerConvergesToEos } from '../../src/claims/kreisler/convergesToEos.js';
import { f64 } from '../../src/numerics/f64Field.js';
import { gdStepper } from '../../src/dynamics/stepper.js';
import { instanceModel } from '../../src/claims/instanceModel.js';
import { Decimal } from 'decimal.js';
import type { Field } from '../../src/numerics/field.js';
import { fieldFor } from '../../src/numerics/fieldFor.js';
import { Interval } from '../../src/numerics/interval.js';

/** A scalar network with y = 1 from `theta`, η = κ/φ(w₀). */
const ds = (theta: string[], kappa: number, steps = 8000): DeepScalarInstance => ({
  model: 'deep-scalar',
  params: { target: '1' },
  theta,
  lr: String(kappa / gfsSharpness(f64, theta.map(Number), 1)),
  steps,
});

describe('Kreisler et al. claims', () => {
  test('the documented counterexample: outside the step-size condition, and φ rises by 8.6% once the condition is waived', () => {
    expect(evaluate(kreislerGfsMonotone, KREISLER_COUNTEREXAMPLE, { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'step_size_condition' },
    });
    const v = evaluate(kreislerGfsMonotone, KREISLER_COUNTEREXAMPLE, { mode: 'control' }).verdict;
    expect(v.verdict).toBe('violated');
    expect(v.evidence.code).toBe('gfs_sharpness_increased');
    expect(v.evidence.observed).toBeCloseTo(0.0864, 3);
  });

  test('converges-to-eos: D = 3 lands within 10% of the edge; D = 2 can land further (a counterexample instance, not a hypothesis); a run cut short is not_converged', () => {
    const near = evaluate(kreislerConvergesToEos, ds(['2', '0.7', '0.6'], 2.4), { mode: 'claim' }).verdict;
    expect(near).toMatchObject({ verdict: 'holds', evidence: { code: 'near_edge' } });
    expect(near.evidence.observed).toBeGreaterThan(1.98);
    expect(near.evidence.observed).toBeLessThanOrEqual(2);
    // Its margin is computed in doubles (not certifiable): a failing instance is `inconclusive` through
    // `evaluate`, so the check's own f64 outcome is read here.
    const f64p = parsePrecision('f64');
    const atF64 = (i: DeepScalarInstance, mode: 'claim' | 'control') => checkAt(kreislerConvergesToEos, i, f64p, { mode }).outcome;
    expect(evaluate(kreislerConvergesToEos, ds(['2.2', '0.6'], 2.3), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'inconclusive',
      reason: 'uncertified',
    });
    const far = atF64(ds(['2.2', '0.6'], 2.3), 'claim');
    expect(far).toMatchObject({ verdict: 'violated', evidence: { code: 'far_below_edge' } });
    expect(far.evidence.observed).toBeCloseTo(1.6205, 3);
    expect(atF64(ds(['2', '0.7', '0.6'], 2.4, 50), 'control')).toMatchObject({ verdict: 'violated', evidence: { code: 'not_converged' } });
    // The control's below-the-edge half: GD converges next to its start, η·S∞ ≈ η·φ(w₀) = 1.
    const below = atF64(ds(['2', '0.7', '0.6'], 1), 'control');
    expect(below).toMatchObject({ verdict: 'violated', evidence: { code: 'far_below_edge' } });
    expect(below.evidence.observed).toBeCloseTo(1, 2);
  });
});

describe('kreisler.converges-to-eos: its guards at their edges, and the step a weight first changes sign', () => {
  const f64p = parsePrecision('f64');
  const outcome = (i: DeepScalarInstance) => checkAt(kreislerConvergesToEos, i, f64p, { mode: 'claim' }).outcome;
  const at = (theta: string[], lr: string, target = '1', steps = 2000): DeepScalarInstance => ({ model: 'deep-scalar', params: { target }, theta, lr, steps });

  test('a stable minimizer needs η·D·|y|^{2−2/D} < 2: with y = 2, D = 3 (3·2^{4/3} = 7.56) η = 0.3 has none, η = 0.2 has one', () => {
    // The exponent 2 − 2/D only matters off y = 1: 2^{2/3} or 2^{8/3} in its place moves both verdicts.
    expect(outcome(at(['1.5', '1', '1'], '0.3', '2'))).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'no_stable_minimizer' } });
    expect(outcome(at(['1.5', '1', '1'], '0.2', '2')).evidence.code).not.toBe('no_stable_minimizer');
  });

  test.each([
    [['2', '0', '0.7'], 'a zero weight'],
    [['2', '-0.5', '0.7'], 'a negative weight'],
  ])('%j (%s) is outside the positive initial weights', (theta) => {
    expect(outcome(at(theta, '0.1'))).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'weights_not_positive' } });
  });

  test('η·φ(w₀) must lie in (2, 2.8]: 3 and 1.5 are both out, 2.4 is in', () => {
    // D = 2 (η·D < 2 for each η here, so the stable-minimizer guard lets all three through).
    const phi = gfsSharpness(f64, [2.5, 0.3], 1);
    const withKappa = (k: number) => at(['2.5', '0.3'], String(k / phi));
    expect(outcome(withKappa(3))).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'kappa_out_of_range' } });
    expect(outcome(withKappa(1.5))).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'kappa_out_of_range' } });
    expect(outcome(withKappa(2.4)).evidence.code).not.toBe('kappa_out_of_range');
  });

  test('reports the first step at which a weight is no longer positive, read off the engine run independently', () => {
    // D = 2 at η·φ(w₀) = 2.5: a weight is not positive at steps 3 and 5 (the check's numbering), so the first and the last differ.
    const theta = ['2.5', '0.3'];
    const inst = at(theta, String(2.5 / gfsSharpness(f64, theta.map(Number), 1)), '1', 20000);
    const o = outcome(inst);
    const reported = (o.evidence.details as { signChange: number }).signChange;
    // The check numbers steps from 0 (the first iterate after θ₀ is step 0 of its settle loop).
    const run = gdStepper(instanceModel(inst).bind(f64), Number(inst.lr), theta.map(Number));
    let first = -1;
    let nonPositiveSteps = 0;
    for (let t = 0; t < 2000 && run.step(); t++) {
      if (!run.theta.every((v) => v > 0)) {
        nonPositiveSteps++;
        if (first < 0) first = t;
      }
    }
    expect(first).toBeGreaterThan(0);
    // More than one such step: the first and the last differ, so reporting the last would show here.
    expect(nonPositiveSteps).toBeGreaterThan(1);
    expect(reported).toBe(first);
  });
});

describe('gfsSharpness against its closed form at D = 2', () => {
  // For two weights the gradient-flow solution solves (w₁² + c)(w₂² + c) = y², and φ = y²(1/ŵ₁² + 1/ŵ₂²) = ŵ₁² + ŵ₂²
  // = √((w₁² − w₂²)² + 4y²): an oracle that shares nothing with the Newton iteration.
  const cases: [number, number, number][] = [
    [2, 0.7, 1],
    [0.3, 2.5, 1],
    [1.5, 1.5, 2],
    [-1.2, 0.05, 0.5],
  ];
  const D80 = Decimal.clone({ precision: 80 });
  const closed = (a: number, b: number, y: number) => {
    const [A, B, Y] = [new D80(String(a)), new D80(String(b)), new D80(String(y))];
    return A.mul(A).sub(B.mul(B)).pow(2).add(Y.mul(Y).mul(4)).sqrt();
  };
  test.each(cases)('w = (%d, %d), y = %d: f64 to 1e-14, dec:60 to 1e-50, and interval:40 encloses it within 1e-30', (a, b, y) => {
    const want = closed(a, b, y) as Decimal;
    const f = fieldFor(parsePrecision('f64')) as Field<number>;
    expect(Math.abs(gfsSharpness(f, [a, b], y) - want.toNumber()) / want.toNumber()).toBeLessThan(1e-14);
    const d = fieldFor(parsePrecision('dec:60')) as Field<Decimal>;
    const got = gfsSharpness(d, [d.from(String(a)), d.from(String(b))], d.from(String(y)));
    expect(got.sub(want).abs().div(want).toNumber()).toBeLessThan(1e-50);
    const iv = fieldFor(parsePrecision('interval:40')) as Field<Interval>;
    const e = gfsSharpness(iv, [iv.from(String(a)), iv.from(String(b))], iv.from(String(y)));
    expect(e).toBeInstanceOf(Interval);
    // The enclosure holds the 80-digit closed form and is narrow.
    expect(new D80(e.lo.toString()).lte(want) && new D80(e.hi.toString()).gte(want)).toBe(true);
    expect(new D80(e.hi.toString()).sub(e.lo.toString()).div(want).toNumber()).toBeLessThan(1e-30);
  });
});
