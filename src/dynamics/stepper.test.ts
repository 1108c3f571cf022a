import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { getModelDef } from '../models/registry.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { DIVERGENCE_BOUND } from '../settings.js';
import { gd } from './gd.js';
import { nesterov } from './nesterov.js';
import { runTrajectory } from './runTrajectory.js';
import { gdRule, gdStepper, stepper, updateRule } from './stepper.js';
import { quadraticModel } from '../../test-support/quadraticModel.js';

const uv = () => getModelDef('uv').create({ params: { target: '1' }, dim: 2 });
const quad1 = (lam: string) => quadraticModel([[lam]]);

describe('stepper', () => {
  it('steps gd to the same bits as runTrajectory', () => {
    const model = uv();
    const b = model.bind(f64);
    const run = stepper(gd(b, { lr: 0.3 }), [1.5, 0.2]);
    const got = [run.theta, ...[...run.steps(40)].map((s) => s.theta)];
    const ref = runTrajectory(model, f64, [1.5, 0.2], { optimizer: { id: 'gd', lr: 0.3 }, steps: 40 });
    expect(got).toEqual(ref.rows.map((r) => r.theta));
    expect(run.t).toBe(40);
    expect(run.diverged).toBe(false);
  });

  it('gdRule on a gradient function, and gdStepper on a model, are gd to the bit, in decimal too', () => {
    const F = decimalField(40);
    const b = uv().bind(F);
    const a = stepper(gd(b, { lr: '0.45' }), [F.from('2.1'), F.from('0.3')]);
    const c = stepper(
      gdRule(F, (x) => b.grad(x), F.from('0.45')),
      [F.from('2.1'), F.from('0.3')],
    );
    const m = gdStepper(b, F.from('0.45'), [F.from('2.1'), F.from('0.3')]);
    for (let k = 0; k < 25; k++) {
      a.step();
      c.step();
      m.step();
      expect(c.theta.map((x) => F.toString(x))).toEqual(a.theta.map((x) => F.toString(x)));
      expect(m.theta.map((x) => F.toString(x))).toEqual(a.theta.map((x) => F.toString(x)));
    }
    // gdStepper passes the divergence bound on.
    expect(gdStepper(b, F.from('0.45'), [F.from('2.1'), F.from('0.3')], { divergenceBound: 1 }).diverged).toBe(true);
  });

  it('ends at the divergence bound, keeping the last iterate within it', () => {
    // θ⁺ = (1 − ηλ)θ with ηλ = 3: |θ_t| = 2ᵗ, first beyond 1e12 at t = 40.
    const b = quad1('1').bind(f64);
    const run = stepper(gd(b, { lr: 3 }), [1]);
    const seen = [...run.steps(100)];
    expect(seen.length).toBe(39);
    expect(run.t).toBe(39);
    expect(Math.abs(run.theta[0])).toBe(2 ** 39);
    expect(run.diverged).toBe(true);
    expect(run.divergence).toMatch(/beyond the divergence bound 1000000000000/);
    expect(run.step()).toBe(false);
    expect(run.t).toBe(39);
    expect(2 ** 40).toBeGreaterThan(DIVERGENCE_BOUND);
  });

  it('with an infinite bound only Inf/NaN ends the run', () => {
    const b = quad1('1').bind(f64);
    const run = stepper(gd(b, { lr: 3 }), [1], { divergenceBound: Number.POSITIVE_INFINITY });
    const seen = [...run.steps(2000)];
    // 2¹⁰²³ is the last power of two below the f64 overflow.
    expect(seen.length).toBe(1023);
    expect(Math.abs(run.theta[0])).toBe(2 ** 1023);
    expect(run.divergence).toMatch(/θ\[0\] is not finite/);
  });

  it('a start beyond the bound is diverged at once', () => {
    const run = stepper(
      updateRule(f64, (x) => x),
      [2e12],
    );
    expect(run.diverged).toBe(true);
    expect([...run.steps(5)]).toEqual([]);
  });

  it('rejects a non-positive bound naming the option', () => {
    expect(() =>
      stepper(
        updateRule(f64, (x) => x),
        [1],
        { divergenceBound: 0 },
      ),
    ).toThrow(UsageError);
    expect(() =>
      stepper(
        updateRule(f64, (x) => x),
        [1],
        { divergenceBound: 0 },
      ),
    ).toThrow(/divergence bound/);
  });

  it('updateRule passes t', () => {
    const run = stepper(
      updateRule(f64, (x, t) => [x[0] + t]),
      [0],
    );
    expect([...run.steps(4)].map((s) => s.theta[0])).toEqual([0, 1, 3, 6]);
  });
});

describe('nesterov', () => {
  // On ½λθ² the rule is the linear recurrence θ⁺ = (1 + β)(1 − ηλ)θ − β(1 − ηλ)θ⁻.
  it('follows the closed-form recurrence on a 1-D quadratic', () => {
    const F = decimalField(50);
    const lam = F.from('3');
    const eta = F.from('0.2');
    const beta = F.from('0.7');
    const run = stepper(nesterov(quad1('3').bind(F), eta, beta), [F.one]);
    const c = F.sub(F.one, F.mul(eta, lam));
    let prev = F.one;
    let cur = F.one;
    for (let k = 0; k < 30; k++) {
      const next = F.sub(F.mul(F.mul(F.add(F.one, beta), c), cur), F.mul(F.mul(beta, c), prev));
      prev = cur;
      cur = next;
      run.step();
      expect(F.toNumber(F.abs(F.sub(run.theta[0], cur)))).toBeLessThan(1e-40);
    }
  });

  it('is stable just below (2 + 2β)/(1 + 2β) and unstable just above', () => {
    const beta = 0.5;
    const thr = (2 + 2 * beta) / (1 + 2 * beta);
    const growth = (f: number) => {
      const run = stepper(nesterov(quad1('1').bind(f64), thr * f, beta), [1]);
      for (let k = 0; k < 3000; k++) run.step();
      return Math.abs(run.theta[0]);
    };
    expect(growth(0.99)).toBeLessThan(1e-6);
    expect(growth(1.01)).toBeGreaterThan(1e6);
  });
});
