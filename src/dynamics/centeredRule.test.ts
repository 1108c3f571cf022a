import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field } from '../numerics/field.js';
import { Interval } from '../numerics/interval.js';
import { intervalField } from '../numerics/intervalField.js';
import { centeredGdRule } from './centeredRule.js';
import { gdRule, stepper } from './stepper.js';

/** GD on ¼(x² − μ)² written out here (not the model): ∇ = x(x² − μ), ∇² = 3x² − μ. */
function quarticGd<T>(F: Field<T>, mu: string, lr: string) {
  const m = F.from(mu);
  const grad = (t: T[]) => [F.mul(t[0], F.sub(F.mul(t[0], t[0]), m))];
  const hess = (t: T[]) => [[F.sub(F.mul(F.int(3), F.mul(t[0], t[0])), m)]];
  return { plain: gdRule(F, grad, F.from(lr)), centered: centeredGdRule(F, grad, hess, F.from(lr)) };
}

function orbit<T>(F: Field<T>, rule: ReturnType<typeof quarticGd<T>>['plain'], x0: string, n: number): T[] {
  const run = stepper(rule, [F.from(x0)], { divergenceBound: Number.POSITIVE_INFINITY });
  const xs: T[] = [];
  for (let t = 0; t < n && run.step(); t++) xs.push(run.theta[0]);
  return xs;
}

describe('centeredGdRule', () => {
  // a = ημ = 1.1: a stable 2-cycle (multiplier 9 − 2(a + 1)² = 0.18); a = 0.6: convergence to ±√μ
  // after an escape from near 0 (multiplier 1 + a there).
  const cases = [
    { mu: '1.21', lr: '0.9090909090909', x0: '0.77', n: 1000 },
    { mu: '0.64', lr: '0.9375', x0: '0.004', n: 1000 },
  ];

  test.each(cases)('encloses the 120-digit orbit of the cubic map and stays tight (μ = $mu, η = $lr)', ({ mu, lr, x0, n }) => {
    const I = intervalField(40);
    const D = decimalField(120);
    const ref = orbit(D, quarticGd(D, mu, lr).plain, x0, n);
    const enc = orbit(I, quarticGd(I, mu, lr).centered, x0, n);
    expect(enc).toHaveLength(n);
    for (const t of [0, 1, 10, 100, 500, n - 2, n - 1]) {
      // The 120-digit orbit is within ~1e-110 of the exact one (stable orbit, bounded multiplier
      // growth), far inside the 40-digit enclosure's width: containment tests the enclosure.
      expect(enc[t].contains(ref[t]), `step ${t}: ${D.toString(ref[t])} ∉ ${I.toString(enc[t])}`).toBe(true);
      expect(I.radius(enc[t])).toBeLessThan(1e-25);
    }
  });

  test('plain interval stepping of the same orbit widens without bound (why the centred form exists)', () => {
    const I = intervalField(40);
    const { plain } = quarticGd(I, '1.21', '0.9090909090909');
    const run = stepper(plain, [I.from('0.77')], { divergenceBound: Number.POSITIVE_INFINITY });
    let t = 0;
    while (t < 2000 && run.step() && I.radius(run.theta[0]) < 1) t++;
    expect(t).toBeLessThan(2000);
  });

  test('outside interval fields it is gdRule itself: the same bits', () => {
    for (const F of [f64, decimalField(30)] as Field<unknown>[]) {
      const { plain, centered } = quarticGd(F, '1.21', '0.9090909090909');
      expect(orbit(F, centered, '0.77', 300).map((x) => F.toString(x))).toEqual(orbit(F, plain, '0.77', 300).map((x) => F.toString(x)));
    }
  });
});

test("a blown-up enclosure is still stepped (its centre has the ends' significant digits, not their zeros)", () => {
  const I = intervalField(40);
  const { centered } = quarticGd(I, '1.21', '0.9090909090909');
  const x = new Interval(new Decimal('-1e+1000000000'), new Decimal('1e+1000000000'));
  expect(() => centered.step({ t: 0, theta: [x] })).not.toThrow();
});
