import { describe, expect, it } from 'vitest';
import { optimizer } from '../../src/claims/arora/arora.js';
import { effectiveLr, type ManifoldInstance, phaseOne, stopped } from '../../src/claims/arora/manifoldRuns.js';
import { stepper } from '../../src/dynamics/stepper.js';
import { createContext } from '../../src/harness/checkContext.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { DIVERGENCE_BOUND } from '../../src/settings.js';

/**
 * The runs the manifold-toy claims share (L = ½(1 + z²)x², ∇L = ((1 + z²)x, zx²)), against the toy's
 * closed forms: Phase I's step budget and its indifference to DIVERGENCE_BOUND, the step a run that
 * overflowed is reported at, and each rule's effective learning rate.
 */
const f64 = parsePrecision('f64');

function toy(theta: readonly [string, string]) {
  const { ctx } = createContext({ precision: f64, tolerance: { rel: 0 }, mode: 'claim', budget: 1e7 });
  const instance: ManifoldInstance = { model: 'manifold-toy', theta, lr: '0.05', rule: 'ngd', horizon: '0' };
  return { ctx, F: ctx.F, ...ctx.model(instance) };
}

describe('Phase I (phaseOne)', () => {
  it('takes at most maxSteps steps: a budget of T₁ reaches |x| < η, one of T₁ − 1 does not', () => {
    const { F, model, theta } = toy(['1', '1']);
    const opt = () => optimizer(model, 'ngd', '0.02');
    const full = phaseOne(F, opt(), theta, 20_000);
    if (full === undefined) throw new Error('NGD at η = 0.02 from (1, 1) ends Phase I');
    const t1 = full.t;
    expect(t1).toBeGreaterThan(1);
    expect(F.toNumber(F.abs(full.theta[0]))).toBeLessThan(0.02);
    expect(phaseOne(F, opt(), theta, t1)?.t).toBe(t1);
    expect(phaseOne(F, opt(), theta, t1 - 1)).toBeUndefined();
  });

  it(`runs past DIVERGENCE_BOUND (${DIVERGENCE_BOUND}) on a finite θ: from (0.52, 1e13) NGD moves x by η a step and ends at T₁ = 10`, () => {
    // ∇L = ((1 + z²)x, zx²) points along x to 1e-13: NGD's step is η in x, so |x| = 0.52 − 0.05k first falls below 0.05 at k = 10.
    const { F, model, theta } = toy(['0.52', '1e13']);
    const run = phaseOne(F, optimizer(model, 'ngd', '0.05'), theta, 20_000);
    expect(run?.t).toBe(10);
    expect(run?.diverged).toBe(false);
    expect(F.toNumber(run?.theta[1] ?? Number.NaN)).toBeCloseTo(1e13, -1);
  });
});

describe('stopped', () => {
  it('reports a run that overflowed at the step of its first non-finite θ, one after its last finite state', () => {
    const { ctx, F, model, theta } = toy(['2', '1']);
    // GD at η = 1 from (2, 1): x⁺ = x − (1 + z²)x, z⁺ = z − zx² grow like x·z² and z·x² until they overflow.
    let [x, z] = [2, 1];
    let first = 0;
    while (Number.isFinite(x) && Number.isFinite(z)) {
      [x, z] = [x - (1 + z * z) * x, z - z * x * x];
      first++;
    }
    const run = stepper(optimizer(model, 'gd', '1'), theta, { divergenceBound: Number.POSITIVE_INFINITY });
    while (run.step());
    expect(run.diverged).toBe(true);
    expect(run.t).toBe(first - 1);
    const o = stopped(ctx, 'left_flow', run);
    expect(o.verdict).toBe('diverged');
    expect(o.evidence).toMatchObject({ code: 'left_flow', step: first });
    expect(run.theta.every((v) => Number.isFinite(F.toNumber(v)))).toBe(true);
  });
});

describe('effectiveLr', () => {
  it('is η for GD, η/‖∇L‖ for NGD and η/(2√L) for √L-GD, from the closed forms of ∇L and L', () => {
    const { F, model, theta } = toy(['0.3', '-0.7']);
    const [x, z] = [0.3, -0.7];
    const eta = F.from('0.05');
    const grad = Math.hypot((1 + z * z) * x, z * x * x);
    const loss = 0.5 * (1 + z * z) * x * x;
    expect(F.toNumber(effectiveLr(F, model, 'gd', eta, theta))).toBe(0.05);
    expect(F.toNumber(effectiveLr(F, model, 'ngd', eta, theta))).toBeCloseTo(0.05 / grad, 14);
    expect(F.toNumber(effectiveLr(F, model, 'sqrt-gd', eta, theta))).toBeCloseTo(0.05 / (2 * Math.sqrt(loss)), 14);
  });
});
