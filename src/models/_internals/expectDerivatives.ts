import { expect } from 'vitest';
import { f64 } from '../../numerics/f64Field.js';
import { symmetryDefect } from '../../numerics/linalg.js';
import { checkDerivatives, type DerivativeReport } from '../checkDerivatives.js';
import type { DecimalText, Model } from '../model.js';

/** What every model test holds its closed forms to (the oracle claims use the same bars, claims/oracles/oracle.ts). */
export const DERIVATIVE_BOUNDS: Readonly<Record<keyof DerivativeReport, number>> = Object.freeze({
  grad: 1e-30, hessian: 1e-30, third: 1e-30, hvp: 1e-30, f64: 1e-10, dec50: 1e-30,
});

/**
 * For the model tests: `checkDerivatives` at θ (90-digit finite differences, f64 and dec:50
 * evaluations) against DERIVATIVE_BOUNDS (a test may widen one, with its reason), and the f64
 * Hessian exactly symmetric (the eigensolvers rely on it). Returns the report.
 */
export function expectDerivatives(
  m: Model, theta: readonly DecimalText[], u: readonly DecimalText[], v: readonly DecimalText[],
  bounds: Partial<Record<keyof DerivativeReport, number>> = {},
): DerivativeReport {
  const r = checkDerivatives(m, theta, u, v);
  const b = { ...DERIVATIVE_BOUNDS, ...bounds };
  for (const k of Object.keys(b) as (keyof DerivativeReport)[]) expect(r[k], k).toBeLessThan(b[k]);
  expect(symmetryDefect(f64, m.bind(f64).hessian(theta.map(Number))), 'f64 Hessian symmetry').toBe(0);
  return r;
}
