import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ManifoldInstance } from '../../src/claims/arora/manifoldRuns.js';
import { ngdLimitingFlow, ngdTwoCycleHarmonicMean, sqrtEntersEos, sqrtLimitingFlow } from '../../src/claims/arora/manifoldToy.js';
import type { Claim } from '../../src/claims/claim.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * The manifold-toy claims through their own checks at f64, against their statements computed afresh in
 * doubles: L = ½(1 + z²)x², ∇L = ((1 + z²)x, zx²), ∇²L = [[1 + z², 2xz], [2xz, x²]]; NGD steps by η∇L/‖∇L‖,
 * √L-GD by η∇L/(2√L). Two-cycle claims: after Phase I (|x| < η, step T₁) and 10 steps, the largest
 * |½(q_k + q_{k+1}) − ½| over 40 steps, q = 1/(η_tλ₁). Flow claims: after Phase I and ⌈t/η²⌉ steps, z* of
 * Φ(θ) (w + ln w = z² + ln z² − x², w = z*²) against the flow from z(T₁) (√L-GD z₁e^{−t/4}; NGD
 * w + ln w = z₁² + ln z₁² − t), relatively. Each guard stops an instance on it.
 */
const f64 = parsePrecision('f64');
type Rule = 'ngd' | 'sqrt-gd';

const grad = (x: number, z: number) => [(1 + z * z) * x, z * x * x];
const effectiveLr = (rule: Rule, eta: number, x: number, z: number) =>
  rule === 'ngd' ? eta / Math.hypot(...grad(x, z)) : eta / (2 * Math.sqrt(0.5 * (1 + z * z) * x * x));
function step(rule: Rule, eta: number, [x, z]: readonly number[]): number[] {
  const s = effectiveLr(rule, eta, x, z);
  const g = grad(x, z);
  return [x - s * g[0], z - s * g[1]];
}
function lambda1(x: number, z: number): number {
  const [a, c, b] = [1 + z * z, x * x, 2 * x * z];
  return (a + c) / 2 + Math.hypot((a - c) / 2, b);
}
function phaseOne(rule: Rule, eta: number, theta: readonly number[]): { T1: number; theta: number[] } {
  let th = [...theta];
  let T1 = 0;
  while (!(Math.abs(th[0]) < eta)) {
    th = step(rule, eta, th);
    T1++;
  }
  return { T1, theta: th };
}
/** The root of w + ln w = c, by bisection on ln w. */
function wPlusLogW(c: number): number {
  let [lo, hi] = [-50, 50];
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (Math.exp(mid) + mid < c) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

function twoCycle(rule: Rule, eta: number, theta: readonly number[]) {
  const p = phaseOne(rule, eta, theta);
  let th = p.theta;
  for (let k = 0; k < 10; k++) th = step(rule, eta, th);
  const q: number[] = [];
  for (let k = 0; k <= 40; k++) {
    q.push(1 / (effectiveLr(rule, eta, th[0], th[1]) * lambda1(th[0], th[1])));
    th = step(rule, eta, th);
  }
  const dev = q.slice(0, 40).map((qk, k) => Math.abs((qk + q[k + 1]) / 2 - 0.5));
  const worst = dev.indexOf(Math.max(...dev));
  const pointwise = q.slice(0, 40).map((qk) => 1 / qk);
  return { T1: p.T1, dev, worst, step: p.T1 + 10 + worst, pointwise, lo: Math.min(...pointwise), hi: Math.max(...pointwise) };
}

function flow(rule: Rule, eta: number, theta: readonly number[], horizon: number, fromZ0: boolean) {
  const p = phaseOne(rule, eta, theta);
  const n = Math.ceil(horizon / (eta * eta));
  let th = p.theta;
  for (let k = 0; k < n; k++) th = step(rule, eta, th);
  const t = n * (eta * eta);
  const z1 = fromZ0 ? theta[1] : p.theta[1];
  const predicted = rule === 'sqrt-gd' ? z1 * Math.exp(-t / 4) : Math.sign(z1) * Math.sqrt(wPlusLogW(z1 * z1 + Math.log(z1 * z1) - t));
  const [x, z] = th;
  const zT = Math.sign(z) * Math.sqrt(wPlusLogW(z * z + Math.log(z * z) - x * x));
  return { T1: p.T1, n, t, rel: Math.abs((zT - predicted) / predicted) };
}

const instance = (rule: Rule, theta: [string, string], lr: string, extra: Partial<ManifoldInstance> = {}): ManifoldInstance => ({
  model: 'manifold-toy',
  theta,
  lr,
  rule,
  horizon: '0',
  ...extra,
});
const check = (claim: Claim<ManifoldInstance>, i: ManifoldInstance, mode: 'claim' | 'control' = 'claim') => checkAt(claim, i, f64, { mode }).outcome;

describe('the two-cycle claims against the 2-step harmonic mean computed afresh', () => {
  for (const [claim, rule, theta, lr] of [
    [ngdTwoCycleHarmonicMean, 'ngd', ['0.7', '1.2'], '0.02'],
    [sqrtEntersEos, 'sqrt-gd', ['-0.5', '-0.8'], '0.015'],
  ] as const) {
    it(`${claim.id}: holds, reporting T₁, the worst 2-step mean's step and deviation and the pointwise range`, () => {
      const want = twoCycle(rule, Number(lr), theta.map(Number));
      const o = check(claim, instance(rule, [...theta], lr, { statistic: 'harmonic' }));
      expect([o.verdict, o.evidence.code]).toEqual(['holds', 'at_edge_on_average']);
      expect(o.evidence.step).toBe(want.step);
      expect(o.evidence.observed).toBeCloseTo(want.dev[want.worst], 12);
      expect(o.evidence.bound).toBe(1e-3);
      expect(o.evidence.margin).toBeCloseTo(1e-3 - want.dev[want.worst], 12);
      expect(o.evidence.details?.T1).toBe(want.T1);
      expect(o.evidence.details?.pointwiseMin as number).toBeCloseTo(want.lo, 10);
      expect(o.evidence.details?.pointwiseMax as number).toBeCloseTo(want.hi, 10);
    });
  }

  it('arora.ngd.two-cycle-harmonic-mean: at η = 0.2, outside its hypotheses, the first 2-step mean off ½ by more than 1e-3 is violated', () => {
    const want = twoCycle('ngd', 0.2, [0.9, 1.4]);
    const first = want.dev.findIndex((d) => d > 1e-3);
    expect(first).toBeGreaterThanOrEqual(0);
    const o = check(ngdTwoCycleHarmonicMean, instance('ngd', ['0.9', '1.4'], '0.2', { statistic: 'harmonic' }));
    expect([o.verdict, o.evidence.code]).toEqual(['violated', 'harmonic_mean_off_edge']);
    expect(o.evidence.step).toBe(want.T1 + 10 + first);
    expect(o.evidence.observed).toBeCloseTo(want.dev[first], 12);
    expect(o.evidence.margin).toBeCloseTo(1e-3 - want.dev[first], 12);
    // The pointwise range over the steps up to the failing one.
    const pw = want.pointwise.slice(0, first + 1);
    expect(o.evidence.details?.T1).toBe(want.T1);
    expect(o.evidence.details?.pointwiseMin as number).toBeCloseTo(Math.min(...pw), 10);
    expect(o.evidence.details?.pointwiseMax as number).toBeCloseTo(Math.max(...pw), 10);
  });

  it('arora.ngd.two-cycle-harmonic-mean at interval:60: holds with the enclosure of the least band − deviation over the window', () => {
    const o = checkAt(ngdTwoCycleHarmonicMean, instance('ngd', ['0.7', '1.2'], '0.02', { statistic: 'harmonic' }), parsePrecision('interval:60'), {
      mode: 'claim',
    }).outcome;
    expect(o.verdict, JSON.stringify(o)).toBe('holds');
    const e = o.evidence.enclosure;
    if (e === undefined) throw new Error('an enclosure at interval:60');
    expect(e.lo).toBeGreaterThan(0);
    expect(e.lo).toBeLessThanOrEqual(o.evidence.margin);
    expect(e.hi).toBeGreaterThanOrEqual(o.evidence.margin);
  });

  it('stops x₀ = 0 (on_manifold) and an instance of the other rule (wrong_rule); a run that reaches a minimizer left the cycle', () => {
    expect(check(ngdTwoCycleHarmonicMean, instance('ngd', ['0', '1'], '0.02', { statistic: 'harmonic' })).evidence.code).toBe('on_manifold');
    expect(check(ngdTwoCycleHarmonicMean, instance('sqrt-gd', ['0.7', '1.2'], '0.02', { statistic: 'harmonic' })).evidence.code).toBe('wrong_rule');
    // z₀ = 0: NGD moves x by exactly η a step, 0.05 → 0.025 → 0, a minimizer (∇L = 0), before the window.
    const o = check(ngdTwoCycleHarmonicMean, instance('ngd', ['0.05', '0'], '0.025', { statistic: 'harmonic' }));
    expect([o.verdict, o.evidence.code]).toEqual(['diverged', 'left_cycle']);
    // NGD moves x by about η a step: from |x₀| = 1 at η = 1e-5 Phase I would take 10⁵ steps, past its 20,000.
    const slow = check(ngdTwoCycleHarmonicMean, instance('ngd', ['1', '1'], '0.00001', { statistic: 'harmonic' }));
    expect([slow.verdict, slow.evidence.code]).toEqual(['diverged', 'no_phase_one']);
  });

  it('each claim runs the rule its id names: its draws and its control’s are of that rule', () => {
    for (const [claim, rule] of [
      [ngdTwoCycleHarmonicMean, 'ngd'],
      [sqrtEntersEos, 'sqrt-gd'],
      [ngdLimitingFlow, 'ngd'],
      [sqrtLimitingFlow, 'sqrt-gd'],
    ] as const) {
      expect(claim.id.startsWith(rule === 'ngd' ? 'arora.ngd.' : 'arora.sqrt.')).toBe(true);
      for (const arb of [claim.arbitrary, claim.negativeControl.arbitrary]) for (const i of fc.sample(arb, { seed: 1, numRuns: 5 })) expect(i.rule).toBe(rule);
    }
  });
});

describe('the limiting-flow claims against z* and the flow computed afresh', () => {
  for (const [claim, rule, theta, lr, horizon] of [
    [ngdLimitingFlow, 'ngd', ['1.2', '-1.5'], '0.04', '0.8'],
    [sqrtLimitingFlow, 'sqrt-gd', ['-0.6', '0.9'], '0.03', '1.1'],
  ] as const) {
    it(`${claim.id}: holds with the relative error of z* to the flow from z(T₁), within 0.1·η`, () => {
      const want = flow(rule, Number(lr), theta.map(Number), Number(horizon), false);
      const o = check(claim, instance(rule, [...theta], lr, { horizon, flowStart: 'phase1' }));
      expect([o.verdict, o.evidence.code]).toEqual(['holds', 'on_limiting_flow']);
      expect(o.evidence.observed).toBeCloseTo(want.rel, 10);
      expect(o.evidence.bound).toBeCloseTo(0.1 * Number(lr), 15);
      expect(o.evidence.margin).toBeCloseTo(0.1 * Number(lr) - want.rel, 10);
      expect(o.evidence.step).toBe(want.T1 + want.n);
      expect(o.evidence.details).toMatchObject({ T1: want.T1, steps: want.n });
      expect(o.evidence.details?.slowTime as number).toBeCloseTo(want.t, 14);
    });
  }

  it('arora.ngd.limiting-flow: the flow from z₀ (the control) is violated by its relative error', () => {
    const want = flow('ngd', 0.04, [1.3, 1], 0.3, true);
    const o = check(ngdLimitingFlow, instance('ngd', ['1.3', '1'], '0.04', { horizon: '0.3', flowStart: 'z0' }), 'control');
    expect([o.verdict, o.evidence.code]).toEqual(['violated', 'off_limiting_flow']);
    expect(o.evidence.observed).toBeCloseTo(want.rel, 10);
    expect(o.evidence.margin).toBeCloseTo(0.004 - want.rel, 10);
    expect(o.evidence.step).toBe(want.T1 + want.n);
  });

  it('stops x₀ = 0 or z₀ = 0 (degenerate_start) and an instance of the other rule (wrong_rule)', () => {
    for (const theta of [
      ['0', '1'],
      ['1', '0'],
    ] as [string, string][])
      expect(check(sqrtLimitingFlow, instance('sqrt-gd', theta, '0.03', { horizon: '0.5', flowStart: 'phase1' })).evidence.code).toBe('degenerate_start');
    expect(check(sqrtLimitingFlow, instance('ngd', ['1', '1'], '0.03', { horizon: '0.5', flowStart: 'phase1' })).evidence.code).toBe('wrong_rule');
  });
});
