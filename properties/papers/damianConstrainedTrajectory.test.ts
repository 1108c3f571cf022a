import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/claims/claim.js';
import { constrainedProjection } from '../../src/claims/damian/constrainedTrajectory.js';
import type { ToyInstance } from '../../src/claims/damian/damian.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * damian.constrained-trajectory.projection through its own check at f64 (checkAt: one rung, no ladder).
 * From (0, 0) just below the edge (a₀ = 199.9997, b = 1, c = 0.01, η = 0.01) z† climbs by ηc = 1e-4 a step
 * and reaches the clamp (2/η − a₀)/b = 3e-4 at step 3: a loss whose a₀ is off the stated one parts from
 * the statement exactly there, so the check must look at every step up to the last and no further; and
 * a run that holds reports its tightest comparison, S ≤ 2/η at the step where S comes closest to the edge.
 */
const f64 = parsePrecision('f64');
const SLACK = 4096 * Number.EPSILON;

/** PGD from (0, 0) on ½(a₀ + z)x² − 0.01z at η = 0.01, stated with a₀ = 199.9997, GD run on `a0`. */
function climb(steps: number, a0 = '199.9997'): ToyInstance {
  const toy = { a0: '199.9997', b: '1', c: '0.01' };
  return { model: 'cubic-toy', params: { ...toy, a0 }, toy, theta: ['0', '0'], lr: '0.01', steps };
}

const at = (i: ToyInstance, mode: 'claim' | 'control'): Outcome => {
  const o = checkAt(constrainedProjection, i, f64, { mode }).outcome;
  if (o.verdict === 'error') throw new Error(`constrained-trajectory threw: ${o.stack}`);
  return o;
};

describe('damian.constrained-trajectory.projection: every step up to the last', () => {
  it('a₀ off by 5e-10 is violated at step 3, where z† meets the clamp, with the bound 4096 ulps of |z†| + 2/(ηb) + |z†_prev|', () => {
    for (const k of [3, 4]) {
      const o = at(climb(k, '199.9997000005'), 'control');
      expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'projection_not_exact', step: 3 } });
      expect(o.evidence.observed).toBeCloseTo(5e-10, 12);
      expect(o.evidence.bound / SLACK).toBeCloseTo(200 + 3e-4 + 2e-4, 6);
      expect(o.evidence.margin).toBeLessThan(0);
    }
  });

  it('the same loss holds over 1 and 2 steps, before z† reaches the clamp', () => {
    for (const k of [1, 2]) expect(at(climb(k, '199.9997000005'), 'control').verdict).toBe('holds');
  });
});

describe('damian.constrained-trajectory.projection: a run that holds reports its tightest comparison', () => {
  it('climbing toward the edge, S ≤ 2/η is tightest at the last step, S/(2/η) − 1 = (a₀ + kηc)/200 − 1', () => {
    for (const k of [1, 2]) {
      const o = at(climb(k), 'claim');
      expect(o).toMatchObject({ verdict: 'holds', evidence: { code: 'projection_exact', step: k, bound: 1e-9 } });
      expect(o.evidence.observed).toBeCloseTo((199.9997 + k * 1e-4) / 200 - 1, 12);
    }
  });

  it('on the clamp from step 3 on, the tightest is the first step at the edge', () => {
    expect(at(climb(4), 'claim')).toMatchObject({ verdict: 'holds', evidence: { step: 3, observed: 0 } });
  });
});

/** (x₀/δ, ηỹ₀) of a draw, ỹ₀ read from the stated toy at z₀. */
function coordinates(i: ToyInstance): { x: number; ey: number } {
  const b = Number(i.toy.b);
  return { x: Number(i.theta[0]) / Math.sqrt((2 * Number(i.toy.c)) / b), ey: Number(i.lr) * (Number(i.toy.a0) + b * Number(i.theta[1])) - 2 };
}

describe('damian.constrained-trajectory.projection on its draws (seed 1, f64)', () => {
  it('30 draws start near the edge (ηỹ₀ ∈ [−0.1, 0.05], |x₀| ≤ 1.5δ) and run 1–60 steps; the first 10 hold', () => {
    const draws = fc.sample(constrainedProjection.arbitrary, { seed: 1, numRuns: 30 });
    expect(
      draws
        .slice(0, 10)
        .map((i) => at(i, 'claim'))
        .filter((o) => o.verdict !== 'holds'),
    ).toEqual([]);
    const out = draws.filter((i) => {
      const { x, ey } = coordinates(i);
      return !(Math.abs(x) <= 1.5 + 1e-6 && ey >= -0.1 - 1e-6 && ey <= 0.05 + 1e-6 && i.steps >= 1 && i.steps <= 60);
    });
    expect(out).toEqual([]);
    expect(Math.max(...draws.map((i) => i.steps))).toBeGreaterThan(30);
  });

  it('its negative control (a curved sharpness) draws start above the edge (ηỹ₀ ∈ [0.005, 0.1]) and run 3–40 steps; the first 4 are violated', () => {
    const draws = fc.sample(constrainedProjection.negativeControl.arbitrary, { seed: 1, numRuns: 30 });
    expect(
      draws
        .slice(0, 4)
        .map((i) => at(i, 'control'))
        .filter((o) => o.verdict !== 'violated'),
    ).toEqual([]);
    const out = draws.filter((i) => {
      const { x, ey } = coordinates(i);
      return !(Math.abs(x) <= 1.5 + 1e-6 && ey >= 0.005 - 1e-6 && ey <= 0.1 + 1e-6 && i.steps >= 3 && i.steps <= 40);
    });
    expect(out).toEqual([]);
  });
});
