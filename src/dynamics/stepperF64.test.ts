import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_INSTANCES } from '../arbitraries/modelInstance.js';
import { kernelsF64, type KernelsF64 } from '../models/kernelsF64.js';
import { makeModel, type BoundModel, type Model } from '../models/model.js';
import { getModelDef } from '../models/registry.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field, Vec } from '../numerics/field.js';
import { lrFor } from '../../test-support/oracleCompare.js';
import { NonFiniteError } from '../errors.js';
import type { ObserverFactory } from './observer.js';
import type { OptimizerId, OptimizerSpec } from './optimizer.js';
import { gd } from './gd.js';
import { momentum } from './momentum.js';
import { pgd } from './pgd.js';
import { runTrajectory, type RunConfig, type RunResult } from './runTrajectory.js';
import { stepperF64 } from './stepperF64.js';
import { traceJson } from './traceJson.js';
import { quadraticModel } from '../../test-support/quadraticModel.js';

/** The bits of a double (so 0 and −0 differ and equality means bit-identical). */
const bits = (x: number): string => new BigUint64Array(Float64Array.of(x).buffer)[0].toString(16);
const vecBits = (v: readonly number[] | undefined) => v?.map(bits);

/** An observer of this layer's own (the observers layer sits above): L and ‖∇L‖ at each recorded step. */
const probe: ObserverFactory = {
  id: 'probe',
  create: () => ({
    observe: ({ point }) => ({ fields: { loss: point.loss(), gradNorm: point.gradNorm() } }),
  }),
};

/** A wrapper of `model` whose f64 kernels (its own, else the generic ones) count their calls (to see that the fast path ran). */
function counted(model: Model): { model: Model; calls: () => number } {
  let n = 0;
  const b64 = model.bind(f64);
  const k = kernelsF64(b64);
  const wrapped: KernelsF64 = {
    lossF64: (t) => (n++, k.lossF64(t)),
    gradF64: (t, out) => (n++, k.gradF64(t, out)),
    ...(k.descendF64 === undefined ? {} : { descendF64: (t: Float64Array, eta: number, bound: number) => (n++, k.descendF64!(t, eta, bound)) }),
  };
  const b64Counted: BoundModel<number> = { ...b64, kernelsF64: () => wrapped };
  const bind = <T>(F: Field<T>): BoundModel<T> => ((F as Field<unknown>) === f64 ? (b64Counted as unknown as BoundModel<T>) : model.bind(F));
  return { model: { ...model, bind }, calls: () => n };
}

/** Fast and generic runs are the same: every θ (and θ⁻) bit for bit, and the whole trace. */
function expectSameRun(fast: RunResult<number>, slow: RunResult<number>): void {
  expect(fast.rows.map((r) => r.t)).toEqual(slow.rows.map((r) => r.t));
  expect(fast.rows.map((r) => vecBits(r.theta))).toEqual(slow.rows.map((r) => vecBits(r.theta)));
  expect(fast.rows.map((r) => vecBits(r.state.prevTheta))).toEqual(slow.rows.map((r) => vecBits(r.state.prevTheta)));
  expect(fast.rows.map((r) => r.state.fixedPoint)).toEqual(slow.rows.map((r) => r.state.fixedPoint));
  expect(fast.rows.map((r) => Object.values(r.fields).map((v) => bits(v as number)))).toEqual(
    slow.rows.map((r) => Object.values(r.fields).map((v) => bits(v as number))),
  );
  expect(traceJson(fast)).toEqual(traceJson(slow));
  expect(fast.events).toEqual(slow.events);
  expect([fast.lastT, fast.diverged]).toEqual([slow.lastT, slow.diverged]);
}

function both(model: Model, theta: readonly string[], config: RunConfig) {
  const c = counted(model);
  const fast = runTrajectory(c.model, f64, theta, config);
  const slow = runTrajectory(model, f64, theta, { ...config, fastF64: false });
  return { fast, slow, calls: c.calls() };
}

const RULES: readonly OptimizerId[] = ['gd', 'ngd', 'sqrt-gd', 'momentum'];

describe('the f64 fast path of runTrajectory', () => {
  for (const id of Object.keys(MODEL_INSTANCES)) {
    it(`gives the generic path's run bit for bit: gd, ngd, sqrt-gd, momentum, stable and divergent η, recorded every 1 or 7 steps (${id})`, () => {
      fc.assert(
        fc.property(MODEL_INSTANCES[id], fc.constantFrom(...RULES), fc.constantFrom(0.2, 3), fc.constantFrom(1, 7), (inst, rule, c, every) => {
          const model = getModelDef(inst.id).create(inst.input);
          const lr = lrFor(model, inst.theta, c);
          // sqrt-gd needs L*: the model's, else one a little below the starting loss.
          const lstar = rule === 'sqrt-gd' && model.lossStar === undefined ? String(model.bind(f64).loss(inst.theta.map(Number)) - 1) : undefined;
          const optimizer: OptimizerSpec = { id: rule, lr, ...(lstar === undefined ? {} : { lstar }) };
          const { fast, slow, calls } = both(model, inst.theta, { optimizer, steps: 60, every, observers: [probe] });
          expectSameRun(fast, slow);
          expect(calls).toBeGreaterThan(0);
        }),
        { numRuns: 12 },
      );
    });
  }

  it('covers the models that provide f64 kernels (deep-scalar, deep-scalar-data, uv, quadratic, diagonal-linear, quadratic-regression)', () => {
    for (const id of ['deep-scalar', 'deep-scalar-data', 'uv', 'quadratic', 'diagonal-linear', 'quadratic-regression']) {
      const inst = fc.sample(MODEL_INSTANCES[id], { numRuns: 1, seed: 1 })[0];
      expect(getModelDef(id).create(inst.input).bind(f64).kernelsF64, id).toBeTypeOf('function');
    }
  });

  it('reports a fixed point at the step it is reached and keeps θ there (ngd at ∇L = 0, sqrt-gd at L = L*)', () => {
    const quad = quadraticModel(
      [
        ['1', '0'],
        ['0', '2'],
      ],
      ['0.5', '-1'],
    );
    // θ = A⁻¹b: ∇L = 0 exactly at the first step.
    const ngdRun = both(quad, ['0.5', '-0.5'], { optimizer: { id: 'ngd', lr: '0.1' }, steps: 25, every: 10 });
    expectSameRun(ngdRun.fast, ngdRun.slow);
    expect(ngdRun.fast.events).toEqual([{ t: 1, kind: 'fixed-point', reason: '∇L = 0' }]);
    // deep-scalar at ∏w = y: L = 0 = L* at once.
    const ds = getModelDef('deep-scalar').create({ dim: 2, params: { target: '1' } });
    const sq = both(ds, ['2', '0.5'], { optimizer: { id: 'sqrt-gd', lr: '0.1' }, steps: 9, every: 4 });
    expectSameRun(sq.fast, sq.slow);
    expect(sq.fast.events).toEqual([{ t: 1, kind: 'fixed-point', reason: 'L ≤ L*' }]);
    expect(sq.fast.rows.map((r) => r.t)).toEqual([0, 4, 8]);
  });

  it('ends on the same diverged event when θ leaves the bound mid-chunk', () => {
    const quad = quadraticModel([
      ['1', '0'],
      ['0', '3'],
    ]);
    for (const every of [1, 5, 1000]) {
      const r = both(quad, ['1', '1'], { optimizer: { id: 'gd', lr: '1' }, steps: 200, every, divergenceBound: 1e6 });
      expectSameRun(r.fast, r.slow);
      expect(r.fast.events.at(-1)).toMatchObject({ t: 20, kind: 'diverged', where: 'theta' });
    }
  });

  it('attributes an exception thrown by a model mid-chunk to the step that threw', () => {
    // L = −θ²/2 (gd grows θ by 1 + η per step) whose gradient throws once |θ| > 2.
    const grows = makeModel({
      id: 'grows',
      dim: 1,
      thetaNames: ['x'],
      bind: <T>(F: Field<T>) => ({
        loss: (t: Vec<T>) => F.neg(F.div(F.mul(t[0], t[0]), F.int(2))),
        grad: (t: Vec<T>) => {
          if (F.lt(F.int(2), F.abs(t[0]))) throw new NonFiniteError('test gradient', 'refused');
          return [F.neg(t[0])];
        },
        hessian: () => [[F.neg(F.one)]],
        third: () => [F.zero],
      }),
    });
    for (const every of [1, 3, 100]) {
      const r = both(grows, ['1'], { optimizer: { id: 'gd', lr: '0.1' }, steps: 50, every });
      expectSameRun(r.fast, r.slow);
      // 1.1⁷ = 1.95, 1.1⁸ = 2.14: step 9 evaluates the gradient at θ₈ and throws.
      expect(r.fast.events).toEqual([{ t: 9, kind: 'diverged', where: 'theta', reason: 'test gradient refused' }]);
      for (const optimizer of [
        { id: 'ngd', lr: '0.1' },
        { id: 'sqrt-gd', lr: '0.1', lstar: '-2.5' },
        { id: 'momentum', lr: '0.1' },
      ] as const) {
        const o = both(grows, ['1'], { optimizer, steps: 50, every });
        expectSameRun(o.fast, o.slow);
        expect(o.fast.events.at(-1), optimizer.id).toMatchObject({ kind: 'diverged', reason: 'test gradient refused' });
      }
    }
  });

  it('takes only the optimizers gd, ngd, sqrtGd and momentum built, and only in f64', () => {
    const model = getModelDef('uv').create({ dim: 2 });
    const b = model.bind(f64);
    expect(stepperF64(gd(b, { lr: 0.1 }), 1e12)).toBeDefined();
    expect(stepperF64(momentum(b, { lr: 0.1 }), 1e12)).toBeDefined();
    // A copy carries the same id and η but is not the built optimizer: it might step differently.
    expect(stepperF64({ ...gd(b, { lr: 0.1 }) }, 1e12)).toBeUndefined();
    expect(stepperF64(gd(model.bind(decimalField(30)), { lr: 0.1 }), 1e12)).toBeUndefined();
    expect(stepperF64(pgd(b, { lr: 0.1 }), 1e12)).toBeUndefined();
  });

  it('resumes from a state (momentum carries θ⁻) as the generic path does', () => {
    const uv = getModelDef('uv').create({ dim: 4, params: { target: '1' } });
    const cfg: RunConfig = { optimizer: { id: 'momentum', lr: '0.05', beta: '0.8' }, steps: 40, every: 8 };
    const first = runTrajectory(uv, f64, ['1', '0.5', '-0.25', '2'], cfg);
    const row = first.rows[2];
    const fast = runTrajectory(uv, f64, [], cfg, { state: row.state });
    const slow = runTrajectory(uv, f64, [], { ...cfg, fastF64: false }, { state: row.state });
    expectSameRun(fast, slow);
    expect(fast.rows[0].t).toBe(16);
  });
});
