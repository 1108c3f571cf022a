import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/claims/claim.js';
import { perturbedExpr, type TrackInstance } from '../../src/claims/damian/damianTracking.js';
import { odeConservedQuantity } from '../../src/claims/damian/odeConservedQuantity.js';
import { checkAt, evaluate } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * damian.reduced-map.ode-conserved-quantity through its own check at f64 (checkAt: one rung, no
 * ladder), on the toy ½(a₀ + z)x² − c·z at η = 0.02 from (x₀, 0): its hypotheses just inside and
 * outside (E₀ ≥ 1e-3·α, the exact toy), the last step of a horizon (at ω = 0.05 the drift first
 * crosses 10·ω·(1 + t/P)·E₀ at step 501), the tightest step a pass reports, and the domains its
 * generators state (ω, x₀/δ, ỹ₀/√(2α), periods).
 */
const f64 = parsePrecision('f64');

/** ½(a₀ + z)x² − c·z at η = 0.02 from (x₀, 0) over `steps`: ω = 0.02·√(2c), δ = √(2c), ỹ₀ = a₀ − 100. */
function orbit(a0: string, c: string, x0: string, steps: number): TrackInstance {
  const p = { a0, b: '1', c };
  return { model: 'cubic-toy', params: p, toy: p, theta: [x0, '0'], lr: '0.02', steps };
}

const at = (i: TrackInstance, mode: 'claim' | 'control'): Outcome => {
  const o = checkAt(odeConservedQuantity, i, f64, { mode }).outcome;
  if (o.verdict === 'error') throw new Error(`ode-conserved-quantity threw: ${o.stack}`);
  return o;
};
const refused = (i: TrackInstance): string => {
  const o = at(i, 'claim');
  return o.verdict === 'inconclusive' && o.reason === 'hypotheses' ? o.evidence.code : o.verdict;
};

describe('damian.reduced-map.ode-conserved-quantity: its hypotheses at their edges', () => {
  it('from x₀ = δ = 1.5 (c = 1.125, ω = 0.03), E₀/α = ỹ₀²/α: 1.1e-3 runs, 0.998e-3 is the fixed point’s neighbourhood', () => {
    expect(refused(orbit('100.0352', '1.125', '1.5', 50))).toBe('holds');
    expect(refused(orbit('100.0335', '1.125', '1.5', 50))).toBe('orbit_nondegenerate');
    expect(refused(orbit('100', '1.125', '1.5', 50))).toBe('orbit_nondegenerate');
  });

  it('a fourth-order perturbation of the toy is outside the claim (its H is not that of the reduced map)', () => {
    const i = orbit('100', '1.125', '0.75', 50);
    const perturbed: TrackInstance = {
      ...i,
      model: 'expr',
      params: {},
      expr: perturbedExpr('100', '1', '1.125', '0.01', '0'),
      vars: ['x', 'z'],
      perturbation: { C: '0.01', q: '0' },
    };
    expect(refused(perturbed)).toBe('not_cubic');
  });
});

describe('damian.reduced-map.ode-conserved-quantity: every step of the horizon', () => {
  // ω = 0.05 (c = 3.125, δ = 2.5), x₀ = δ/2, ỹ₀ = 0: outside the claim (ω > 0.03), run as the control.
  it('at ω = 0.05 the drift crosses the bound at step 501: violated over 501 steps, with its periods and E/E₀ > 1; held over 500', () => {
    const o = at(orbit('100', '3.125', '1.25', 501), 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'h_drift', step: 501 } });
    expect(o.evidence.observed).toBeGreaterThan(o.evidence.bound);
    expect(o.evidence.margin).toBeLessThan(0);
    expect(Number(o.evidence.details?.periods)).toBeCloseTo((501 * 0.05) / (2 * Math.PI), 6);
    // E grew outward from E₀ = α(r − 1 − ln r) at r = 1/4 (α = 3.125): E/E₀ = 1 + drift/E₀.
    expect(Number(o.evidence.details?.ratio)).toBeCloseTo(1 + o.evidence.observed / (3.125 * (0.25 - 1 - Math.log(0.25))), 6);
    expect(at(orbit('100', '3.125', '1.25', 500), 'control').verdict).toBe('holds');
  });
});

describe('damian.reduced-map.ode-conserved-quantity: a pass reports its tightest step', () => {
  it('over 250 steps (1.2 periods at ω = 0.03) the tightest step is inside the run, and 1 − drift/bound there is the margin', () => {
    const o = at(orbit('100', '1.125', '0.75', 250), 'claim');
    expect(o).toMatchObject({ verdict: 'holds', evidence: { code: 'h_bounded' } });
    expect(o.evidence.step).toBeLessThan(250);
    expect(o.evidence.step).toBeGreaterThan(0);
    expect(1 - o.evidence.observed / o.evidence.bound).toBeCloseTo(o.evidence.margin, 9);
    // What it ran: 1.19 periods of ω = 0.03 from E₀/α = r − 1 − ln r at r = x₀²/δ² = 1/4.
    expect(Number(o.evidence.details?.periods)).toBeCloseTo((250 * 0.03) / (2 * Math.PI), 9);
    expect(Number(o.evidence.details?.orbit)).toBeCloseTo(0.25 - 1 - Math.log(0.25), 9);
  });
});

/** (ω, |x₀|/δ, ỹ₀/√(2α), periods) of a draw. */
function coordinates(i: TrackInstance): [number, number, number, number] {
  const [b, c, eta] = [Number(i.toy.b), Number(i.toy.c), Number(i.lr)];
  const omega = eta * Math.sqrt(2 * b * c);
  const y0 = Number(i.toy.a0) + b * Number(i.theta[1]) - 2 / eta;
  return [omega, Math.abs(Number(i.theta[0])) / Math.sqrt((2 * c) / b), y0 / Math.sqrt(2 * b * c), (i.steps * omega) / (2 * Math.PI)];
}
/** v ∈ [lo, hi] up to `slack` (a horizon is a whole number of steps: its periods are within a step, ω/2π, of the stated range). */
const within = (v: number, lo: number, hi: number, slack = 1e-6) => v >= lo - slack && v <= hi + slack;

describe('damian.reduced-map.ode-conserved-quantity: its generators draw what they state (seed 1)', () => {
  it('claim draws: ω ∈ [0.003, 0.03], x₀/δ ∈ [0.01, 3], ỹ₀/√(2α) ∈ [−1, 1], 0.2–3 periods, both signs of ỹ₀', () => {
    const draws = fc.sample(odeConservedQuantity.arbitrary, { seed: 1, numRuns: 100 }).map(coordinates);
    expect(
      draws.filter(([w, x, y, p]) => !(within(w, 0.003, 0.03) && within(x, 0.01, 3) && within(y, -1, 1) && within(p, 0.2, 3, 0.03 / (2 * Math.PI)))),
    ).toEqual([]);
    expect(draws.some(([, , y]) => y < -0.5) && draws.some(([, , y]) => y > 0.5)).toBe(true);
    expect(draws.some(([, x]) => x < 0.3) && draws.some(([, x]) => x > 2)).toBe(true);
  });

  it('control draws: ω ∈ [0.02, 0.03] or [0.04, 0.1], x₀/δ ∈ [0.1, 1], ỹ₀/√(2α) ∈ [−0.5, 0.5], 30–50 periods', () => {
    const draws = fc.sample(odeConservedQuantity.negativeControl.arbitrary, { seed: 1, numRuns: 100 }).map(coordinates);
    const out = draws.filter(
      ([w, x, y, p]) =>
        !((within(w, 0.02, 0.03) || within(w, 0.04, 0.1)) && within(x, 0.1, 1) && within(y, -0.5, 0.5) && within(p, 30, 50, 0.1 / (2 * Math.PI))),
    );
    expect(out).toEqual([]);
    // Each of the two generators (long horizon only, ω ≤ 0.03; larger η too, ω ≥ 0.04) spans its x₀ and ỹ₀ ranges.
    for (const branch of [draws.filter(([w]) => w < 0.035), draws.filter(([w]) => w > 0.035)]) {
      expect(branch.some(([, x]) => x < 0.5) && branch.some(([, x]) => x > 0.9)).toBe(true);
      expect(branch.some(([, , y]) => y < -0.2) && branch.some(([, , y]) => y > 0.2)).toBe(true);
    }
  });
});

describe('damian.reduced-map.ode-conserved-quantity where x reaches 0, and in interval arithmetic', () => {
  // a₀ = 50 at η = 0.02 puts ηỹ₀ = −1 exactly: x₁ = −(1 + ηỹ₀)x₀ = 0 and E₁ = +∞, an unbounded drift. The check says so at
  // f64; interval arithmetic cannot enclose ln 0, so the ladder leaves it uncertified, never a certified counterexample.
  it('x₁ = 0 exactly (ηỹ₀ = −1) is an infinite drift at step 1, which no enclosure certifies', () => {
    const i = orbit('50', '1.125', '1.5', 10);
    const o = at(i, 'claim');
    expect(o).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'h_drift', step: 1, observed: Number.POSITIVE_INFINITY, margin: Number.NEGATIVE_INFINITY },
    });
    expect(o.evidence.message).toContain('x underflowed to 0');
    expect(evaluate(odeConservedQuantity, i, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive', reason: 'uncertified' });
  });
  // At interval:N the map runs in centred form (its Hessian bounds the box's growth) and the margin comes enclosed.
  it('at interval:40 a 60-step orbit holds with an enclosure of its least margin inside [0, 1]', () => {
    const o = checkAt(odeConservedQuantity, orbit('100.5', '1.125', '1.5', 60), parsePrecision('interval:40'), { mode: 'claim' }).outcome;
    expect(o.verdict).toBe('holds');
    const enc = o.evidence.enclosure;
    expect(enc !== undefined && enc.lo >= 0 && enc.hi <= 1 && enc.hi - enc.lo < 1e-12).toBe(true);
  });
});

describe('damian.reduced-map.ode-conserved-quantity: the bound is 10·ω·(1 + t/P)·E₀ plus its stated rounding', () => {
  // The rationale's rounding allowance: 4096 ulps a step of the size of E's terms at θ_t and θ₀, the size of
  // E = ỹ² + α(r − 1 − ln r) being 2|ỹ|(|a₀| + |bz| + 2/η) + α(r + 1 + |ln r|) (r = x²/δ²). At the tightest step of a
  // run that holds, the reported bound is that, recomputed here from GD written out in doubles.
  it('over 250 steps at ω = 0.03 from x₀ = δ/2: the bound at the tightest step, rounding term included (1.7e-7 of it)', () => {
    const o = at(orbit('100', '1.125', '0.75', 250), 'claim');
    const [a0, b, c, eta] = [100, 1, 1.125, 0.02];
    const alpha = b * c;
    const d2 = (2 * c) / b;
    const omega = eta * Math.sqrt(2 * alpha);
    const energy = (x: number, z: number) => {
      const y = a0 + b * z - 2 / eta;
      const r = (x * x) / d2;
      return {
        E: y * y + alpha * (r - 1 - Math.log(r)),
        scale: 2 * Math.abs(y) * (Math.abs(a0) + Math.abs(b * z) + 2 / eta) + alpha * (r + 1 + Math.abs(Math.log(r))),
      };
    };
    let [x, z] = [0.75, 0];
    const e0 = energy(x, z);
    const s = o.evidence.step ?? 0;
    for (let t = 0; t < s; t++) [x, z] = [x - eta * (a0 + b * z) * x, z - eta * (0.5 * b * x * x - c)];
    const rounding = 4096 * 2 ** -53 * s * (energy(x, z).scale + e0.scale);
    const drift = 10 * omega * (1 + s / ((2 * Math.PI) / omega)) * e0.E;
    expect(rounding / drift).toBeGreaterThan(1e-8);
    expect(o.evidence.bound / (drift + rounding) - 1).toBeCloseTo(0, 11);
  });
});
