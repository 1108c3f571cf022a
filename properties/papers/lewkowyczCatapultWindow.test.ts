import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lewkowyczCatapultWindow as claim } from '../../src/claims/lewkowycz/catapultWindow.js';
import type { WideUvInstance } from '../../src/claims/lewkowycz/wideUv.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * lewkowycz.catapult-window (src/claims/lewkowycz/catapultWindow.ts) against a GD run on the uv model
 * written out here in doubles: the loss spike, the final η·λ and the margin between them, the step GD
 * diverges at, the hypothesis guards at their edge and the ranges the generators draw from.
 */
const f64 = parsePrecision('f64');

/** m = 4, y = 0: λ₀ = 0.51, f₀ = 0.04 (a lazy start up to η·λ₀ = 3.9); η = κ/λ₀. */
const U = ['0.5', '-0.3', '0.8', '0.2', '0.4', '0.6', '-0.1', '0.7'];
const uv = (theta: string[], lr: string, steps = 3000, y = '0'): WideUvInstance => ({ model: 'uv', params: { target: y }, theta, lr, steps });
const at = (kappa: number) => String(Number((kappa / 0.51).toPrecision(15)));

/** GD with y = 0 until |f| < 1e-10 three steps in a row or |f| > 1e6: the loss spike (max_{t ≥ 1} L_t − L₀)/L₀, η·λ at the end, the steps. */
function run(theta: string[], eta: number, cap: number): { spike: number; kEnd: number; steps: number; diverged: boolean } {
  const m = theta.length / 2;
  let u = theta.slice(0, m).map(Number);
  let v = theta.slice(m).map(Number);
  const f = () => u.reduce((s, x, i) => s + x * v[i], 0) / Math.sqrt(m);
  const L0 = f() ** 2 / 2;
  let peak = Number.NEGATIVE_INFINITY;
  let inside = 0;
  for (let t = 0; t < cap; t++) {
    const r = f();
    [u, v] = [u.map((x, i) => x - (eta * r * v[i]) / Math.sqrt(m)), v.map((x, i) => x - (eta * r * u[i]) / Math.sqrt(m))];
    if (Math.abs(f()) > 1e6) return { spike: Number.NaN, kEnd: Number.NaN, steps: t, diverged: true };
    peak = Math.max(peak, f() ** 2 / 2);
    inside = Math.abs(f()) < 1e-10 ? inside + 1 : 0;
    if (inside >= 3) return { spike: (peak - L0) / L0, kEnd: (eta * u.reduce((s, x, i) => s + x * x + v[i] * v[i], 0)) / m, steps: t + 1, diverged: false };
  }
  return { spike: (peak - L0) / L0, kEnd: Number.NaN, steps: cap, diverged: false };
}

describe('lewkowycz.catapult-window', () => {
  const outcome = (i: WideUvInstance, mode: 'claim' | 'control' = 'claim') => checkAt(claim, i, f64, { mode }).outcome;

  it('a catapult: the margin is the lesser of the loss spike and 2 − η·λ_∞, both of the run written out here', () => {
    for (const kappa of [2.1, 2.5, 3.9]) {
      const want = run(U, Number(at(kappa)), 3000);
      const o = outcome(uv(U, at(kappa)));
      expect(o).toMatchObject({ verdict: 'holds', evidence: { code: 'catapult' } });
      expect(o.evidence.observed).toBeCloseTo(want.kEnd, 9);
      expect(o.evidence.margin).toBeCloseTo(Math.min(want.spike, 2 - want.kEnd), 9);
      expect(o.evidence.details?.steps).toBe(want.steps);
    }
  });

  it('no spike below the window (η·λ₀ = 1.99, control): violated, its margin the (negative) spike', () => {
    const want = run(U, Number(at(1.99)), 3000);
    const o = outcome(uv(U, at(1.99)), 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'no_loss_spike' } });
    expect(want.spike).toBeLessThan(0);
    expect(o.evidence.margin).toBeCloseTo(want.spike, 9);
  });

  it('above the window (η·λ₀ = 4.01, control) GD diverges at the step |f| passes 1e6', () => {
    const want = run(U, Number(at(4.01)), 300);
    expect(want.diverged).toBe(true);
    expect(outcome(uv(U, at(4.01), 300), 'control')).toMatchObject({ verdict: 'violated', evidence: { code: 'diverged', step: want.steps } });
  });

  it('in interval arithmetic a certain blow-up (|f| certainly past 1e6) is a violation whose margin 1e6 − |f| is enclosed below 0', () => {
    const o = checkAt(claim, uv(U, at(4.01), 300), parsePrecision('interval:40'), { mode: 'control' }).outcome;
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'diverged', step: run(U, Number(at(4.01)), 300).steps } });
    expect(Number.isFinite(o.evidence.margin) && o.evidence.margin < -1e6).toBe(true);
    expect(o.evidence.enclosure?.hi).toBeLessThan(0);
  });

  it('in interval arithmetic an enclosure that grows wide without |f| certainly past 1e6 proves nothing: diverged, never a violation', () => {
    // The catapult at η·λ₀ = 3.5 converges in doubles; at 8 digits its enclosure blows up during the spike.
    expect(outcome(uv(U, at(3.5))).verdict).toBe('holds');
    const o = checkAt(claim, uv(U, at(3.5)), parsePrecision('interval:8'), { mode: 'control' }).outcome;
    expect(o).toMatchObject({ verdict: 'diverged', evidence: { code: 'enclosure_blew_up' } });
  });

  it('a step that leaves the finite range: in doubles GD diverging (margin −∞, nothing to certify), in interval arithmetic an enclosure that proves nothing', () => {
    // m = 1 from (1, 1e-7) at η = 1e20: v jumps to −1e13, past the stepper's bound, while f is still 1e-7.
    const i = uv(['1', '0.0000001'], '1e20', 5);
    expect(checkAt(claim, i, f64, { mode: 'control' }).outcome).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'diverged', step: 0, margin: Number.NEGATIVE_INFINITY },
    });
    expect(checkAt(claim, i, parsePrecision('interval:40'), { mode: 'control' }).outcome).toMatchObject({
      verdict: 'diverged',
      evidence: { code: 'enclosure_blew_up', step: 0 },
    });
    // Past |f| = 1e6 in doubles, too, the margin is −∞: only an enclosure gives a number.
    expect(outcome(uv(U, at(4.01), 300), 'control').evidence.margin).toBe(Number.NEGATIVE_INFINITY);
  });

  it('guards at their edges: y ≠ 0, η·λ₀ just outside [2.1, 3.9], |f₀| < 0.01, a start that is not lazy, a run that does not converge', () => {
    const refused = (i: WideUvInstance) => {
      const o = outcome(i);
      return o.verdict === 'inconclusive' ? o.evidence.code : `${o.verdict}: ${o.evidence.message}`;
    };
    expect(refused(uv(U, at(2.5), 3000, '0.01'))).toBe('target_not_zero');
    expect(refused(uv(U, at(2.099)))).toBe('kappa_out_of_range');
    expect(refused(uv(U, at(3.901)))).toBe('kappa_out_of_range');
    // v₄ = 0.201: f₀ = (0.2 − 0.18 − 0.08 + 0.0402)/2 = −0.0099, just under 0.01; λ₀ = 0.39510025, η·λ₀ = 2.5.
    expect(refused(uv(['0.5', '-0.3', '0.8', '0.2', '0.4', '0.6', '-0.1', '0.201'], String(2.5 / 0.39510025)))).toBe('f0_tiny');
    // m = 1, u = v = 1: f₀ = 1, λ₀ = 2; at η = 1.5 (η·λ₀ = 3) η²f₀²/m = 2.25 > (3 − 2)/2.
    expect(refused(uv(['1', '1'], '1.5'))).toBe('not_lazy_start');
    expect(refused(uv(U, at(2.5), 20))).toBe('not_converged');
    // It converges at the last of 25 steps: 24 are not enough, 25 are.
    expect(run(U, Number(at(2.5)), 3000).steps).toBe(25);
    expect(refused(uv(U, at(2.5), 24))).toBe('not_converged');
    expect(outcome(uv(U, at(2.5), 25)).verdict).toBe('holds');
  });

  it('claim draws: y = 0, m ∈ 4..16, η·λ₀ ∈ [2.1, 3.9], 3000 steps; control: η·λ₀ ∈ [4.2, 5], 300 steps (seed 1)', () => {
    const kappa = (d: WideUvInstance) => (Number(d.lr) * d.theta.reduce((s, x) => s + Number(x) ** 2, 0)) / (d.theta.length / 2);
    const draws = fc.sample(claim.arbitrary, { seed: 1, numRuns: 60 }).filter((d) => d.theta.some((x) => Number(x) !== 0));
    expect(
      draws.filter(
        (d) => !(d.params.target === '0' && d.theta.length >= 8 && d.theta.length <= 32 && kappa(d) > 2.0999 && kappa(d) < 3.9001 && d.steps === 3000),
      ),
    ).toEqual([]);
    const ctl = fc.sample(claim.negativeControl.arbitrary, { seed: 1, numRuns: 60 }).filter((d) => d.theta.some((x) => Number(x) !== 0));
    expect(ctl.filter((d) => !(d.params.target === '0' && d.theta.length >= 8 && kappa(d) > 4.1999 && kappa(d) < 5.0001 && d.steps === 300))).toEqual([]);
  });
});
