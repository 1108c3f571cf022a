import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDerivatives } from './checkDerivatives.js';
import { expr, MAX_THIRD_VARS } from './expr.js';
import { manifoldToy } from './manifoldToy.js';
import { minimalist } from './minimalist.js';
import type { Model } from './model.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field } from '../numerics/field.js';
import { relError, relErrorMat } from '../numerics/tolerance.js';
import { microDecimal, microVector } from '../../test-support/decimalArbs.js';

const D50 = decimalField(50);

function expectOracle(m: Model, theta: string[], u: string[], v: string[], f64Tol = 1e-10): void {
  const r = checkDerivatives(m, theta, u, v);
  expect(r.grad).toBeLessThan(1e-30);
  expect(r.hessian).toBeLessThan(1e-30);
  expect(r.third).toBeLessThan(1e-30);
  expect(r.hvp).toBeLessThan(1e-30);
  expect(r.f64).toBeLessThan(f64Tol);
  expect(r.dec50).toBeLessThan(1e-30);
}

describe('expr: derivatives', () => {
  const formulas: [string, string[], number, number][] = [
    ['(x*y-1)^2/2', ['x', 'y'], -2, 2],
    ['log(cosh(x*y - 0.3))', ['x', 'y'], -2, 2],
    ['sin(x)*exp(y)+x^3*y', ['x', 'y'], -2, 2],
    ['((w1*w2*w3)-2)^2/2', ['w1', 'w2', 'w3'], -2, 2],
    // every allowed function and power form; θ > 0 so that x^y, log and x^-2 are defined
    [
      'tan(x)*tanh(y) + atan(x*y) + sqrt(x^2+y^2+1) + x^-2 + 2^x + x^y + asinh(x)*acos(y/3) + asin(x/3)' +
        ' + atanh(y/3) + abs(x - 3) + log(x) + sinh(y) * cos(x) + square(x - y) + cube(y) + pi*e*x',
      ['x', 'y'],
      0.2,
      1.5,
    ],
  ];
  for (const [formula, vars, lo, hi] of formulas) {
    it(`closed forms of ${formula} agree with finite differences (1e-30), f64 to 1e-10`, () => {
      const m = expr.create({ expr: formula, vars, dim: vars.length });
      const p = vars.length;
      fc.assert(
        fc.property(microVector(p, lo, hi), microVector(p, -1, 1), microVector(p, -1, 1), (t, u, v) => expectOracle(m, t, u, v)),
        { numRuns: 8, seed: 71 },
      );
    });
  }

  // Random formulas can be ill-conditioned in double (e.g. sqrt(1 + c²)^x with c ≈ 0.003: ln of a base
  // within 4e-6 of 1 keeps only ~11 digits), so f64 is held to 1e-7 here; decimal keeps its 1e-30.
  it('random formulas: closed forms agree with finite differences (1e-30), f64 to 1e-7', () => {
    const vars = ['x', 'y', 'z'];
    const { e } = fc.letrec<{ e: string; leaf: string }>((tie) => ({
      leaf: fc.oneof({ arbitrary: fc.constantFrom(...vars), weight: 3 }, { arbitrary: fc.noBias(microDecimal(-2, 2)).map((c) => `(${c})`), weight: 1 }),
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        tie('leaf'),
        fc.tuple(fc.constantFrom('sin', 'cos', 'exp', 'tanh', 'atan', 'sinh', 'square', 'cube', '-'), tie('e')).map(([f, a]) => `${f}(${a})`),
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a}) / (1 + (${b})^2)`),
        fc.tuple(tie('e'), fc.integer({ min: -3, max: 4 })).map(([a, n]) => (n < 0 ? `(1 + (${a})^2)^(${n})` : `(${a})^${n}`)),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `sqrt(1 + (${a})^2)^(${b})`),
        tie('e').map((a) => `log(1 + (${a})^2)`),
      ),
    }));
    // θ avoids the special points 0, ±1 (unbiased): where an odd-order derivative is exactly 0, the
    // central difference is O(h²) ≠ 0 and the oracle's relative error reads 1.
    const point = fc.array(fc.noBias(microDecimal(-1, 1)), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(e, point, microVector(3, -1, 1), microVector(3, -1, 1), (formula, t, u, v) => {
        expectOracle(expr.create({ expr: formula, vars }), t, u, v, 1e-7);
      }),
      { numRuns: 40, seed: 72 },
    );
  });

  it('Hessians are exactly symmetric and the third derivative is the symmetric tensor ∇³L[u,u]', () => {
    const m = expr.create({ expr: 'sin(a*b) + a*c^3 + exp(b*c)', vars: ['a', 'b', 'c'] });
    const b = m.bind(f64);
    const H = b.hessian([0.3, -0.7, 1.1]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(H[i][j]).toBe(H[j][i]);
    // Polarization: ∇³L[e_b + e_c]² − ∇³L[e_b − e_c]² = 4·∂ᵢ∂_b∂_c L, known in closed form here.
    const t = [0.3, -0.7, 1.1];
    const plus = b.third(t, [0, 1, 1]);
    const minus = b.third(t, [0, 1, -1]);
    const Tbc = plus.map((x, i) => (x - minus[i]) / 4);
    // ∂a∂b∂c L = 0; ∂b∂c exp(bc) = (1 + bc)e^{bc}, so ∂b∂b∂c L = (2c + bc²)e^{bc} and ∂c∂b∂c L = (2b + b²c)e^{bc}.
    const [, bb, c] = t;
    expect(Tbc[0]).toBeCloseTo(0, 14);
    expect(Tbc[1]).toBeCloseTo((2 * c + bb * c * c) * Math.exp(bb * c), 12);
    expect(Tbc[2]).toBeCloseTo((2 * bb + c * bb * bb) * Math.exp(bb * c), 12);
  });
});

describe('expr: agrees with the hand-written models', () => {
  const cases: [string, string[], Model][] = [
    ['(x^2*y^2-1)^2/4', ['x', 'y'], minimalist.create({})],
    ['(1+z^2)*x^2/2', ['x', 'z'], manifoldToy.create({})],
  ];
  const compare = <T>(F: Field<T>, a: Model, b: Model, t: string[], u: string[]): number => {
    const A = a.bind(F);
    const B = b.bind(F);
    const th = t.map((x) => F.from(x));
    const uu = u.map((x) => F.from(x));
    return Math.max(
      relError(F, [A.loss(th)], [B.loss(th)]),
      relError(F, A.grad(th), B.grad(th)),
      relErrorMat(F, A.hessian(th), B.hessian(th)),
      relError(F, A.hvp(th, uu), B.hvp(th, uu)),
      relError(F, A.third(th, uu), B.third(th, uu)),
    );
  };
  for (const [formula, vars, model] of cases) {
    it(`${formula} is ${model.id} in f64 (1e-13) and dec:50 (1e-45)`, () => {
      const m = expr.create({ expr: formula, vars });
      fc.assert(
        fc.property(microVector(2, -2, 2), microVector(2, -1, 1), (t, u) => {
          expect(compare(f64, m, model, t, u)).toBeLessThan(1e-13);
          expect(compare(D50, m, model, t, u)).toBeLessThan(1e-45);
        }),
        { numRuns: 40, seed: 73 },
      );
    });
  }
});

describe('expr: numbers', () => {
  it('0.1 in a formula is one tenth at dec:50: (x − 0.1)² and its gradient vanish exactly at x = 0.1', () => {
    const b = expr.create({ expr: '(x - 0.1)^2', vars: ['x'] }).bind(D50);
    const x = [D50.from('0.1')];
    expect(D50.toString(b.loss(x))).toBe('0');
    expect(D50.toString(b.grad(x)[0])).toBe('0');
    expect(D50.toString(b.hessian(x)[0][0])).toBe('2');
  });

  it('keeps long literals to the field precision', () => {
    const lit = '0.12345678901234567890123456789012345678901234567890123';
    const b = expr.create({ expr: `x - ${lit}`, vars: ['x'] }).bind(D50);
    expect(D50.toString(b.loss([D50.zero]))).toBe(D50.toString(D50.neg(D50.from(lit))));
  });

  it('integer powers work for negative bases, exactly', () => {
    const b = expr.create({ expr: 'x^3 + x^-2', vars: ['x'] }).bind(D50);
    const x = [D50.from('-2')];
    expect(D50.toString(b.loss(x))).toBe('-7.75');
    expect(D50.toString(b.grad(x)[0])).toBe('12.25'); // 3x² − 2x⁻³
    expect(D50.toString(b.hessian(x)[0][0])).toBe('-11.625'); // 6x + 6x⁻⁴
    expect(D50.toString(b.third(x, [D50.one])[0])).toBe('6.75'); // 6 − 24x⁻⁵
    expect(
      expr
        .create({ expr: 'x^3', vars: ['x'] })
        .bind(f64)
        .loss([-2]),
    ).toBe(-8);
  });

  it('pi and e are the constants, at the field precision', () => {
    const b = expr.create({ expr: 'sin(pi*x) + log(e*y)', vars: ['x', 'y'] }).bind(D50);
    const v = b.loss([D50.one, D50.one]);
    expect(Math.abs(D50.toNumber(D50.sub(v, D50.one)))).toBeLessThan(1e-48);
  });

  it('is an instance like the others: θ names, no L*, no manifold, bindings cached per field', () => {
    const m = expr.create({ expr: 'x*y', vars: ['x', 'y'], dim: 2 });
    expect(m.id).toBe('expr');
    expect(m.dim).toBe(2);
    expect(m.thetaNames).toEqual(['x', 'y']);
    expect(m.lossStar).toBeUndefined();
    expect(m.manifold).toBeUndefined();
    expect(m.bind(f64)).toBe(m.bind(f64));
    expect(m.bind(f64).hessian([3, 4])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(m.bind(f64).third([3, 4], [1, 1])).toEqual([0, 0]);
  });
});

describe('expr: bad input', () => {
  const create =
    (formula: string, vars: string[] = ['x', 'y']) =>
    () =>
      expr.create({ expr: formula, vars });
  it.each([
    ['a = 1', /expr: assignments are not allowed/],
    ['f(x) = x', /expr: function definitions are not allowed/],
    ['import({}, {})', /expr: unknown function "import"/],
    ['evaluate("1")', /expr: unknown function "evaluate"/],
    ['parse("x")', /expr: unknown function "parse"/],
    ['x * z', /expr: unknown symbol "z" \(variables: x, y/],
    ['x[1]', /expr: property access and indexing are not allowed/],
    ['"str"', /expr: strings are not allowed/],
    ['x ? 1 : 2', /expr: conditionals/],
    ['[1,2]', /expr: matrices and arrays are not allowed/],
    ['{a: 1}', /expr: objects are not allowed/],
    ['x.y', /expr: property access/],
    ['x; y', /expr: several statements/],
    ['x == y', /expr: the operator "==" \(equal\) is not allowed/],
    ['x!', /expr: the operator "!" \(factorial\)/],
    ['x mod y', /expr: the operator "mod"/],
    ['1:3', /expr: ranges are not allowed/],
    ['true', /expr: the constant true is not a number/],
    ['5 cm', /expr: unknown symbol "cm"/],
    ['sin(x, y)', /expr: sin takes one argument, got 2/],
    ['log(x, 2)', /expr: log takes one argument/],
    ['gamma(x)', /expr: unknown function "gamma"/],
    ['(x', /expr: cannot parse/],
    ['', /expr: the expr model needs a formula/],
  ])('rejects %j', (formula, message) => {
    expect(create(formula)).toThrow(message);
  });

  it('rejects bad --vars, a dimension that does not match, and --param', () => {
    expect(() => expr.create({ expr: 'x' })).toThrow(/vars: the expr model needs its variables/);
    expect(create('x', ['x', 'x'])).toThrow(/vars: "x" is given twice/);
    expect(create('x', ['x', 'sin'])).toThrow(/vars: "sin" is the name of a function/);
    expect(create('x', ['x', 'pi'])).toThrow(/vars: "pi" is the name of a function, constant/);
    expect(create('x', ['x', 'mod'])).toThrow(/vars: "mod" is the name/);
    expect(create('x', ['x', '2y'])).toThrow(/vars: "2y" is not a variable name/);
    expect(create('x', ['x', 'a.b'])).toThrow(/vars: "a.b" is not a variable name/);
    expect(() => expr.create({ expr: 'x*y', vars: ['x', 'y'], dim: 3 })).toThrow(/theta: model expr has 2 coordinates/);
    expect(() => expr.create({ expr: 'x', vars: ['x'], params: { a: '1' } })).toThrow(/params: unknown parameter "a"/);
  });

  it(`limits third derivatives to ${MAX_THIRD_VARS} variables with a clear error, and only them`, () => {
    const vars = Array.from({ length: MAX_THIRD_VARS + 1 }, (_, i) => `w${i}`);
    const b = expr.create({ expr: vars.join(' + '), vars }).bind(f64);
    const t = vars.map(() => 1);
    expect(b.grad(t)).toEqual(t);
    expect(b.hessian(t)[0][0]).toBe(0);
    expect(() => b.third(t, t)).toThrow(/vars: third derivatives \(∇S\) of a formula are limited to 12 variables, got 13/);
  });
});
