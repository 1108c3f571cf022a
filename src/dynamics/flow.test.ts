import type { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalMatrix, decimalVector } from '../arbitraries/decimalText.js';
import { decimalField } from '../numerics/decimalField.js';
import { eigSym } from '../numerics/eigSym.js';
import { f64 } from '../numerics/f64Field.js';
import { fieldFor } from '../numerics/fieldFor.js';
import { parsePrecision } from '../numerics/precision.js';
import { flow } from './flow.js';
import { relError } from '../numerics/tolerance.js';
import { runTrajectory } from './runTrajectory.js';
import { quadraticModel } from '../../test-support/quadraticModel.js';

/** An SPD matrix BᵀB + shift·I as exact decimal text (products of 1-place decimals are exact). */
function spd(B: string[][], shift: string): string[][] {
  const D = decimalField(60);
  const p = B[0].length;
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => {
      let s = i === j ? D.from(shift) : D.zero;
      for (const row of B) s = D.add(s, D.mul(D.from(row[i]), D.from(row[j])));
      return s.toString();
    }),
  );
}

/** τ ↦ e^{−τA}(θ₀ − θ*) + θ*, θ* = A⁻¹b, via one dec:60 eigendecomposition of A. */
function closedForm(A: string[][], b: string[] | undefined, theta0: string[]): (tau: Decimal) => Decimal[] {
  const D = decimalField(60);
  const Am = A.map((row) => row.map((x) => D.from(x)));
  const { values, vectors: Q } = eigSym(D, Am);
  const dot = (x: readonly Decimal[], y: readonly Decimal[]) => x.reduce((s, v, i) => D.add(s, D.mul(v, y[i])), D.zero);
  // θ* = Σ q_k (q_k·b)/λ_k.
  const star = A.map(() => D.zero);
  if (b !== undefined) {
    const bv = b.map((x) => D.from(x));
    Q.forEach((q, k) =>
      q.forEach((qi, i) => {
        star[i] = D.add(star[i], D.mul(qi, D.div(dot(q, bv), values[k])));
      }),
    );
  }
  const e0 = theta0.map((x, i) => D.sub(D.from(x), star[i]));
  const coef = Q.map((q) => dot(q, e0));
  return (tau) => {
    const out = star.slice();
    Q.forEach((q, k) => {
      const c = D.mul(coef[k], D.exp(D.neg(D.mul(tau, values[k]))));
      q.forEach((qi, i) => {
        out[i] = D.add(out[i], D.mul(c, qi));
      });
    });
    return out;
  };
}

describe('flow (Dormand–Prince 5(4), step capped at c/S)', () => {
  it('matches e^{−tηA}(θ₀ − θ*) + θ* on random SPD quadratics to 1e-8 relative (b = 0 and b ≠ 0), at every step t·η', () => {
    let worst = 0;
    let rkSteps = 0;
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((p) => fc.tuple(decimalMatrix(p + 1, p, -2, 2, 1), decimalVector(p, -2, 2), decimalVector(p, -1, 1), fc.boolean())),
        fc.double({ min: 0.2, max: 2.5, noNaN: true }),
        ([B, theta0, b, withB], c) => {
          const A = spd(B, '0.1');
          const model = quadraticModel(A, withB ? b : undefined);
          const lambdaMax = eigSym(
            f64,
            A.map((r) => r.map(Number)),
          ).values[0];
          const lr = String(Number((c / lambdaMax).toPrecision(3)));
          const r = runTrajectory(model, f64, theta0, { optimizer: { id: 'flow', lr }, steps: 30, every: 1 });
          expect(r.diverged).toBe(false);
          const D = decimalField(60);
          const exact = closedForm(A, withB ? b : undefined, theta0);
          for (const row of r.rows) {
            const want = exact(D.mul(D.int(row.t), D.from(lr)));
            const err = relError(
              D,
              row.theta.map((x) => D.from(x)),
              want,
            );
            worst = Math.max(worst, err);
            expect(err).toBeLessThan(1e-8);
            rkSteps += row.state.flow?.accepted ?? 0;
          }
        },
      ),
      { numRuns: 40, seed: 19 },
    );
    console.log('flow vs closed form (f64, 30 steps): max relative error', worst, 'accepted RK steps', rkSteps);
  });

  it('is written over the field: dec:30 with rtol 1e-20 matches the closed form to 1e-17', () => {
    const A = [
      ['2', '0.5'],
      ['0.5', '1'],
    ];
    const model = quadraticModel(A);
    const D = decimalField(30);
    const r = runTrajectory(model, D, ['1', '-0.5'], { optimizer: { id: 'flow', lr: '0.5', rtol: 1e-20 }, steps: 3 });
    const D60 = decimalField(60);
    let worst = 0;
    const exact = closedForm(A, undefined, ['1', '-0.5']);
    for (const row of r.rows) {
      const want = exact(D60.mul(D60.int(row.t), D60.from('0.5')));
      worst = Math.max(
        worst,
        relError(
          D60,
          row.theta.map((x) => D60.from(x.toString())),
          want,
        ),
      );
    }
    console.log('flow dec:30, rtol 1e-20: max relative error', worst);
    expect(worst).toBeLessThan(1e-17);
  });

  it('runs in interval arithmetic: step sizes chosen in doubles, the steps taken in the field; interval:40 encloses to 1e-30 and matches the closed form to 1e-9', () => {
    const A = [
      ['2', '0.5'],
      ['0.5', '1'],
    ];
    const F = fieldFor(parsePrecision('interval:40'));
    const model = quadraticModel(A).bind(F);
    const opt = flow(model, { lr: '0.5', rtol: 1e-10 });
    let st = opt.init(['1', '-0.5'].map((x) => F.from(x)));
    const D60 = decimalField(60);
    const exact = closedForm(A, undefined, ['1', '-0.5']);
    let worst = 0;
    let widest = 0;
    for (let t = 1; t <= 3; t++) {
      st = opt.step(st);
      const want = exact(D60.mul(D60.int(t), D60.from('0.5')));
      widest = Math.max(widest, ...st.theta.map((x) => F.radius(x)));
      worst = Math.max(
        worst,
        relError(
          D60,
          st.theta.map((x) => D60.from(F.toNumber(x))),
          want,
        ),
      );
    }
    console.log('flow interval:40, rtol 1e-10: max relative error', worst, 'largest radius', widest, 'RK steps in the last', st.flow?.accepted);
    expect(widest).toBeLessThan(1e-30);
    expect(worst).toBeLessThan(1e-9);
  });

  it('caps the step at c/S: a stiff direction takes ≥ ηS/c steps per interval', () => {
    const model = quadraticModel([
      ['100', '0'],
      ['0', '1'],
    ]);
    const r = runTrajectory(model, f64, ['1', '1'], { optimizer: { id: 'flow', lr: '0.5', capC: 1, rtol: 1e-3 }, steps: 2 });
    // ηS/c = 50: with a loose rtol only the cap limits the step.
    expect(r.rows[1].state.flow!.accepted).toBeGreaterThanOrEqual(50);
  });
});
