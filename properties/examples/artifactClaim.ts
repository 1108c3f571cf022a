/**
 * A claim that fails only through float64 rounding: one GD step on a 1-D quadratic multiplies the
 * loss by exactly (1 − ηλ)². With short decimals every quantity is exact at dec:40, so the identity
 * holds there, but f64 rounds η, λ and θ to binary and usually misses by an ulp, and the tolerance
 * is 0. The harness must report it `artifact`, never `violated`.
 */
import fc from 'fast-check';
import { defineClaim, type Instance } from '../../src/claims/index.js';

interface ContractionInstance extends Instance {
  readonly model: 'quadratic';
  readonly data: { readonly A: readonly (readonly string[])[] };
  readonly theta: readonly string[];
  readonly lr: string;
}

const dec = (lo: number, hi: number, places: number) =>
  fc.integer({ min: Math.round(lo * 10 ** places), max: Math.round(hi * 10 ** places) }).map((k) => (k / 10 ** places).toFixed(places));

const contraction = (lambda: fc.Arbitrary<string>) =>
  fc
    .record({ lambda, theta: dec(-2, 2, 2), lr: dec(0.001, 1, 3) })
    .map(({ lambda, theta, lr }): ContractionInstance => ({ model: 'quadratic', data: { A: [[lambda]] }, theta: [theta], lr }));

export const oneStepContraction = defineClaim<ContractionInstance>({
  id: 'example.quadratic.one-step-contraction',
  title: 'One GD step on ½λθ² multiplies the loss by exactly (1 − ηλ)²',
  citation: { paper: 'elementary algebra', where: 'L(θ − ηλθ) = ½λ(1 − ηλ)²θ²' },
  statement: 'For L(θ) = ½λθ², L(θ − η∇L(θ)) = (1 − ηλ)²·L(θ), exactly.',
  kind: 'identity',
  hypotheses: ['a 1-D quadratic (A = [[λ]])', 'θ, η, λ finite decimals'],
  arbitrary: contraction(dec(0.1, 3, 2)),
  check(instance, ctx) {
    const { F } = ctx;
    const { model, theta } = ctx.model(instance);
    const eta = F.from(instance.lr);
    const lambda = F.from(instance.data.A[0][0]);
    const next = theta.map((t, i) => F.sub(t, F.mul(eta, model.grad(theta)[i])));
    const r = F.sub(F.one, F.mul(eta, lambda));
    const lhs = model.loss(next);
    const rhs = F.mul(F.mul(r, r), model.loss(theta));
    const diff = F.abs(F.sub(lhs, rhs));
    const allowed = F.add(F.mul(F.from(ctx.tol.rel), F.abs(rhs)), F.from(ctx.tol.abs));
    const observed = F.toNumber(diff);
    const bound = F.toNumber(allowed);
    const e = { observed, bound, margin: bound - observed };
    return F.lt(allowed, diff)
      ? ctx.violated({ ...e, code: 'identity_broken', message: `L(θ₁) = ${F.toString(lhs)} but (1 − ηλ)²L(θ₀) = ${F.toString(rhs)}` })
      : ctx.holds({ ...e, code: 'identity_holds', message: `L(θ₁) = (1 − ηλ)²L(θ₀) = ${F.toString(lhs)}` });
  },
  negativeControl: {
    // Outside the hypothesis "1-D": along a second axis of another curvature the factor is wrong.
    description: 'a 2-D quadratic diag(λ, λ + 1) with θ₂ ≠ 0, where one factor (1 − ηλ)² cannot describe the step',
    arbitrary: fc.tuple(contraction(dec(0.1, 3, 2)), dec(0.5, 2, 2)).map(([i, t2]) => ({
      ...i,
      data: {
        A: [
          [i.data.A[0][0], '0'],
          ['0', (Number(i.data.A[0][0]) + 1).toFixed(2)],
        ],
      },
      theta: [i.theta[0], t2],
    })),
  },
  tolerance: { ulps: 0 },
  rationale: 'exact identity with tolerance 0 on purpose: every f64 failure is then a rounding artifact the ladder must recognise',
});

export default oneStepContraction;
