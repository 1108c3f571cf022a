import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agarwala2dClosure as claim, type Qr2dInstance } from '../../src/claims/agarwala/agarwala.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * agarwala.2d-closure on the uv form (J = 0, Q = [[0, 1], [1, 0]], y = 1), where λ₀ = u² + v² and λ_GFS = √((u² − v²)² + 4):
 * the generator's hypotheses, each guard hit by an instance on its boundary, and the naive 5% band of the control.
 */

const f64 = parsePrecision('f64');
const UV = {
  J: [['0', '0']],
  Q: [
    [
      ['0', '1'],
      ['1', '0'],
    ],
  ],
  y: ['1'],
} as Qr2dInstance['data'];
const uv = (theta: [string, string], lr: string, o: Partial<Qr2dInstance> = {}): Qr2dInstance => ({
  model: 'quadratic-regression',
  data: UV,
  theta,
  lr,
  steps: 3000,
  ...o,
});
const at = (i: Qr2dInstance, mode: 'claim' | 'control' = 'claim') => checkAt(claim, i, f64, { mode }).outcome;
const code = (i: Qr2dInstance, mode: 'claim' | 'control' = 'claim') => {
  const o = at(i, mode);
  return `${o.verdict} ${o.evidence.code}`;
};

describe('agarwala.2d-closure', () => {
  it('draws starts of both signs with |uv| ≤ 0.9 and λ₀ ≥ 0.5, and η strictly between 2/λ_GFS and 2/λ₀', () => {
    const us: number[] = [];
    for (const i of fc.sample(claim.arbitrary, { numRuns: 200, seed: 3 })) {
      const [u, v] = i.theta.map(Number);
      us.push(u, v);
      const lam0 = u * u + v * v;
      const lgfs = Math.sqrt((u * u - v * v) ** 2 + 4);
      expect(Math.abs(u * v)).toBeLessThanOrEqual(0.9);
      expect(lam0).toBeGreaterThanOrEqual(0.5);
      expect(Number(i.lr) * lgfs).toBeGreaterThan(2);
      expect(Number(i.lr) * lam0).toBeLessThan(2);
    }
    expect(Math.min(...us)).toBeLessThan(-1.5);
    expect(Math.max(...us)).toBeGreaterThan(1.5);
  });

  it('is stated for the uv form only: another J or Q leaves it unexercised', () => {
    expect(code(uv(['-1.16', '-0.02'], '0.8503984', { data: { ...UV, J: [['0.1', '0']] } }))).toBe('inconclusive not_uv_form');
    expect(
      code(
        uv(['-1.16', '-0.02'], '0.8503984', {
          data: {
            ...UV,
            Q: [
              [
                ['1', '1'],
                ['1', '0'],
              ],
            ],
          },
        }),
      ),
    ).toBe('inconclusive not_uv_form');
    // Two outputs, the first of them the uv form.
    const two = {
      J: [
        ['0', '0'],
        ['0', '0'],
      ],
      Q: [
        ...UV.Q,
        [
          ['0', '0'],
          ['0', '0'],
        ],
      ],
      y: ['1', '0'],
    } as unknown as Qr2dInstance['data'];
    expect(code(uv(['-1.16', '-0.02'], '0.8503984', { data: two }))).toBe('inconclusive not_uv_form');
    expect(code(uv(['-1.16', '-0.02'], '0.8503984'))).toBe('holds overshoot_then_converge');
  });

  it('its control draws both readings: the naive band with η between the edges, and η below 2/λ_GFS (κ ∈ [0.5, 1.8])', () => {
    const kinds = new Set<string>();
    for (const i of fc.sample(claim.negativeControl.arbitrary, { numRuns: 100, seed: 3 })) {
      const [u, v] = i.theta.map(Number);
      const lgfs = Math.sqrt((u * u - v * v) ** 2 + 4);
      kinds.add(i.variant ?? 'none');
      if (i.variant === 'below-gfs-edge') {
        expect(Number(i.kappa)).toBeGreaterThanOrEqual(0.5);
        expect(Number(i.kappa)).toBeLessThanOrEqual(1.8);
        expect(Number(i.lr) * lgfs).toBeCloseTo(Number(i.kappa), 12);
        expect(i.s).toBeUndefined();
      } else {
        expect(i.variant).toBe('naive-band');
        expect(Number(i.lr) * lgfs).toBeGreaterThan(2);
        expect(i.kappa).toBeUndefined();
      }
    }
    expect([...kinds].sort()).toEqual(['below-gfs-edge', 'naive-band']);
  });

  it('needs η·λ₀ < 2 < η·λ_GFS: on either edge it is not exercised', () => {
    // (1, 0.5): λ₀ = 1.25, so η = 1.6 puts η·λ₀ at 2.
    expect(code(uv(['1', '0.5'], '1.6'))).toBe('inconclusive starts_above_edge');
    expect(code(uv(['1', '0.5'], '1.5999'))).not.toBe('inconclusive starts_above_edge');
    // (0.5, 0.5): λ_GFS = 2, so η = 1 puts η·λ_GFS at 2.
    expect(code(uv(['0.5', '0.5'], '1'))).toBe('inconclusive gfs_below_edge');
    expect(code(uv(['0.5', '0.5'], '1.0001'))).not.toBe('inconclusive gfs_below_edge');
  });

  it('judges only a converged run: cut short, it is not exercised, and its control reports the run as unsettled', () => {
    const short = uv(['-1.16', '-0.02'], '0.8503984', { steps: 10 });
    expect(code(short)).toBe('inconclusive not_converged');
    expect(code(short, 'control')).toBe('diverged not_converged');
    expect(at(short, 'control').evidence.message).toMatch(/did not converge/);
  });

  it('the naive reading |η·λ_∞/2 − 1| < 0.05 fails where the limit lands at 0.867 of the edge and holds at 0.995', () => {
    const far = at(uv(['-1.16', '-0.02'], '0.8503984', { variant: 'naive-band' }), 'control');
    expect([far.verdict, far.evidence.code]).toEqual(['violated', 'not_at_edge']);
    expect(far.evidence.observed).toBeCloseTo(1 - 1.7344084686951629 / 2, 9);
    expect(far.evidence.margin).toBeCloseTo(0.05 - far.evidence.observed, 12);
    expect(far.evidence.message).toContain('η·λ_∞/2 = 0.8672');
    const near = at(uv(['0.91', '0.55'], '0.991214049925471', { variant: 'naive-band' }), 'control');
    expect([near.verdict, near.evidence.code]).toEqual(['holds', 'at_edge']);
    expect(near.evidence.observed).toBeLessThan(0.005);
    expect(near.evidence.message).toBe('η·λ_∞/2 = 0.9954');
  });

  it('fails without an overshoot, and on a limit at or past the edge (a start on an interpolator past it, hypothesis waived)', () => {
    const o = at(uv(['-1.16', '-0.02'], '0.8503975'), 'control');
    expect([o.verdict, o.evidence.code, o.evidence.bound]).toEqual(['violated', 'no_overshoot', 2]);
    expect(o.evidence.observed).toBeCloseTo(1.9999981683842045, 12);
    // (1, 1) interpolates y = 1 with λ = 2: at η = 1.1 GD stays there, η·λ_∞ = 2.2.
    const past = at(uv(['1', '1'], '1.1'), 'control');
    expect([past.verdict, past.evidence.code, past.evidence.observed]).toEqual(['violated', 'above_edge', 2.2]);
  });

  it('the crossing it reports is the first step with η·λ_t > 2 (an oscillating run crosses at every other step)', () => {
    let [u, v] = [0.91, 0.55];
    const eta = 0.991214049925471;
    const over: number[] = [];
    for (let t = 1; t <= 40; t++) {
      const r = u * v - 1;
      [u, v] = [u - eta * r * v, v - eta * r * u];
      if (eta * (u * u + v * v) > 2) over.push(t);
    }
    expect(over.length).toBeGreaterThan(5);
    const o = at(uv(['0.91', '0.55'], '0.991214049925471'));
    expect([o.verdict, o.evidence.details?.firstOver, o.evidence.step]).toEqual(['holds', over[0], over[0]]);
  });

  it('the evidence reports the overshoot and the limit: max η·λ_t past 2 at the stated step, η·λ_∞ below it', () => {
    const o = at(uv(['-1.16', '-0.02'], '0.8503984'));
    const d = o.evidence.details ?? {};
    expect(Number(d.maxEtaLambda)).toBeGreaterThan(2);
    expect(Number(d.etaLambdaInf)).toBeCloseTo(o.evidence.observed, 12);
    expect([d.firstOver, o.evidence.step, d.steps]).toEqual([1, 1, 87]);
    expect(o.evidence.margin).toBeCloseTo(Math.min(Number(d.maxEtaLambda) - 2, 2 - Number(d.etaLambdaInf)), 12);
  });
});
