import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lewkowyczFlMap, lewkowyczLambdaY0 } from '../../src/claims/lewkowycz/lewkowycz.js';
import type { WideUvInstance } from '../../src/claims/lewkowycz/wideUv.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { scaledTolerance } from '../boundary/boundary.js';
import { uv } from '../boundary/lewkowycz.js';

/**
 * The width-m uv checks (src/claims/lewkowycz/lewkowycz.ts) against the map written out here in doubles:
 * the linearized map's relative error per step over the rounding scale the rationale states, the steps
 * compared, the hypothesis guards at their edge, and the ranges the generators draw from.
 */
const f64 = parsePrecision('f64');
const TOL = 4096 * 2 ** -52;

/**
 * GD on f = vᵀu/√m, L = ½(f − y)², in doubles: per step the linearized map's relative errors in f and λ
 * over Σ(|uᵢ| + c|vᵢ|)(|vᵢ| + c|uᵢ|)/√m + |f| + η|r|λ and Σ((|uᵢ| + c|vᵢ|)² + (|vᵢ| + c|uᵢ|)²)/m, c = η|r|/√m.
 */
function linearizedErrors(theta: number[], y: number, eta: number, steps: number): { oF: number; oL: number }[] {
  const m = theta.length / 2;
  let u = theta.slice(0, m);
  let v = theta.slice(m);
  const out: { oF: number; oL: number }[] = [];
  const fl = (a: number[], b: number[]) => ({
    f: a.reduce((s, x, i) => s + x * b[i], 0) / Math.sqrt(m),
    lam: a.reduce((s, x, i) => s + x * x + b[i] * b[i], 0) / m,
  });
  for (let t = 0; t < steps; t++) {
    const { f, lam } = fl(u, v);
    const r = f - y;
    const nu = u.map((x, i) => x - (eta * r * v[i]) / Math.sqrt(m));
    const nv = v.map((x, i) => x - (eta * r * u[i]) / Math.sqrt(m));
    const next = fl(nu, nv);
    const c = (eta * Math.abs(r)) / Math.sqrt(m);
    let sf = 0;
    let sl = 0;
    for (let i = 0; i < m; i++) {
      const a = Math.abs(u[i]) + c * Math.abs(v[i]);
      const b = Math.abs(v[i]) + c * Math.abs(u[i]);
      sf += a * b;
      sl += a * a + b * b;
    }
    const scaleF = sf / Math.sqrt(m) + Math.abs(f) + eta * Math.abs(r) * lam;
    out.push({ oF: Math.abs(next.f - (f - eta * r * lam)) / scaleF, oL: Math.abs(next.lam - lam) / (sl / m) });
    [u, v] = [nu, nv];
  }
  return out;
}

describe('lewkowycz.fl-map.exact', () => {
  // m = 2 with unequal coordinates (the scale pairs uᵢ with vᵢ), y = 0.3, η = 1e-3: the linearized map misses ~1e-3 in λ and ~1e-6 in f.
  const theta = ['0.9', '-0.2', '0.4', '0.7'];
  const worst = (e: { oF: number; oL: number }[]) => Math.max(...e.map((s) => Math.max(s.oF, s.oL)));

  it("a violation reports the larger of f's and λ's relative errors, and its margin is the tolerance less it", () => {
    const e = linearizedErrors(theta.map(Number), 0.3, 1e-3, 1);
    expect(e[0].oL).toBeGreaterThan(100 * e[0].oF);
    const o = checkAt(lewkowyczFlMap, uv(theta, '0.3', '0.001', 1, true), f64, { mode: 'control' }).outcome;
    expect(o.evidence.code).toBe('map_mismatch');
    expect(o.evidence.observed / e[0].oL - 1).toBeCloseTo(0, 8);
    expect(o.evidence.margin / (TOL - e[0].oL) - 1).toBeCloseTo(0, 8);
  });

  it('a run that holds reports its worst step: the linearized map over 5 steps with the tolerance ×1e10', () => {
    const e = linearizedErrors(theta.map(Number), 0.3, 1e-3, 5);
    const o = checkAt(scaledTolerance(lewkowyczFlMap, 1e10), uv(theta, '0.3', '0.001', 5, true), f64, { mode: 'control' }).outcome;
    expect(o.verdict).toBe('holds');
    const at = e.findIndex((s) => Math.max(s.oF, s.oL) === worst(e));
    expect(o.evidence.step).toBe(at);
    expect(o.evidence.observed / worst(e) - 1).toBeCloseTo(0, 8);
    // The steps' errors differ by more than the agreement asked above: the reported one is the largest, not any.
    expect(Math.min(...e.map((s) => s.oL)) / worst(e)).toBeLessThan(0.9999);
  });

  it('compares the steps the instance asks for: none at 0 steps (inconclusive, never a pass)', () => {
    expect(checkAt(lewkowyczFlMap, uv(theta, '0.3', '0.5', 0), f64, { mode: 'claim' }).outcome).toMatchObject({
      verdict: 'inconclusive',
      reason: 'hypotheses',
    });
  });

  const within = (s: string, lo: number, hi: number) => Number(s) >= lo && Number(s) <= hi;

  it('claim draws: m ∈ 1..8, u, v ∈ [−1, 1], y ∈ [−1, 1] of both signs, η ∈ [0.001, 2], 1–20 steps; control: the linearized map at m ≤ 2, y ∈ [1, 2], η ∈ [0.5, 1.5] (seed 1)', () => {
    const draws = fc.sample(lewkowyczFlMap.arbitrary, { seed: 1, numRuns: 100 });
    const bad = draws.filter(
      (d) =>
        !(d.theta.length >= 2 && d.theta.length <= 16 && d.theta.every((x) => within(x, -1, 1)) && within(d.params.target, -1, 1) && within(d.lr, 0.001, 2)) ||
        d.steps < 1 ||
        d.steps > 20 ||
        d.variant !== undefined,
    );
    expect(bad).toEqual([]);
    expect(draws.some((d) => Number(d.params.target) < -0.5) && draws.some((d) => Number(d.params.target) > 0.5)).toBe(true);
    const ctl = fc.sample(lewkowyczFlMap.negativeControl.arbitrary, { seed: 1, numRuns: 100 });
    expect(
      ctl.filter((d) => !(d.theta.length <= 4 && within(d.params.target, 1, 2) && within(d.lr, 0.5, 1.5) && d.steps <= 3 && d.variant === 'linearized')),
    ).toEqual([]);
  });
});

describe('lewkowycz.lambda-monotone-y0', () => {
  const m3 = ['0.3', '-0.7', '0.9', '0.5', '0.2', '-0.6'];
  const claim = (i: WideUvInstance) => checkAt(lewkowyczLambdaY0, i, f64, { mode: 'claim' }).outcome;
  const refused = (i: WideUvInstance) => {
    const o = claim(i);
    return o.verdict === 'inconclusive' ? o.evidence.code : `${o.verdict}: ${o.evidence.message}`;
  };

  it('guards: y ≠ 0, η·λ₀ outside (2, 4) (λ₀ = 2 for u = v = 1), f₀ = 0', () => {
    expect(refused(uv(['1', '1'], '0.01', '1.5', 3))).toBe('target_not_zero');
    for (const lr of ['1', '0.9', '2', '2.25']) expect(refused(uv(['1', '1'], '0', lr, 3))).toBe('kappa_out_of_range');
    // u ⊥ v: f₀ = 0, λ₀ = 1.
    expect(refused(uv(['1', '0', '0', '1'], '0', '3', 3))).toBe('f0_zero');
    expect(claim(uv(['1', '1'], '0', '1.5', 3)).verdict).toBe('holds');
  });

  it("a holding run's margin is the least of the identity's and the monotonicity's: at most the tolerance, where λ falls by far more", () => {
    // 200 steps from η·λ₀ = 3.5: λ falls to 17% of λ₀; the identity's margin, tolerance − rounding error, is the lesser.
    const o = claim(uv(m3, '0', '5.14705882352941', 200));
    expect(o.verdict).toBe('holds');
    expect(o.evidence.margin).toBeLessThanOrEqual(TOL);
    expect(o.evidence.margin).toBeGreaterThan(TOL / 2);
    // One step at η·λ₀ = 3 from u = v = 1: λ falls by 1.5 (λ⁺ = 0.5, λ⁺ + λ = 2.5), far more than the identity's rounding.
    const one = claim(uv(['1', '1'], '0', '1.5', 1));
    expect(one.verdict).toBe('holds');
    expect(one.evidence.margin).toBeLessThanOrEqual(TOL);
    // 200 steps round somewhere: the worst relative error reported is positive and far below the tolerance.
    expect(o.evidence.observed).toBeGreaterThan(0);
    expect(o.evidence.observed).toBeLessThan(TOL / 100);
  });

  it('a run that leaves the finite numbers names the step that left them (control: η·λ₀ < 4 waived)', () => {
    const o = checkAt(lewkowyczLambdaY0, uv(['1e200', '1e200'], '0', '1', 20), f64, { mode: 'control' }).outcome;
    expect(o).toMatchObject({ verdict: 'diverged', evidence: { code: 'non_finite', step: 1 } });
  });

  it('claim draws: y = 0, η·λ₀ ∈ [2.001, 3.999], m ∈ 1..8, 1–200 steps; control: η·λ₀ ∈ [4.2, 5], m ≤ 4, 1–5 steps (seed 1)', () => {
    const kappa = (d: WideUvInstance) => {
      const m = d.theta.length / 2;
      return (Number(d.lr) * d.theta.reduce((s, x) => s + Number(x) ** 2, 0)) / m;
    };
    const draws = fc.sample(lewkowyczLambdaY0.arbitrary, { seed: 1, numRuns: 100 }).filter((d) => d.theta.some((x) => Number(x) !== 0));
    expect(draws.filter((d) => !(d.params.target === '0' && kappa(d) > 2.0009 && kappa(d) < 3.9991 && d.theta.length <= 16 && d.steps <= 200))).toEqual([]);
    const ctl = fc.sample(lewkowyczLambdaY0.negativeControl.arbitrary, { seed: 1, numRuns: 100 }).filter((d) => d.theta.some((x) => Number(x) !== 0));
    expect(ctl.filter((d) => !(d.params.target === '0' && kappa(d) > 4.1999 && kappa(d) < 5.0001 && d.theta.length <= 8 && d.steps <= 5))).toEqual([]);
    expect(ctl.length).toBeGreaterThan(90);
  });
});
