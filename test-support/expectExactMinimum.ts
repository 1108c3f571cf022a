import type { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import type { BoundModel, DecimalText, Model } from '../src/models/model.js';
import { decimalField } from '../src/numerics/decimalField.js';

/**
 * For the model tests: θ is a minimizer whose loss is the model's L*, exactly: the published
 * `lossStar` text, the loss at θ in dec:50 and the bound L* all print as `lossStar`, and the
 * manifold's residual at θ is exactly 0. Returns the dec:50 binding and θ in it, for further checks.
 */
export function expectExactMinimum(m: Model, theta: readonly DecimalText[], lossStar: DecimalText): { b: BoundModel<Decimal>; t: Decimal[] } {
  expect(m.lossStar).toBe(lossStar);
  const F = decimalField(50);
  const b = m.bind(F);
  const t = theta.map((x) => F.from(x));
  expect(F.toString(b.loss(t))).toBe(lossStar);
  expect(F.toString(b.lossStar!)).toBe(lossStar);
  expect(F.toString(m.manifold!.residual(F, t))).toBe('0');
  return { b, t };
}
