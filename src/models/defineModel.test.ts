import { describe, expect, it } from 'vitest';
import { f64 } from '../numerics/f64Field.js';
import type { Field, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import { dataVector, requireParam } from './params.js';

/** L = ½a‖θ − c‖² with a a parameter and c the data: every step of a family's input in one place. */
const family = defineModel({
  id: 'test-bowl',
  title: 'Bowl',
  objective: '½a‖θ − c‖²',
  thetaLayout: 'θ₁..θ_p (p = length of c)',
  params: [{ name: 'a', description: 'curvature', default: '2' }],
  checkParams: (p) => requireParam(Number(p.a) > 0, 'a', 'positive', p.a),
  data: { shape: '{ "c": [...] }', keys: ['c'], read: (obj) => dataVector(obj, 'c') },
  build({ params, data }) {
    requireParam(data.length <= 3 || params.a === '1', 'a', '1 beyond 3 coordinates', params.a);
    return {
      dim: data.length,
      thetaNames: data.map((_, i) => `t${i + 1}`),
      bind<T>(F: Field<T>) {
        const a = F.from(params.a);
        const c = data.map((x) => F.from(x));
        const r = (t: Vec<T>) => t.map((x, i) => F.sub(x, c[i]));
        return {
          loss: (t: Vec<T>) =>
            F.div(
              F.mul(
                a,
                r(t).reduce((s, x) => F.add(s, F.mul(x, x)), F.zero),
              ),
              F.int(2),
            ),
          grad: (t: Vec<T>) => r(t).map((x) => F.mul(a, x)),
          hessian: (t: Vec<T>) => t.map((_, i) => t.map((__, j) => (i === j ? a : F.zero))),
          third: (t: Vec<T>) => t.map(() => F.zero),
        };
      },
    };
  },
});

describe('defineModel', () => {
  it('documents the family as a ModelDef (the data shape only when it takes data)', () => {
    expect({ ...family, create: undefined }).toEqual({
      id: 'test-bowl',
      title: 'Bowl',
      objective: '½a‖θ − c‖²',
      thetaLayout: 'θ₁..θ_p (p = length of c)',
      params: [{ name: 'a', description: 'curvature', default: '2' }],
      data: '{ "c": [...] }',
      create: undefined,
    });
    const bare = defineModel({
      id: 'x',
      title: 'x',
      objective: 'x',
      thetaLayout: 'x',
      build: () => ({ dim: 1, thetaNames: ['x'], bind: family.create({ data: { c: ['0'] } }).bind }),
    });
    expect(bare.params).toEqual([]);
    expect('data' in bare).toBe(false);
  });

  it('records the id and the parameters, defaults filled in, on each instance', () => {
    const m = family.create({ data: { c: ['1', '2'] } });
    expect([m.id, m.dim, m.params, m.thetaNames]).toEqual(['test-bowl', 2, { a: '2' }, ['t1', 't2']]);
    expect(m.bind(f64).loss([2, 2])).toBe(1);
    expect(family.create({ dim: 2, params: { a: '3' }, data: { c: ['1', '2'] } }).params).toEqual({ a: '3' });
  });

  it("reads parameters, their own rules, the data, the family's rules, then θ's length, in that order", () => {
    // Each input is wrong in every later step too: the error names the first step that fails.
    expect(() => family.create({ dim: 9, params: { b: '1' }, data: { d: [] } })).toThrow(/params: unknown parameter "b"/);
    expect(() => family.create({ dim: 9, params: { a: '-1' }, data: { d: [] } })).toThrow(/params: a must be positive/);
    expect(() => family.create({ dim: 9, data: { d: [] } })).toThrow(/data: unknown key "d"/);
    expect(() => family.create({ dim: 9, data: { c: ['1', '2', '3', '4'] } })).toThrow(/params: a must be 1 beyond 3 coordinates/);
    expect(() => family.create({ dim: 9, data: { c: ['1', '2'] } })).toThrow(/theta: model test-bowl has 2 coordinates here, got 9/);
    expect(() => family.create({ dim: 2 })).toThrow(/data: model test-bowl needs data of the form \{ "c": \[\.\.\.\] \}/);
  });
});
