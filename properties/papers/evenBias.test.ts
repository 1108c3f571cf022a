import { describe, expect, it } from 'vitest';
import { evenImplicitBias } from '../../src/claims/even/implicitBias.js';
import { dlnRun, solveSmall, unmet } from '../../src/claims/even/evenBias.js';
import { createContext } from '../../src/harness/checkContext.js';
import { f64 } from '../../src/numerics/f64Field.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * The helpers of the Even et al. measured claims: the small linear solver behind the KKT residual (against the residual A·z − b
 * and the exact answer of systems built to need a row swap or to be singular), the step count a DLN run charges to the budget,
 * and the outcome of a hypothesis the measurement needs.
 */

const P = parsePrecision('f64');
const context = (mode: 'claim' | 'control') => createContext({ precision: P, tolerance: evenImplicitBias.tolerance, mode, budget: 1_000_000 });

/** max_i |(A z)_i − b_i|. */
const residual = (A: number[][], z: number[], b: number[]) => Math.max(...A.map((row, i) => Math.abs(row.reduce((s, a, k) => s + a * z[k], 0) - b[i])));

describe('solveSmall', () => {
  it('solves an SPD system to rounding (the Gram matrix XXᵀ of a 3×4 X)', () => {
    const A = [
      [4, 1, 0.5],
      [1, 3, 0.25],
      [0.5, 0.25, 2],
    ];
    const b = [1, -2, 0.5];
    const z = solveSmall(f64, A, b, 1e-8);
    expect(z).not.toBeNull();
    expect(residual(A, z as number[], b)).toBeLessThan(1e-14);
  });

  it('swaps rows to the largest pivot: a zero leading entry, or one that only the first row has, is no obstacle', () => {
    // Without a swap the first pivot is 0 (first system) or the second pivot is 0 (the last row chosen first in the second).
    const A1 = [
      [0, 1],
      [1, 0],
    ];
    expect(solveSmall(f64, A1, [2, 3], 1e-8)).toEqual([3, 2]);
    const A2 = [
      [2, 1, 0],
      [1, 3, 1],
      [0, 1, 4],
    ];
    const z = solveSmall(f64, A2, [3, 5, 5], 1e-8);
    expect(z).not.toBeNull();
    expect(residual(A2, z as number[], [3, 5, 5])).toBeLessThan(1e-14);
    expect((z as number[]).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([1, 1, 1]);
  });

  it('refuses a nearly singular system: a pivot below minPivot·max|A| (scaled with the entries), and an exactly singular one even with no floor', () => {
    // Pivot after elimination ≈ 1e-9, relative 1e-11 of max|A| = 100: below 1e-8·100, above 1e-8/100.
    const near = [
      [100, 100],
      [100, 100 + 1e-9],
    ];
    expect(solveSmall(f64, near, [1, 2], 1e-8)).toBeNull();
    // The same system with a pivot floor under its 1e-11 is solved.
    expect(solveSmall(f64, near, [1, 2], 1e-13)).not.toBeNull();
    const singular = [
      [1, 2],
      [2, 4],
    ];
    expect(solveSmall(f64, singular, [1, 2], 0)).toBeNull();
  });
});

describe('dlnRun', () => {
  it("charges every GD step to the check's budget", () => {
    const { ctx, used } = context('claim');
    const X = [[f64.from('1'), f64.from('0.5')]];
    const r = dlnRun(ctx, { X, Y: [f64.from('1')], u0: [0.5, 0.5], v0: [0, 0] }, 0.1, { maxSteps: 50, stop: 'grad', tol: 1e-30 });
    expect(r.steps).toBe(50);
    expect(used()).toBe(50);
  });
});

describe('unmet', () => {
  it('stops a claim-mode check, and gives a control an inconclusive outcome with its code and message', () => {
    expect(() => unmet(context('claim').ctx, 'not_converged', 'no limit')).toThrow(/no limit/);
    const o = unmet(context('control').ctx, 'not_converged', 'no limit');
    expect(o.verdict).toBe('inconclusive');
    expect([o.evidence.code, o.evidence.message]).toEqual(['not_converged', 'no limit']);
    expect(Number.isNaN(o.evidence.observed)).toBe(true);
  });
});
