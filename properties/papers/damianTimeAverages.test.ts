import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/claims/claim.js';
import type { ToyInstance } from '../../src/claims/damian/damian.js';
import { timeAverageSharpness, timeAverageXSquared } from '../../src/claims/damian/timeAverages.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * damian.time-average.x-squared and damian.time-average.sharpness through their own checks at f64
 * (checkAt: one rung, no ladder), against an independent oracle: the reduced map x⁺ = −(1 + ηỹ)x,
 * ỹ⁺ = ỹ + η(α − βx²/2) iterated here in doubles. Each reported average (⟨x²⟩, δ² − 2Δỹ/(ηβT),
 * ⟨ln|1 + ηỹ|⟩, ⟨ỹ⟩, (η/2)⟨ỹ²⟩) is the oracle's over the window t < T; the naive reading
 * ⟨ỹ⟩ ≈ (η/2)⟨ỹ²⟩ passes exactly when the oracle's ratio lies in [1/2, 2]; a loss off the exact toy is
 * outside both claims; and a run that leaves the doubles is a divergence, never a pass.
 */
const f64 = parsePrecision('f64');
const SLACK = 4096 * Number.EPSILON;

/** ½(a₀ + z)x² − c·z at η = lr from (x₀, 0) over `steps`. */
function toy(x0: string, steps: number, o: { a0?: string; c?: string; lr?: string; variant?: string } = {}): ToyInstance {
  const p = { a0: o.a0 ?? '200', b: '1', c: o.c ?? '0.01' };
  return { model: 'cubic-toy', params: p, toy: p, theta: [x0, '0'], lr: o.lr ?? '0.01', steps, ...(o.variant !== undefined ? { variant: o.variant } : {}) };
}

/** The oracle: the reduced map of `i` (b = 1) over its window, and the sums both claims read. */
function oracle(i: ToyInstance) {
  const eta = Number(i.lr);
  const alpha = Number(i.toy.c);
  let x = Number(i.theta[0]);
  let y = Number(i.toy.a0) - 2 / eta;
  const y0 = y;
  const x0 = x;
  let [sx2, slog, sy, sy2, zMax] = [0, 0, 0, 0, 0];
  for (let t = 0; t < i.steps; t++) {
    zMax = Math.max(zMax, Math.abs(y - y0));
    sx2 += x * x;
    slog += Math.log(Math.abs(1 + eta * y));
    sy += y;
    sy2 += y * y;
    [x, y] = [-(1 + eta * y) * x, y + eta * (alpha - (x * x) / 2)];
  }
  const T = i.steps;
  return {
    meanX2: sx2 / T,
    predicted: 2 * alpha - (2 * (y - y0)) / (eta * T),
    meanLog: slog / T,
    logRatio: Math.log(Math.abs(x / x0)) / T,
    meanY: sy / T,
    naive: (eta * sy2) / (2 * T),
    /** max over t ≤ T of |z_t| = |ỹ_t − ỹ₀| (b = 1, z₀ = 0). */
    zMax: Math.max(zMax, Math.abs(y - y0)),
  };
}

const at = <C extends typeof timeAverageXSquared>(claim: C, i: ToyInstance, mode: 'claim' | 'control' = 'claim'): Outcome => {
  const o = checkAt(claim, i, f64, { mode }).outcome;
  if (o.verdict === 'error') throw new Error(`${claim.id} threw: ${o.stack}`);
  return o;
};
/** a = b to `rel` of their size, or to 1e-12 where both vanish (⟨x²⟩'s prediction from x₀ = 0 is 0 up to rounding). */
const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * (Math.abs(a) + Math.abs(b)) + 1e-12;

describe('damian.time-average.x-squared against the map', () => {
  it('reports ⟨x²⟩ over t < T and δ² − 2(ỹ_T − ỹ₀)/(ηβT), on both sides of the edge and from x₀ = 0', () => {
    for (const i of [toy('0.1', 1), toy('0.1', 50), toy('0.3', 400, { a0: '200.2' }), toy('0.05', 120, { a0: '199.7', c: '0.02' }), toy('0', 30)]) {
      const o = at(timeAverageXSquared, i);
      const r = oracle(i);
      expect(o).toMatchObject({ verdict: 'holds', evidence: { code: 'identity_holds' } });
      expect([close(Number(o.evidence.details?.mean), r.meanX2), close(Number(o.evidence.details?.predicted), r.predicted)]).toEqual([true, true]);
      expect(close(Number(o.evidence.details?.ratioToDelta2), r.meanX2 / (2 * Number(i.toy.c)))).toBe(true);
      // 4096 ulps of |⟨x²⟩| + δ² + 2(max|z| + 2/η)/(ηb).
      const eta = Number(i.lr);
      expect(close(o.evidence.bound, SLACK * (r.meanX2 + 2 * Number(i.toy.c) + (2 * (r.zMax + 2 / eta)) / eta))).toBe(true);
      expect(o.evidence.observed).toBeLessThanOrEqual(o.evidence.bound);
      expect(o.evidence.margin).toBeGreaterThanOrEqual(0);
    }
  });

  it('a curved sharpness (C·z², the negative control) is outside the claim (run as the control it is violated: properties/claims.test.ts)', () => {
    const [i] = fc.sample(timeAverageXSquared.negativeControl.arbitrary, { seed: 1, numRuns: 1 });
    const o = at(timeAverageXSquared, i);
    expect(o.verdict === 'inconclusive' && o.reason === 'hypotheses' ? o.evidence.code : o.verdict).toBe('not_cubic');
  });

  it('a run that leaves the doubles (x₀ = 1e200: x² overflows) is a divergence at step 1', () => {
    expect(at(timeAverageXSquared, toy('1e200', 5))).toMatchObject({ verdict: 'diverged', evidence: { code: 'non_finite', step: 1 } });
  });
});

describe('damian.time-average.sharpness against the map', () => {
  it('reports ⟨ln|1 + ηỹ|⟩ = ln|x_T/x₀|/T and ⟨ỹ⟩ over t < T', () => {
    for (const i of [toy('0.1', 1), toy('0.1', 50), toy('0.3', 400, { a0: '200.2' }), toy('0.05', 120, { a0: '199.7', c: '0.02' })]) {
      const o = at(timeAverageSharpness, i);
      const r = oracle(i);
      expect(o).toMatchObject({ verdict: 'holds', evidence: { code: 'identity_holds' } });
      expect(Math.abs(Number(o.evidence.details?.meanLog) - r.meanLog)).toBeLessThan(1e-12);
      expect(Math.abs(Number(o.evidence.details?.meanLog) - r.logRatio)).toBeLessThan(1e-12);
      expect(close(Number(o.evidence.details?.meanY), r.meanY)).toBe(true);
      // 4096 ulps of 8 + |mean|.
      expect(close(o.evidence.bound, SLACK * (8 + Math.abs(r.meanLog)))).toBe(true);
      expect(o.evidence.observed).toBeLessThanOrEqual(o.evidence.bound);
      expect(o.evidence.margin).toBeGreaterThanOrEqual(0);
    }
  });

  it('the naive ⟨ỹ⟩ ≈ (η/2)⟨ỹ²⟩ (as the control) holds exactly when the oracle ratio is within [1/2, 2], with its numbers', () => {
    // α = 1, x₀ = 0.5 (≈ 0.35δ), ỹ₀ = 0, η = 0.01 (a 444-step period): the ratio enters the band at T = 450 (1.88) and leaves it after
    // T = 455 (0.68), enters again at T = 530 (0.72, out at 529) and leaves after T = 535 (1.91); far from those windows it is far outside.
    const seen = { in: 0, out: 0 };
    for (const steps of [1, 50, 300, 449, 450, 452, 455, 456, 529, 530, 535, 536]) {
      const i = toy('0.5', steps, { c: '1', variant: 'naive-second-order' });
      const r = oracle(i);
      const ratio = r.meanY / r.naive;
      const o = at(timeAverageSharpness, i, 'control');
      const inBand = r.naive > 0 && ratio >= 0.5 && ratio <= 2;
      seen[inBand ? 'in' : 'out']++;
      expect(o).toMatchObject({ verdict: inBand ? 'holds' : 'violated', evidence: { code: inBand ? 'naive_holds' : 'naive_fails' } });
      expect([close(o.evidence.observed, r.meanY, 1e-8), close(o.evidence.bound, r.naive, 1e-8)]).toEqual([true, true]);
      // The margin is the distance inside the band [1/2, 2] (< 0 outside); the boundary term ln|x_T/x₀|/(ηT) is reported.
      // At T = 1 from ỹ₀ = 0 the prediction (η/2)ỹ₀² is 0: no ratio, a failure with a negative margin.
      if (r.naive === 0) expect(o.evidence.margin).toBeLessThan(0);
      else expect(o.evidence.margin).toBeCloseTo(Math.min(ratio - 0.5, 2 - ratio), 8);
      expect(close(Number(o.evidence.details?.boundaryTerm), r.logRatio / Number(i.lr), 1e-8)).toBe(true);
    }
    expect(seen).toEqual({ in: 5, out: 7 });
  });

  it('a curved sharpness is outside the claim; a run that leaves the doubles is a divergence', () => {
    const [i] = fc.sample(timeAverageXSquared.negativeControl.arbitrary, { seed: 1, numRuns: 1 });
    const o = at(timeAverageSharpness, i);
    expect(o.verdict === 'inconclusive' && o.reason === 'hypotheses' ? o.evidence.code : o.verdict).toBe('not_cubic');
    expect(at(timeAverageSharpness, toy('1e200', 5))).toMatchObject({ verdict: 'diverged', evidence: { code: 'non_finite', step: 1 } });
  });
});

/** The toy of `toy(…)` whose loss has one coefficient off the stated one (the statement reads `toy`, GD runs on `params`). */
const offBy = (i: ToyInstance, p: Partial<ToyInstance['toy']>): ToyInstance => ({ ...i, params: { ...i.params, ...p } });

describe('damian.time-average.*: a loss off the stated one, and a far start', () => {
  it('GD on c off by 5e-8 breaks the x² identity, on a₀ off by 2e-9 the log identity: violated with their numbers and a negative margin', () => {
    for (const [claim, i] of [
      [timeAverageXSquared, offBy(toy('0.1', 50), { c: '0.01000005' })],
      [timeAverageSharpness, offBy(toy('0.1', 50), { a0: '200.000000002' })],
    ] as const) {
      const o = at(claim, i, 'control');
      expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'identity_fails' } });
      expect(o.evidence.observed).toBeGreaterThan(o.evidence.bound);
      expect(o.evidence.margin).toBeLessThan(0);
    }
  });

  it('a start far from the edge whose run stays finite (x₀ = 1e10: |x| reaches 1e177 in 5 steps) is checked to the end, and holds', () => {
    for (const claim of [timeAverageXSquared, timeAverageSharpness])
      expect(at(claim, toy('1e10', 5))).toMatchObject({ verdict: 'holds', evidence: { code: 'identity_holds' } });
  });
});

/** (x₀/δ, ηỹ₀) of a draw. */
const coordinates = (i: ToyInstance): [number, number] => [
  Math.abs(Number(i.theta[0])) / Math.sqrt((2 * Number(i.toy.c)) / Number(i.toy.b)),
  Number(i.lr) * (Number(i.toy.a0) + Number(i.toy.b) * Number(i.theta[1])) - 2,
];

describe('damian.time-average.*: the generators draw what they state (seed 1)', () => {
  it.each([
    ['x-squared', [1, 1000], 0, 1.5, timeAverageXSquared.arbitrary],
    ['x-squared control', [20, 300], 0.3, 1.5, timeAverageXSquared.negativeControl.arbitrary],
    ['sharpness', [1, 1000], 0.001, 1.5, timeAverageSharpness.arbitrary],
    ['sharpness control', [50, 600], 0.001, 1.5, timeAverageSharpness.negativeControl.arbitrary],
  ] as const)('%s: windows of %j steps, |x₀|/δ ∈ [%f, %f] and ηỹ₀ ∈ [−0.03, 0.03], of both signs', (_, [lo, hi], xLo, xHi, arbitrary) => {
    const draws = fc.sample(arbitrary, { seed: 1, numRuns: 100 });
    const out = draws.filter((i) => {
      const [x, ey] = coordinates(i);
      return !(i.steps >= lo && i.steps <= hi && x >= xLo - 1e-6 && x <= xHi + 1e-6 && Math.abs(ey) <= 0.03 + 1e-6);
    });
    expect(out).toEqual([]);
    const ey = draws.map((i) => coordinates(i)[1]);
    expect(ey.some((v) => v < -0.01) && ey.some((v) => v > 0.01)).toBe(true);
    expect(Math.max(...draws.map((i) => i.steps))).toBeGreaterThan((lo + hi) / 2);
  });
});

describe('damian.time-average.*: in interval arithmetic', () => {
  // At interval:N the map runs in centred form (its Hessian bounds the box's growth) and the identities carry no slack: the
  // loss off the stated one (above) gives an enclosure of the margin wholly below 0, a certified failure.
  it.each([
    ['x-squared', timeAverageXSquared, { c: '0.01000005' }],
    ['sharpness', timeAverageSharpness, { a0: '200.000000002' }],
  ] as const)('%s: GD on the loss off by a stated amount is certified violated at interval:40', (_name, claim, off) => {
    const o = checkAt(claim, offBy(toy('0.1', 50), off), parsePrecision('interval:40'), { mode: 'control' }).outcome;
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'identity_fails' } });
    const enc = o.evidence.enclosure;
    expect(enc !== undefined && enc.hi < 0 && enc.hi - enc.lo < 1e-20).toBe(true);
  });
});
