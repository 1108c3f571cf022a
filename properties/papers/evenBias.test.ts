import { describe, expect, it } from 'vitest';
import { type DlnBiasInstance, evenImplicitBias } from '../../src/claims/even/implicitBias.js';
import { dlnRun, solveSmall, unmet } from '../../src/claims/even/evenBias.js';
import { createContext } from '../../src/harness/checkContext.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { oneSample } from '../boundary/even.js';
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

describe('even.dln.implicit-bias', () => {
  const at = (inst: DlnBiasInstance, p: string, mode: 'claim' | 'control' = 'claim') => checkAt(evenImplicitBias, inst, parsePrecision(p), { mode }).outcome;

  it('judges ρ/γ² against C = 0.25 on either side (y = 1: 0.060; y = 2: 0.281), with the codes, numbers and details of each side', () => {
    const inside = at(oneSample('1', '0.1'), 'f64');
    expect([inside.verdict, inside.evidence.code, inside.evidence.bound]).toEqual(['holds', 'rho_order_gamma2', 0.25]);
    expect(inside.evidence.observed).toBeCloseTo(0.0598, 3);
    expect(inside.evidence.margin).toBeCloseTo(0.25 - 0.0598, 3);
    const d = inside.evidence.details as Record<string, number | string>;
    expect(d.steps).toBe('101+204');
    expect(Math.max(Number(d.cFull), Number(d.cHalf))).toBe(inside.evidence.observed);
    expect(Number(d.slope)).toBeCloseTo(Math.log2(Number(d.rho) / Number(d.rhoHalf)), 12);
    // ρ grows like γ²: ρ(γ)/ρ(γ/2) ≈ 4.
    expect(Number(d.slope)).toBeGreaterThan(1.9);
    const outside = at(oneSample('2', '0.1'), 'f64');
    expect([outside.verdict, outside.evidence.code, outside.evidence.bound]).toEqual(['violated', 'rho_above_c_gamma2', 0.25]);
    expect(outside.evidence.observed).toBeCloseTo(0.2807, 3);
    expect(outside.evidence.margin).toBeCloseTo(0.25 - 0.2807, 3);
  });

  it('encloses its margin in the field at interval:N, around the f64 margin and of its sign, on either side of C', () => {
    for (const y of ['1', '2']) {
      const f = at(oneSample(y, '0.1'), 'f64');
      const o = at(oneSample(y, '0.1'), 'interval:40');
      expect(o.evidence.code).toBe(f.evidence.code);
      const e = o.evidence.enclosure;
      expect(e, `y = ${y}: no enclosure`).toBeDefined();
      if (e === undefined) continue;
      // Rounded outward to doubles: a few ulps of the margin wide.
      expect(e.hi - e.lo).toBeLessThan(1e-15);
      expect(Math.abs(e.lo - f.evidence.margin)).toBeLessThan(1e-12);
      expect(Math.sign(e.lo)).toBe(Math.sign(e.hi));
      expect(Math.sign(e.lo)).toBe(Math.sign(f.evidence.margin));
    }
    // The f64 and decimal rungs decide on doubles and carry no enclosure.
    expect(at(oneSample('1', '0.1'), 'f64').evidence.enclosure).toBeUndefined();
  });

  it("judges the control's exact-mirror statement (ρ ≤ 1e-9) on either side: γ = 1e-3 gives 1.5e-9, γ = 3e-4 gives 1.3e-10", () => {
    const off = at(oneSample('0.2', '0.001', 'exact-mirror'), 'f64', 'control');
    expect([off.verdict, off.evidence.code, off.evidence.bound]).toEqual(['violated', 'off_mirror_solution', 1e-9]);
    expect(off.evidence.observed).toBeGreaterThan(1.4e-9);
    const on = at(oneSample('0.2', '0.0003', 'exact-mirror'), 'f64', 'control');
    expect([on.verdict, on.evidence.code]).toEqual(['holds', 'on_mirror_solution']);
    expect(on.evidence.observed).toBeLessThan(2e-10);
    expect(on.evidence.margin).toBeCloseTo(1e-9 - on.evidence.observed, 20);
  });
});
