import fc from 'fast-check';
import { expect } from 'vitest';
import { f64 } from '../src/numerics/f64Field.js';
import { symmetryDefect } from '../src/numerics/linalg.js';
import { checkDerivatives, type DerivativeReport } from '../src/models/checkDerivatives.js';
import type { DecimalText, Model, ModelDef, ModelInput } from '../src/models/model.js';

/** What every model test holds its closed forms to (the oracle claims use the same bars, claims/oracles/oracle.ts). */
export const DERIVATIVE_BOUNDS: Readonly<Record<keyof DerivativeReport, number>> = Object.freeze({
  grad: 1e-30,
  hessian: 1e-30,
  third: 1e-30,
  hvp: 1e-30,
  f64: 1e-10,
  dec50: 1e-30,
});

/**
 * For the model tests: `checkDerivatives` at θ (90-digit finite differences, f64 and dec:50
 * evaluations) against DERIVATIVE_BOUNDS (a test may widen one, with its reason), and the f64
 * Hessian exactly symmetric (the eigensolvers rely on it). Returns the report.
 */
export function expectDerivatives(
  m: Model,
  theta: readonly DecimalText[],
  u: readonly DecimalText[],
  v: readonly DecimalText[],
  bounds: Partial<Record<keyof DerivativeReport, number>> = {},
): DerivativeReport {
  const r = checkDerivatives(m, theta, u, v);
  const b = { ...DERIVATIVE_BOUNDS, ...bounds };
  for (const k of Object.keys(b) as (keyof DerivativeReport)[]) expect(r[k], k).toBeLessThan(b[k]);
  expect(symmetryDefect(f64, m.bind(f64).hessian(theta.map(Number))), 'f64 Hessian symmetry').toBe(0);
  return r;
}

/** A point θ and two directions u, v, as decimal text: where expectDerivatives checks a model. */
export interface DerivativeCase {
  readonly theta: readonly DecimalText[];
  readonly u: readonly DecimalText[];
  readonly v: readonly DecimalText[];
}

/**
 * For the model tests, over random cases: the instance of `def` built from each case (`input`,
 * with θ's length as its size) passes expectDerivatives at θ along u, v; then the test's own
 * checks on it run (`more`: the loss against the definition, ...).
 */
export function assertDerivatives<C extends DerivativeCase>(
  def: ModelDef,
  cases: fc.Arbitrary<C>,
  input: (c: C) => ModelInput,
  run: fc.Parameters<[C]>,
  more?: (m: Model, c: C) => void,
): void {
  fc.assert(
    fc.property(cases, (c) => {
      const m = def.create({ dim: c.theta.length, ...input(c) });
      expectDerivatives(m, c.theta, c.u, c.v);
      more?.(m, c);
    }),
    run,
  );
}
