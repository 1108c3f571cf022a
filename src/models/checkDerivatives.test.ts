import { describe, expect, it } from 'vitest';
import type { Field, Vec } from '../numerics/field.js';
import { checkDerivatives } from './checkDerivatives.js';
import type { Model } from './model.js';
import { getModelDef } from './registry.js';

/** The model with its bound HVP (or its Hessian, which the default HVP uses) scaled by 1 + ε. */
function spoiled(m: Model, what: 'hvp' | 'hessian', eps: string): Model {
  return {
    ...m,
    bind<T>(F: Field<T>) {
      const b = m.bind(F);
      const k = F.add(F.one, F.from(eps));
      const hvp = (t: Vec<T>, v: Vec<T>) => b.hvp(t, v).map((x) => F.mul(x, k));
      if (what === 'hvp') return { ...b, hvp };
      return { ...b, hessian: (t: Vec<T>) => b.hessian(t).map((row) => row.map((x) => F.mul(x, k))), hvp };
    },
  };
}

describe('checkDerivatives, the oracle of every model', () => {
  const uv = getModelDef('uv').create({ dim: 2, params: { target: '1' } });
  const quartic = getModelDef('quartic').create({ dim: 1, params: { mu: '1' } });
  const at = { theta: ['0.7', '1.3'], u: ['0.6', '-0.8'], v: ['1', '0.5'] };

  it('passes correct closed forms at 90 digits, its own HVP (uv) and the default H·v (quartic) alike', () => {
    const r = checkDerivatives(uv, at.theta, at.u, at.v);
    for (const k of ['grad', 'hessian', 'third', 'hvp', 'dec50'] as const) expect(r[k], k).toBeLessThan(1e-40);
    expect(r.f64).toBeLessThan(1e-14);
    expect(checkDerivatives(quartic, ['1.3'], ['1'], ['1']).hvp).toBeLessThan(1e-40);
  });

  it('catches an HVP off by 1e-12, checked against differences of the gradient, not against H·v', () => {
    const r = checkDerivatives(spoiled(uv, 'hvp', '1e-12'), at.theta, at.u, at.v);
    expect(r.hvp).toBeGreaterThan(1e-13);
    expect(r.hessian).toBeLessThan(1e-40);
  });

  it('catches a wrong Hessian in the HVP too when the HVP is H·v (a model without its own)', () => {
    const r = checkDerivatives(spoiled(quartic, 'hessian', '1e-9'), ['1.3'], ['1'], ['1']);
    expect(r.hessian).toBeGreaterThan(1e-10);
    expect(r.hvp).toBeGreaterThan(1e-10);
  });
});
