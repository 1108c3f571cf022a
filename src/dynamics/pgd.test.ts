import type { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MODEL_INSTANCES, type ModelInstance } from '../arbitraries/modelInstance.js';
import { decimalText } from '../arbitraries/decimalText.js';
import type { Model } from '../models/model.js';
import { getModelDef } from '../models/registry.js';
import { decimalField } from '../numerics/decimalField.js';
import { eigSym } from '../numerics/eigSym.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field } from '../numerics/field.js';
import { pgd, projectOntoStableSet } from './pgd.js';
import { pointInfo } from './pointInfo.js';
import { runTrajectory } from './runTrajectory.js';
import { quadraticModel } from '../../test-support/quadraticModel.js';

const stats = {
  steps: 0,
  projected: 0,
  atResolution: 0,
  failed: 0,
  worstExcess: -Infinity,
  worstNewton: 0,
  worstDistanceAtResolution: 0,
  reasons: new Set<string>(),
};
afterAll(() => console.log('pgd feasibility (re-evaluated in dec:50):', { ...stats, reasons: [...stats.reasons] }));

/**
 * At θ, evaluated independently in dec:50 (Jacobi eigensolver): (S − 2/η)/(2/η), |∇L·u|/‖∇L‖ and
 * the Newton distance |∇L·u|/S/‖θ‖ to the constraint surface.
 */
function residualsDec50(model: Model, theta: readonly number[], lr: string): { excess: number; newton: number; distance: number } {
  const D = decimalField(50);
  const b = model.bind(D);
  const th = theta.map((x) => D.from(x));
  const { values, vectors } = eigSym(D, b.hessian(th));
  const g = b.grad(th);
  const u = vectors[0];
  const ug = g.reduce((s, x, i) => D.add(s, D.mul(x, u[i])), D.zero);
  const gn = D.sqrt(g.reduce((s, x) => D.add(s, D.mul(x, x)), D.zero));
  const edge = D.div(D.int(2), D.from(lr));
  return {
    excess: D.toNumber(D.div(D.sub(values[0], edge), edge)),
    newton: gn.isZero() ? 0 : D.toNumber(D.div(D.abs(ug), gn)),
    distance: D.toNumber(D.div(D.div(D.abs(ug), values[0]), D.sqrt(th.reduce((s, x) => D.add(s, D.mul(x, x)), D.zero)))),
  };
}

/** η = κ·2/S(θ₀) as short text, so that some starts are above the edge and some below. */
function lrAround(model: Model, theta: readonly string[], kappa: number): string | undefined {
  const S = eigSym(f64, model.bind(f64).hessian(theta.map(Number))).values[0];
  if (!(S > 1e-3)) return undefined;
  return String(Number(((kappa * 2) / S).toPrecision(4)));
}

describe('pgd', () => {
  it('is exact on the cubic toy at x = 0: M ∩ {x = 0} is the half-space a₀ + bz ≤ 2/η (f64 1e-12, dec:40 1e-30)', () => {
    let worstF64 = 0;
    let worstDec = 0;
    fc.assert(
      fc.property(
        decimalText(0.5, 3),
        decimalText(-2, 2),
        decimalText(0, 1),
        decimalText(-2, 2),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        (a0, b, c, z0, kappa) => {
          const [A0, B, C, Z0] = [a0, b, c, z0].map(Number);
          fc.pre(Math.abs(B) > 0.05 && A0 + B * Z0 > 0.1);
          const lr = String(Number(((kappa * 2) / (A0 + B * Z0)).toPrecision(4)));
          const eta = Number(lr);
          const steps = 20;
          // The sharpness a₀ + bz must stay positive (u = e_x) along the run.
          fc.pre(A0 + B * (Z0 + steps * eta * C) > 0.1 && A0 + B * Math.min(Z0, (2 / eta - A0) / B) > 0.1);
          const model = getModelDef('cubic-toy').create({ dim: 2, params: { a0, b, c } });
          const check = <T>(F: Field<T>, tol: number): number => {
            const r = runTrajectory(model, F, ['0', z0], { optimizer: { id: 'pgd', lr }, steps });
            expect(r.diverged).toBe(false);
            // Exact: z_e = (2/η − a₀)/b; feasible iff (a₀ + bz ≤ 2/η); the projection clamps z to z_e.
            const [a, bb, cc, eta2] = [a0, b, c, lr].map((x) => F.from(x));
            const ze = F.div(F.sub(F.div(F.int(2), eta2), a), bb);
            const clamp = (z: T) => (F.lt(F.div(F.int(2), eta2), F.add(a, F.mul(bb, z))) ? ze : z);
            let z = clamp(F.from(z0));
            let worst = 0;
            for (const row of r.rows) {
              expect(row.state.projection!.projected).toBe(true);
              expect(F.toNumber(row.theta[0])).toBe(0);
              const err = F.toNumber(F.abs(F.sub(row.theta[1], z))) / Math.max(1, Math.abs(F.toNumber(z)));
              worst = Math.max(worst, err);
              expect(err).toBeLessThanOrEqual(tol);
              z = clamp(F.add(z, F.mul(eta2, cc)));
            }
            return worst;
          };
          worstF64 = Math.max(worstF64, check(f64, 1e-12));
          worstDec = Math.max(worstDec, check(decimalField(40), 1e-30));
        },
      ),
      { numRuns: 40, seed: 11 },
    );
    console.log('pgd exactness on the cubic toy: max relative error f64', worstF64, 'dec:40', worstDec);
  });

  it('whenever a step reports projected, S ≤ (2/η)(1 + 1e-9) and |∇L·u| ≤ 1e-9‖∇L‖, or |∇L·u|/S ≤ 1e-9‖θ‖ at resolution (re-evaluated in dec:50)', () => {
    const ids = ['cubic-toy', 'uv', 'deep-scalar'];
    const arb = fc.constantFrom(...ids).chain((id) => fc.tuple(MODEL_INSTANCES[id], fc.double({ min: 0.6, max: 1.4, noNaN: true })));
    fc.assert(
      fc.property(arb, ([inst, kappa]: [ModelInstance, number]) => {
        const model = getModelDef(inst.id).create(inst.input);
        const lr = lrAround(model, inst.theta, kappa);
        fc.pre(lr !== undefined);
        const r = runTrajectory(model, f64, inst.theta, { optimizer: { id: 'pgd', lr: lr! }, steps: 5 });
        for (const row of r.rows) {
          const p = row.state.projection!;
          stats.steps++;
          if (!p.projected) {
            stats.failed++;
            stats.reasons.add(p.reason!.replace(/[0-9]+/g, 'N'));
            continue;
          }
          stats.projected++;
          const { excess, newton, distance } = residualsDec50(model, row.theta, lr!);
          stats.worstExcess = Math.max(stats.worstExcess, excess);
          expect(excess).toBeLessThanOrEqual(1e-9);
          if (p.atResolution === true) {
            // ∇L vanishes to working precision (θ† is a minimizer): the constraint holds as a distance.
            stats.atResolution++;
            stats.worstDistanceAtResolution = Math.max(stats.worstDistanceAtResolution, distance);
            expect(distance).toBeLessThanOrEqual(1e-9);
          } else {
            stats.worstNewton = Math.max(stats.worstNewton, newton);
            expect(newton).toBeLessThanOrEqual(1e-9);
          }
        }
      }),
      { numRuns: 60, seed: 13 },
    );
    expect(stats.projected).toBeGreaterThan(0.8 * stats.steps);
  });

  it('projects in decimal too, to 10^−(N−10) (dec:40, re-checked in dec:50)', () => {
    const D = decimalField(40);
    const D50 = decimalField(50);
    const check = (model: Model, theta: string[], lr: string) => {
      const r = projectOntoStableSet(
        model.bind(D),
        theta.map((x) => D.from(x)),
        D.from(lr),
      );
      expect(r.report.projected).toBe(true);
      expect(r.report.iterations).toBeGreaterThan(0);
      const res = residualsDec50(
        model,
        r.theta.map((x: Decimal) => x.toNumber()),
        lr,
      );
      // Re-evaluate at the exact decimal point (not its nearest double).
      const P = pointInfo(
        model.bind(D50),
        r.theta.map((x: Decimal) => D50.from(x.toString())),
      );
      const edge = D50.div(D50.int(2), D50.from(lr));
      const ug = D50.abs(P.grad().reduce((s, x, i) => D50.add(s, D50.mul(x, P.top()[i])), D50.zero));
      expect(D50.toNumber(D50.div(D50.sub(P.sharpness(), edge), edge))).toBeLessThanOrEqual(1e-29);
      if (r.report.atResolution === true) {
        const norm = D50.sqrt(P.theta.reduce((s, x) => D50.add(s, D50.mul(x, x)), D50.zero));
        expect(D50.toNumber(D50.div(D50.div(ug, P.sharpness()), norm))).toBeLessThanOrEqual(1e-36);
      } else {
        expect(D50.toNumber(D50.div(ug, P.gradNorm()))).toBeLessThanOrEqual(1e-29);
      }
      expect(res.excess).toBeLessThanOrEqual(1e-15);
      return { report: r.report };
    };
    // The cubic toy: ∇L ≠ 0 on M (∂z L = −c), so the relative form of the Newton constraint applies.
    const toy = check(getModelDef('cubic-toy').create({ dim: 2, params: { a0: '1', b: '1', c: '0.1' } }), ['0.3', '0.5'], '1.669');
    expect(toy.report.atResolution).toBeUndefined();
    // uv: the Newton constraint drives θ onto the minimizers, where ∇L vanishes to working precision
    // (S₀ ≈ 2.3 > 2/η = 1.6 ≥ √2, the least sharpness of a minimizer, so M is not empty).
    const uv = check(getModelDef('uv').create({ dim: 4, params: { target: '1' } }), ['1.3', '-0.2', '1.6', '0.4'], '1.25');
    expect(uv.report.atResolution).toBe(true);
  });

  it('reports failure instead of returning an infeasible point (∇S⊥ = 0 above the edge)', () => {
    // A quadratic has ∇S = 0: a start above the edge cannot be projected.
    const model = quadraticModel([
      ['4', '0'],
      ['0', '1'],
    ]).bind(f64);
    const opt = pgd(model, { lr: 1 });
    const s = opt.init([0.5, 0.5]);
    expect(s.projection!.projected).toBe(false);
    expect(s.projection!.reason).toMatch(/∇S⊥ = 0/);
    expect(s.projection!.sharpnessExcess).toBeCloseTo(1, 12);
    const r = runTrajectory(
      quadraticModel([
        ['4', '0'],
        ['0', '1'],
      ]),
      f64,
      ['0.5', '0.5'],
      { optimizer: { id: 'pgd', lr: 1 }, steps: 2 },
    );
    expect(r.events[0]).toMatchObject({ t: 0, kind: 'projection-failed', where: 'theta' });
  });

  it('newtonFirst: on the cubic toy from x ≠ 0 above the edge it lands on x = 0, on the stable side of the clamp (2/η − a₀)/b and within 1e-3 of it; elsewhere every point it reports projected is feasible (dec:50)', () => {
    let worst = 0;
    let onToy = 0;
    fc.assert(
      fc.property(
        decimalText(0.5, 3),
        decimalText(0.1, 2),
        decimalText(0, 1),
        decimalText(-0.05, 0.05),
        fc.double({ min: 1.05, max: 2, noNaN: true }),
        (a0, b, c, x0, kappa) => {
          // From z₀ = 1, S ≈ a₀ + b is above the edge 2/η = (a₀ + b)/κ, κ > 1.
          const [A0, B] = [a0, b].map(Number);
          fc.pre(B > 0.05 && Math.abs(Number(x0)) > 0.01);
          const lr = Number(((kappa * 2) / (A0 + B)).toPrecision(4));
          const ze = (2 / lr - A0) / B;
          // x = 0 is the only zero of ∇L·u where a₀ + bz > √(bc) (constrainedTrajectory.ts): there the answer is exact.
          fc.pre(A0 + B * ze > Math.sqrt(B * Number(c)) + 0.05);
          const model = getModelDef('cubic-toy').create({ dim: 2, params: { a0, b, c } }).bind(f64);
          const r = projectOntoStableSet(model, [Number(x0), 1], lr, { newtonFirst: true });
          if (!r.report.projected) return;
          onToy++;
          // Feasible points need only S ≤ 2/η: the sharpness step is taken at the first Newton iterate, not yet at x = 0,
          // so it can stop below the edge and the next Newton step needs no further one (1e-11 at a₀ = 0.5, b = 0.1, c = 0,
          // x₀ = 0.07, κ = 1.05, where the linearised order, both steps from (x₀, 1), stops 3e-4 below; at most 2.2e-4 here).
          expect(Math.abs(r.theta[0])).toBeLessThan(1e-10);
          const short = (ze - r.theta[1]) / Math.max(1, Math.abs(ze));
          worst = Math.max(worst, Math.abs(short));
          expect(short).toBeGreaterThan(-1e-12);
          expect(short).toBeLessThan(1e-3);
        },
      ),
      { numRuns: 40, seed: 17 },
    );
    console.log('newtonFirst on the cubic toy: projected', onToy, 'of 40, largest relative distance below the clamp', worst);
    expect(onToy).toBeGreaterThanOrEqual(35);
    const ids = ['cubic-toy', 'uv', 'deep-scalar'];
    const arb = fc.constantFrom(...ids).chain((id) => fc.tuple(MODEL_INSTANCES[id], fc.double({ min: 0.6, max: 1.4, noNaN: true })));
    let projected = 0;
    fc.assert(
      fc.property(arb, ([inst, kappa]: [ModelInstance, number]) => {
        const model = getModelDef(inst.id).create(inst.input);
        const lr = lrAround(model, inst.theta, kappa);
        fc.pre(lr !== undefined);
        const r = projectOntoStableSet(model.bind(f64), inst.theta.map(Number), Number(lr), { newtonFirst: true });
        if (!r.report.projected) return;
        projected++;
        const { excess, newton, distance } = residualsDec50(model, r.theta, lr!);
        expect(excess).toBeLessThanOrEqual(1e-9);
        expect(r.report.atResolution === true ? distance : newton).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 40, seed: 19 },
    );
    expect(projected).toBeGreaterThan(20);
  });
});
