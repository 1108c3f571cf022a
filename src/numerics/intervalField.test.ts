import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndeterminateError } from '../errors.js';
import { decimalCtor, decimalField } from './decimalField.js';
import { ELEMENTARY_FUNCTIONS, type Field } from './field.js';
import { Interval, upperDouble } from './interval.js';
import { intervalField } from './intervalField.js';

const I20 = intervalField(20);
const iv = (lo: string, hi: string) => new Interval(new Decimal(lo), new Decimal(hi));
const D = (x: Decimal.Value) => new Decimal(x);

/** Reference values at 60 digits (decimal.js, round half even). */
const ref = (f: (x: Decimal) => Decimal, x: string) => f(new (decimalCtor(60))(x));

/** The exact value of a finite double, as a decimal (m·2^e needs at most ~770 digits). */
function exactDouble(d: number): Decimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, d);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1 : 1;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const m = expBits === 0 ? frac : frac | (1n << 52n);
  const e = (expBits === 0 ? 1 : expBits) - 1075;
  const C = decimalCtor(1100);
  return new C(m.toString()).times(new C(2).pow(e)).times(sign);
}

describe('intervalField: single operations', () => {
  it('from(string) encloses the literal with floor/ceil ends; exact literals stay points', () => {
    expect(I20.from('0.1').toString()).toBe('[0.1, 0.1]');
    const x = intervalField(10).from('0.12345678901234567890123');
    expect(x.toString()).toBe('[0.123456789, 0.1234567891]');
    const neg = intervalField(10).from('-0.12345678901234567890123');
    expect(neg.toString()).toBe('[-0.1234567891, -0.123456789]');
    expect(() => I20.from('1/3')).toThrow(TypeError);
    expect(() => I20.from('0x10')).toThrow(TypeError);
  });

  it('from(number) uses the decimal JavaScript prints', () => {
    expect(I20.from(0.1).toString()).toBe('[0.1, 0.1]');
    expect(I20.from(1e21).toString()).toBe(I20.from('1e21').toString());
    expect(I20.int(7).toString()).toBe('[7, 7]');
  });

  it('1/3, sqrt(2), exp(1), log(2) bracket the 60-digit values, one ulp wide', () => {
    const third = I20.div(I20.one, I20.from('3'));
    expect(third.toString()).toBe('[0.33333333333333333333, 0.33333333333333333334]');
    const cases: [Interval, Decimal][] = [
      [I20.sqrt(I20.from('2')), ref((x) => x.sqrt(), '2')],
      [I20.exp(I20.one), ref((x) => x.exp(), '1')],
      [I20.log(I20.from('2')), ref((x) => x.ln(), '2')],
    ];
    for (const [enc, exact] of cases) {
      expect(enc.contains(exact)).toBe(true);
      expect(enc.hi.minus(enc.lo).div(exact).abs().toNumber()).toBeLessThan(1.1e-19);
    }
  });

  it('mul takes the min/max of the four products; a·a of the same object is a square', () => {
    expect(I20.mul(iv('-2', '3'), iv('-5', '4')).toString()).toBe('[-15, 12]');
    const a = iv('-1', '2');
    expect(I20.mul(a, a).toString()).toBe('[0, 4]');
    expect(I20.mul(a, iv('-1', '2')).toString()).toBe('[-2, 4]');
    expect(I20.mul(iv('0', '0'), iv('-Infinity', 'Infinity')).toString()).toBe('[0, 0]');
  });

  it('mul and div by the signs of the ends equal the extremes of the four rounded corners, every sign pattern', () => {
    // Oracle: all four corner products (quotients) rounded outward at 6 digits, min and max, with
    // 0·x = 0 for products. 9-digit ends make the rounding matter; zeros, infinities and ties are drawn too.
    const I6 = intervalField(6);
    const Down = decimalCtor(6, Decimal.ROUND_FLOOR);
    const Up = decimalCtor(6, Decimal.ROUND_CEIL);
    const corners = (a: Interval, b: Interval, op: 'mul' | 'div', C: typeof Decimal) =>
      [
        [a.lo, b.lo],
        [a.lo, b.hi],
        [a.hi, b.lo],
        [a.hi, b.hi],
      ].map(([x, y]) => (op === 'mul' && (x.isZero() || y.isZero()) ? new C(0) : op === 'mul' ? new C(x).times(y) : new C(x).div(y)));
    const lo = (xs: Decimal[]) => xs.reduce((m, x) => (x.lt(m) ? x : m));
    const hi = (xs: Decimal[]) => xs.reduce((m, x) => (x.gt(m) ? x : m));
    const end = fc.oneof(
      fc.integer({ min: -999_999_999, max: 999_999_999 }).map((k) => `${k}e-4`),
      fc.constantFrom('0', '-0', '1', '-1', '7', '-7', 'Infinity', '-Infinity'),
    );
    const interval = fc.tuple(end, end).map(([x, y]) => (D(x).lte(D(y)) ? new Interval(D(x), D(y)) : new Interval(D(y), D(x))));
    const text = (x: Decimal) => `${x.isNegative() ? '-' : '+'}${x.abs().toString()}`;
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        const m = I6.mul(a, b);
        expect([text(m.lo), text(m.hi)]).toEqual([text(lo(corners(a, b, 'mul', Down))), text(hi(corners(a, b, 'mul', Up)))]);
        if (b.lo.lte(0) && b.hi.gte(0)) return;
        const d = I6.div(a, b);
        expect([text(d.lo), text(d.hi)]).toEqual([text(lo(corners(a, b, 'div', Down))), text(hi(corners(a, b, 'div', Up)))]);
      }),
      { numRuns: 400, seed: 13 },
    );
  });

  it('powi is exact in sign for even powers of intervals containing 0', () => {
    expect(I20.powi(iv('-1', '2'), 2).toString()).toBe('[0, 4]');
    expect(I20.powi(iv('-3', '-2'), 2).toString()).toBe('[4, 9]');
    expect(I20.powi(iv('-3', '-2'), 3).toString()).toBe('[-27, -8]');
    expect(I20.powi(iv('-3', '2'), 3).toString()).toBe('[-27, 8]');
    expect(I20.powi(iv('-3', '2'), 4).toString()).toBe('[0, 81]');
    expect(I20.powi(iv('2', '4'), -2).toString()).toBe('[0.0625, 0.25]');
    expect(I20.powi(iv('-5', '7'), 0).toString()).toBe('[1, 1]');
    const c = I20.powi(I20.from('1.1'), 3);
    expect(c.toString()).toBe('[1.331, 1.331]');
  });

  it('div throws IndeterminateError when the divisor contains 0', () => {
    expect(() => I20.div(I20.one, iv('-1', '1'))).toThrow(IndeterminateError);
    expect(() => I20.div(I20.one, iv('0', '1'))).toThrow(IndeterminateError);
    expect(I20.div(iv('1', '2'), iv('-4', '-2')).toString()).toBe('[-1, -0.25]');
  });

  it('sin and cos include the extrema inside the interval, and only those', () => {
    const piEnc = I20.acos(I20.from('-1'));
    const s = I20.sin(new Interval(D(0), piEnc.hi));
    expect(s.hi.toString()).toBe('1');
    expect(s.lo.toNumber()).toBeLessThanOrEqual(0);
    expect(s.lo.toNumber()).toBeGreaterThan(-1e-18);
    expect(I20.sin(iv('1', '2')).hi.toString()).toBe('1'); // π/2 ≈ 1.5708 inside
    expect(I20.cos(iv('-0.1', '0.1')).hi.toString()).toBe('1');
    expect(I20.cos(iv('3', '3.3')).lo.toString()).toBe('-1'); // π inside
    expect(I20.sin(iv('0', '7')).toString()).toBe('[-1, 1]'); // wider than 2π
    const narrow = I20.sin(iv('0.1', '0.2'));
    expect(narrow.contains(ref((x) => x.sin(), '0.1'))).toBe(true);
    expect(narrow.contains(ref((x) => x.sin(), '0.2'))).toBe(true);
    expect(narrow.hi.toNumber()).toBeLessThan(0.2);
    // Far from 0: 1e6 is reduced by π correctly.
    const far = I20.sin(I20.from('1000000'));
    expect(far.contains(ref((x) => x.sin(), '1000000'))).toBe(true);
    expect(far.hi.minus(far.lo).toNumber()).toBeLessThan(1e-18);
  });

  it('keeps relative accuracy for tiny arguments (no absolute slack where none is needed)', () => {
    for (const f of ['sin', 'sinh', 'tanh', 'asin', 'atan', 'asinh', 'atanh', 'tan'] as const) {
      const y = I20[f](I20.from('1e-40'));
      expect(y.lo.toNumber(), f).toBeGreaterThan(0.99e-40);
      expect(y.hi.toNumber(), f).toBeLessThan(1.01e-40);
    }
  });

  it('hyperbolic functions of large arguments are fast and enclose the exact values', () => {
    const t0 = performance.now();
    const t = I20.tanh(I20.from('2731089.25'));
    expect(t.hi.toString()).toBe('1');
    expect(t.lo.toString()).toBe('0.99999999999999999999');
    expect(I20.tanh(I20.from('-2731089.25')).toString()).toBe('[-1, -0.99999999999999999999]');
    const s = I20.sinh(I20.from('10000'));
    const c = I20.cosh(I20.from('-10000'));
    const e = ref((x) => x.exp().div(2), '10000');
    expect(s.contains(e) && c.contains(e)).toBe(true); // e^-10000 is far below one ulp
    expect(I20.sinh(I20.from('2')).contains(ref((x) => x.sinh(), '2'))).toBe(true);
    expect(I20.tanh(I20.from('-1.5')).contains(ref((x) => x.tanh(), '-1.5'))).toBe(true);
    expect(I20.cosh(I20.from('1e-30')).lo.toString()).toBe('1');
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('tan throws across a pole and is increasing between poles', () => {
    expect(() => I20.tan(iv('1.5', '1.6'))).toThrow(IndeterminateError);
    expect(() => I20.tan(iv('0', '4'))).toThrow(IndeterminateError);
    const t = I20.tan(iv('0', '1'));
    expect(t.lo.toNumber()).toBeLessThanOrEqual(0);
    expect(t.contains(ref((x) => x.tan(), '1'))).toBe(true);
  });

  it('intersects arguments with the domain (IEEE 1788 style); NaN entirely outside', () => {
    expect(I20.sqrt(iv('-1', '4')).toString()).toBe('[0, 2]');
    expect(I20.sqrt(iv('-2', '-1')).isNaN()).toBe(true);
    expect(I20.log(iv('0', '1')).toString()).toBe('[-Infinity, 0]');
    expect(I20.asin(iv('0.5', '3')).hi.toNumber()).toBeCloseTo(Math.PI / 2, 15);
    expect(I20.acos(iv('-3', '-2')).isNaN()).toBe(true);
    expect(() => I20.pow(iv('0', '1'), iv('-0.5', '-0.5'))).toThrow(IndeterminateError);
  });

  it('cosh has its minimum 1 at 0; acos is decreasing; pow is extreme at corners', () => {
    expect(I20.cosh(iv('-1', '2')).lo.toString()).toBe('1');
    const ac = I20.acos(iv('0', '0.5'));
    expect(ac.contains(ref((x) => x.acos(), '0.5'))).toBe(true);
    expect(ac.contains(ref((x) => x.acos(), '0'))).toBe(true);
    const p = I20.pow(iv('0.5', '2'), iv('-1.5', '0.5'));
    for (const [x, y] of [
      ['0.5', '-1.5'],
      ['2', '-1.5'],
      ['0.5', '0.5'],
      ['2', '0.5'],
    ]) {
      expect(p.contains(ref((b) => b.pow(y), x))).toBe(true);
    }
    expect(I20.pow(iv('-2', '-2'), I20.from('3')).toString()).toBe('[-8, -8]');
  });

  it('sign, lt, max, min, radius, toNumber and toString follow the Field contract', () => {
    expect(I20.sign(iv('1', '2'))).toBe(1);
    expect(I20.sign(iv('-2', '-1'))).toBe(-1);
    expect(I20.sign(I20.zero)).toBe(0);
    expect(() => I20.sign(iv('-1', '1'))).toThrow(IndeterminateError);
    expect(() => I20.sign(iv('0', '1'))).toThrow(IndeterminateError);
    expect(I20.lt(iv('0', '1'), iv('2', '3'))).toBe(true);
    expect(I20.lt(iv('0', '2'), iv('2', '3'))).toBe(false);
    expect(I20.max(iv('0', '5'), iv('1', '2')).toString()).toBe('[1, 5]');
    expect(I20.min(iv('0', '5'), iv('1', '2')).toString()).toBe('[0, 2]');
    const third = I20.div(I20.one, I20.from('3'));
    const r = I20.radius(third);
    expect(r).toBeGreaterThanOrEqual(0.5e-20);
    expect(r).toBeLessThan(0.5000001e-20);
    expect(I20.radius(I20.one)).toBe(0);
    expect(I20.toNumber(iv('1', '2'))).toBe(1.5);
    expect(I20.toString(iv('1', '2'))).toBe('[1, 2]');
    expect(I20.isFinite(I20.log(iv('0', '1')))).toBe(false);
    expect(I20.precision).toEqual({ kind: 'interval', digits: 20 });
    expect(intervalField(20)).toBe(I20);
  });

  it('upperDouble never rounds down', () => {
    for (const t of ['0.1', '0.3', '1e-320', '-0.1', '123456789.123456789', '1e400', '-1e-400']) {
      const d = upperDouble(D(t));
      expect(d === Infinity || exactDouble(d).gte(D(t)), t).toBe(true);
    }
    expect(upperDouble(D(0))).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random programs. Each instruction applies one operation to earlier registers. The
// same program runs in interval:N on intervals and in dec:2N on sample points inside them; every
// register's interval must contain every sample's value.

const OPS = ['add', 'sub', 'mul', 'div', 'neg', 'abs', ...ELEMENTARY_FUNCTIONS, 'pow', 'powi', 'max', 'min'] as const;
type Op = (typeof OPS)[number];
interface Instr {
  op: Op;
  i: number;
  j: number;
  n: number;
}

function apply<T>(F: Field<T>, ins: Instr, a: T, b: T): T {
  switch (ins.op) {
    case 'add':
    case 'sub':
    case 'mul':
    case 'div':
    case 'pow':
    case 'max':
    case 'min':
      return F[ins.op](a, b);
    case 'powi':
      return F.powi(a, ins.n);
    default:
      return F[ins.op](a);
  }
}

const num = (x: Decimal) => x.toNumber();
const maxAbs = (a: Interval) => Math.max(Math.abs(num(a.lo)), Math.abs(num(a.hi)));

/** Keeps operands where the decimal reference is defined and moderate, decided on the intervals. */
function allowed(ins: Instr, a: Interval, b: Interval): boolean {
  const lo = num(a.lo);
  const hi = num(a.hi);
  switch (ins.op) {
    case 'div':
      return num(b.lo) > 1e-6 || num(b.hi) < -1e-6;
    case 'sqrt':
      return lo >= 0;
    case 'log':
      return lo > 0;
    // decimal.js's own sinh/tanh (the dec:2N reference) take seconds for |x| ≳ 1e4.
    case 'exp':
    case 'sinh':
    case 'cosh':
    case 'tanh':
      return maxAbs(a) <= 30;
    case 'tan':
      return hi - lo < 1 && Math.abs(Math.cos(lo)) > 1e-3 && Math.abs(Math.cos(hi)) > 1e-3;
    case 'asin':
    case 'acos':
      return lo >= -1 && hi <= 1;
    case 'atanh':
      return lo > -0.999 && hi < 0.999;
    case 'pow':
      return lo > 0 && Math.max(Math.abs(num(b.lo)), Math.abs(num(b.hi))) * Math.max(Math.abs(Math.log(lo)), Math.abs(Math.log(hi))) <= 30;
    case 'powi':
      return (ins.n >= 0 || lo > 1e-6 || hi < -1e-6) && Math.abs(ins.n) * Math.log10(Math.max(maxAbs(a), 1)) <= 30;
    case 'mul':
      return maxAbs(a) * maxAbs(b) < 1e30;
    default:
      return true;
  }
}

interface RunStats {
  executed: Record<string, number>;
  checks: number;
}

function runProgram(N: number, prog: Instr[], inputs: Interval[], samples: Decimal[][], stats: RunStats): void {
  const FI = intervalField(N);
  const FD = decimalField(2 * N);
  const regs: Interval[] = [...inputs];
  const vals: Decimal[][] = samples.map((s) => [...s]);
  for (const ins of prog) {
    const ia = ins.i % regs.length;
    const ib = ins.j % regs.length;
    const a = regs[ia];
    const b = regs[ib];
    let c: Interval | undefined;
    if (allowed(ins, a, b) && maxAbs(a) < 1e30 && maxAbs(b) < 1e30) {
      try {
        c = apply(FI, ins, a, b);
      } catch (e) {
        if (!(e instanceof IndeterminateError)) throw e;
      }
    }
    if (c === undefined) {
      regs.push(a);
      for (const v of vals) v.push(v[ia]);
      continue;
    }
    stats.executed[ins.op] = (stats.executed[ins.op] ?? 0) + 1;
    regs.push(c);
    for (const v of vals) v.push(apply(FD, ins, v[ia], v[ib]));
  }
  regs.forEach((r, k) => {
    for (const v of vals) {
      if (v[k].isNaN()) continue;
      stats.checks++;
      if (!r.contains(v[k])) {
        throw new Error(`register ${k} = ${r.toString()} does not contain ${v[k].toString()} (N = ${N})`);
      }
    }
  });
}

const literal = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -33, max: -27 })).map(([m, e]) => `${m}e${e}`);
const instr = fc.record({
  op: fc.constantFrom(...OPS),
  i: fc.nat({ max: 20 }),
  j: fc.nat({ max: 20 }),
  n: fc.integer({ min: -3, max: 4 }),
});

describe('intervalField: enclosure property (the acceptance criterion)', () => {
  it('interval:N results enclose the dec:2N results of random programs on decimal literals', () => {
    const stats: RunStats = { executed: {}, checks: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom(10, 20, 30),
        fc.array(literal, { minLength: 1, maxLength: 4 }),
        fc.array(instr, { minLength: 1, maxLength: 10 }),
        (N, lits, prog) => {
          const FI = intervalField(N);
          const FD = decimalField(2 * N);
          runProgram(
            N,
            prog,
            lits.map((t) => FI.from(t)),
            [lits.map((t) => FD.from(t))],
            stats,
          );
        },
      ),
      { numRuns: 400, seed: 20240601 },
    );
    // Not vacuous: every operation ran on many instances.
    for (const op of OPS) expect(stats.executed[op] ?? 0, op).toBeGreaterThanOrEqual(20);
    expect(stats.checks).toBeGreaterThan(2000);
  });

  it('interval:N results of wide inputs enclose the dec:2N results at points inside them', () => {
    const stats: RunStats = { executed: {}, checks: 0 };
    const radius = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -8, max: 0 })).map(([m, e]) => `${m}e${e}`);
    fc.assert(
      fc.property(
        fc.constantFrom(12, 25),
        fc.array(fc.tuple(literal, radius), { minLength: 1, maxLength: 3 }),
        fc.array(instr, { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 }),
        (N, ins, prog, fracs) => {
          const C = decimalCtor(2 * N);
          const inputs = ins.map(([x, r]) => new Interval(new C(x).minus(r), new C(x).plus(r)));
          // Samples: all lower ends, all upper ends, and interior points lo + (k/1000)(hi − lo), exact.
          const samples = [
            inputs.map((a) => a.lo),
            inputs.map((a) => a.hi),
            ...fracs.map((f) =>
              inputs.map((a, q) =>
                a.lo.plus(
                  a.hi
                    .minus(a.lo)
                    .times(f[q % 3])
                    .div(1000),
                ),
              ),
            ),
          ];
          runProgram(N, prog, inputs, samples, stats);
        },
      ),
      { numRuns: 300, seed: 77 },
    );
    for (const op of ['mul', 'abs', 'sin', 'cos', 'cosh', 'powi', 'pow', 'div', 'acos']) {
      expect(stats.executed[op] ?? 0, op).toBeGreaterThanOrEqual(10);
    }
  });
});
