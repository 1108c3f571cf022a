import { Decimal } from 'decimal.js';
import { IndeterminateError } from '../errors.js';
import { DECIMAL_LITERAL, decimalCtor, type DecimalCtor } from './decimalField.js';
import type { Field } from './field.js';
import { directedPower } from './directedPower.js';
import { Interval, upperDouble } from './interval.js';
import { intervalProducts } from './intervalProducts.js';
import type { Precision } from './precision.js';

/**
 * Guard digits for the functions whose decimal.js result is NOT rounded in the requested
 * direction (trigonometric, inverse trigonometric, small-argument sinh/tanh and real powers: they
 * are computed at a higher working precision and then rounded once, so a ROUND_FLOOR clone can
 * still return a value above the exact one). They are evaluated at N + GUARD digits, round half
 * even, and the result is widened by 10^SLACK_DIGITS units in the last place of that precision
 * (plus an absolute allowance where decimal.js cancels, see `guarded`) before rounding outward to
 * N digits. decimal.js aims at 1 ulp; the margin is five orders of magnitude above that, yet it
 * costs nothing at N digits (10^(SLACK_DIGITS − GUARD) = 10^-10 of an N-digit ulp). The
 * enclosure property test (interval:N against dec:2N on random programs) checks the premise.
 */
const GUARD = 15;
const SLACK_DIGITS = 5;

/** Ends of the result of a one-argument function, before they are assembled into an interval. */
type Ends = readonly [Decimal, Decimal];

const cache = new Map<number, Field<Interval>>();

/**
 * Interval arithmetic with ends of `digits` significant digits, rounded outward: lower ends with
 * a ROUND_FLOOR decimal.js clone, upper ends with a ROUND_CEIL clone. Every operation returns an
 * interval that contains the exact result for every choice of arguments inside the argument
 * intervals ("interval results enclose the decimal result at 2× the digits" is tested).
 *
 * Exact directed rounding (decimal.js rounds these correctly in any mode): + − × ÷, sqrt, exp, log
 * and integer powers. Guarded evaluation (see GUARD): sin, cos, tan, sinh, cosh, tanh, asin, acos,
 * atan, asinh, atanh and real powers.
 *
 * Domains: an argument partly outside a function's domain is intersected with it (sqrt([-1, 4]) =
 * [0, 2], log([0, 1]) = [-Infinity, 0]), as IEEE 1788's set-based intervals do; entirely outside
 * gives [NaN, NaN]. Division by an interval containing 0 and tan across a pole throw
 * IndeterminateError. Trigonometric functions need π, which decimal.js knows to 1025 digits, so
 * they throw beyond about 1000 digits.
 *
 * `mul(a, a)` with the same object twice is a square (never negative), which keeps sums of
 * squares such as norms usable when a contains 0.
 */
export function intervalField(digits: number): Field<Interval> {
  const hit = cache.get(digits);
  if (hit !== undefined) return hit;
  const F = makeIntervalField(digits);
  cache.set(digits, F);
  return F;
}

function makeIntervalField(digits: number): Field<Interval> {
  const Down: DecimalCtor = decimalCtor(digits, Decimal.ROUND_FLOOR);
  const Up: DecimalCtor = decimalCtor(digits, Decimal.ROUND_CEIL);
  const Mid: DecimalCtor = decimalCtor(digits + GUARD, Decimal.ROUND_HALF_EVEN);
  const UpG: DecimalCtor = decimalCtor(digits + GUARD, Decimal.ROUND_CEIL);
  const precision: Precision = Object.freeze({ kind: 'interval', digits });
  const slackUnit = new UpG(10).pow(-(digits + GUARD - SLACK_DIGITS));
  const NaNI = new Interval(new Down(NaN), new Down(NaN));

  // π enclosed: decimal.js returns π from its 1025-digit constant, rounded in the clone's mode.
  let piCache: { lo: Decimal; hi: Decimal } | undefined;
  const pi = () => (piCache ??= { lo: new Down(-1).acos(), hi: new Up(-1).acos() });

  const make = (lo: Decimal, hi: Decimal): Interval => new Interval(lo, hi);
  const point = (x: Decimal): Interval => new Interval(x, x);

  const dmin = (...xs: Decimal[]): Decimal => xs.reduce((m, x) => (x.lt(m) ? x : m));
  const dmax = (...xs: Decimal[]): Decimal => xs.reduce((m, x) => (x.gt(m) ? x : m));

  /**
   * f(x) for one decimal x, enclosed: f is evaluated at digits + GUARD and widened by
   * slack·(|f(x)| + absScale) before rounding outward. `absScale` is nonzero only where decimal.js
   * loses digits to cancellation (sin/cos after reducing by π, acos = π/2 − asin): there the
   * error is absolute, relative to the size of the argument, not to the result.
   */
  const guarded = (f: (x: Decimal) => Decimal, x: Decimal, absScale: number | Decimal = 0): Ends => {
    const r = f(new Mid(x));
    if (!r.isFinite()) return [new Down(r), new Up(r)];
    const slack = new UpG(r).abs().plus(absScale).times(slackUnit);
    return [new Down(r).minus(slack), new Up(r).plus(slack)];
  };

  /** Increasing f, evaluated at both ends. */
  const increasing = (f: (x: Decimal) => Decimal, a: Interval, absScale?: (x: Decimal) => number | Decimal): Interval => {
    const lo = guarded(f, a.lo, absScale?.(a.lo))[0];
    const hi = guarded(f, a.hi, absScale?.(a.hi))[1];
    return make(lo, hi);
  };

  const powDir = (x: Decimal, n: number, dir: -1 | 1): Decimal => directedPower(x, n, dir, Down, Up);

  const add = (a: Interval, b: Interval) => make(new Down(a.lo).plus(b.lo), new Up(a.hi).plus(b.hi));
  const sub = (a: Interval, b: Interval) => make(new Down(a.lo).minus(b.hi), new Up(a.hi).minus(b.lo));
  const neg = (a: Interval) => make(a.hi.neg(), a.lo.neg());

  // × and ÷ by the signs of the ends (intervalProducts.ts); a product of an interval with itself is a square.
  const { mul, div } = intervalProducts(Down, Up, (a) => powi(a, 2));

  function powi(a: Interval, n: number): Interval {
    if (!Number.isInteger(n)) throw new RangeError(`powi needs an integer exponent, got ${n}`);
    if (a.isNaN()) return NaNI;
    if (n === 0) return point(new Down(1));
    if (n < 0) return div(point(new Down(1)), powi(a, -n));
    if (n % 2 === 1) return make(powDir(a.lo, n, -1), powDir(a.hi, n, 1));
    // Even power: decreasing on x ≤ 0, increasing on x ≥ 0, minimum 0 inside.
    if (a.lo.gte(0)) return make(powDir(a.lo, n, -1), powDir(a.hi, n, 1));
    if (a.hi.lte(0)) return make(powDir(a.hi, n, -1), powDir(a.lo, n, 1));
    return make(new Down(0), dmax(powDir(a.lo, n, 1), powDir(a.hi, n, 1)));
  }

  const abs = (a: Interval): Interval => {
    if (a.isNaN()) return NaNI;
    if (a.lo.gte(0)) return a;
    if (a.hi.lte(0)) return neg(a);
    return make(new Down(0), dmax(a.lo.neg(), a.hi));
  };

  /** Intersects a with [min, max] (a domain); undefined when they do not meet. */
  const clip = (a: Interval, min: Decimal | number, max: Decimal | number): Interval | undefined => {
    if (a.isNaN() || a.hi.lt(min) || a.lo.gt(max)) return undefined;
    return make(a.lo.lt(min) ? new Down(min) : a.lo, a.hi.gt(max) ? new Up(max) : a.hi);
  };

  const sqrt = (a: Interval): Interval => {
    const c = clip(a, 0, Infinity);
    return c === undefined ? NaNI : make(new Down(c.lo).sqrt(), new Up(c.hi).sqrt());
  };
  const exp = (a: Interval): Interval => make(new Down(a.lo).exp(), new Up(a.hi).exp());
  const log = (a: Interval): Interval => {
    const c = clip(a, 0, Infinity);
    // ln(0) is -Infinity in decimal.js, which is the right lower end when a touches 0.
    return c === undefined ? NaNI : make(new Down(c.lo).ln(), new Up(c.hi).ln());
  };

  /**
   * Whether [a.lo, a.hi] may contain a point c + k·period (k integer), where c = cNum·π/cDen
   * and period = pNum·π. "May" is decided with π enclosed, so a true hit is never missed; a
   * near miss may be reported as a hit, which only loosens the result.
   */
  const mayContainPeriodic = (a: Interval, cNum: number, cDen: number, pNum: number): boolean => {
    const P = make(pi().lo, pi().hi);
    const c = div(mul(P, point(new Down(cNum))), point(new Down(cDen)));
    const period = mul(P, point(new Down(pNum)));
    // Candidate k from a rough estimate, then checked rigorously with a margin of ±1.
    // k is kept as a Decimal (it can exceed 2^53) and estimated with guard digits, so the true k
    // is within ±1 of the estimate; the span covers the width of a.
    const kMid = new Mid(a.lo).plus(a.hi).div(2).minus(c.lo).div(period.lo);
    if (!kMid.isFinite()) return true;
    const k0 = kMid.floor();
    const span = Math.ceil(new Up(a.hi).minus(a.lo).div(period.lo).toNumber()) + 1;
    for (let j = -span; j <= span; j++) {
      const ck = add(c, mul(period, point(k0.plus(j))));
      if (!(ck.hi.lt(a.lo) || ck.lo.gt(a.hi))) return true;
    }
    return false;
  };
  const periodWidthReached = (a: Interval, pNum: number): boolean =>
    !a.lo.isFinite() || !a.hi.isFinite() || new Up(a.hi).minus(a.lo).gte(new Down(pi().lo).times(pNum));

  // decimal.js reduces the argument by π at a precision that grows with the exponent of x, so the
  // absolute error of sin/cos scales with max(1, |x|). For |x| ≤ 1 no reduction happens and the
  // Taylor series of sin (and tan = sin/√(1 − sin²)) has no cancellation: the error is relative,
  // and an absolute slack would ruin tiny results such as sin(1e-40).
  const trigScale = (x: Decimal) => Decimal.max(1, x.abs());
  const sinScale = (x: Decimal) => (x.abs().lte(1) ? 0 : trigScale(x));

  /** sin or cos over an interval: the hull of the end values, plus ±1 where an extremum may lie inside. */
  const periodicRange = (a: Interval, f: (x: Decimal) => Decimal, scale: (x: Decimal) => number | Decimal, maxAt: number, minAt: number): Interval => {
    if (a.isNaN()) return NaNI;
    if (periodWidthReached(a, 2)) return make(new Down(-1), new Up(1));
    const [loA, hiA] = guarded(f, a.lo, scale(a.lo));
    const [loB, hiB] = guarded(f, a.hi, scale(a.hi));
    let lo = dmin(loA, loB);
    let hi = dmax(hiA, hiB);
    // Critical points: maxima at maxAt·π/2 + 2kπ, minima at minAt·π/2 + 2kπ.
    if (mayContainPeriodic(a, maxAt, 2, 2)) hi = new Up(1);
    if (mayContainPeriodic(a, minAt, 2, 2)) lo = new Down(-1);
    // The guard slack may push an end past ±1; sin and cos never leave [-1, 1].
    return make(Decimal.max(lo, -1), Decimal.min(hi, 1));
  };

  const sin = (a: Interval) => periodicRange(a, (x) => x.sin(), sinScale, 1, -1);
  const cos = (a: Interval) => periodicRange(a, (x) => x.cos(), trigScale, 0, 2);
  const tan = (a: Interval): Interval => {
    if (a.isNaN()) return NaNI;
    if (periodWidthReached(a, 1) || mayContainPeriodic(a, 1, 2, 1)) {
      throw new IndeterminateError(`tan of an interval that may contain a pole: ${a.toString()}`);
    }
    // Between poles tan is increasing; its error near a zero is absolute (scaled like sin's)
    // and near a pole it grows with the derivative 1 + tan².
    return increasing(
      (x) => x.tan(),
      a,
      (x) => {
        if (x.abs().lte(1)) return 0;
        const t = new Mid(x).tan();
        // tan = sin/√(1 − sin²) in decimal.js: near a pole 1 − sin² cancels, an error ∝ tan³.
        return trigScale(x).times(t.times(t).plus(1)).times(t.abs().plus(1));
      },
    );
  };

  // Hyperbolic functions from exp, which decimal.js rounds correctly in both directions and computes
  // fast for any argument (its own sinh and tanh take seconds at |x| ≥ 1e4: the working precision
  // grows with the exponent of x). Near 0, sinh and tanh use decimal.js's Taylor series (guarded)
  // because e^x − e^-x cancels there.
  const expEnds = (x: Decimal): Interval => make(new Down(x).exp(), new Up(x).exp());
  const ONE = point(new Down(1));
  const TWO = point(new Down(2));
  /** cosh(x) = (e^x + e^-x)/2 at one point x, enclosed (no cancellation anywhere). */
  const coshEnds = (x: Decimal): Ends => {
    const e = expEnds(x);
    const c = div(add(e, div(ONE, e)), TWO);
    return [Decimal.max(c.lo, 1), c.hi];
  };
  const sinhEnds = (x: Decimal): Ends => {
    if (x.abs().lte(1)) return guarded((y) => y.sinh(), x);
    const e = expEnds(x);
    const c = div(sub(e, div(ONE, e)), TWO);
    return [c.lo, c.hi];
  };
  const tanhEnds = (x: Decimal): Ends => {
    if (x.isNaN()) return [x, x];
    if (x.abs().lte(1)) return guarded((y) => y.tanh(), x);
    // tanh|x| = 1 − 2t/(1 + t) with t = e^{−2|x|} < 0.14 for |x| > 1: no cancellation, and the
    // small quotient keeps its relative accuracy, so the result is within an ulp or two of 1.
    const t = expEnds(new Up(x.abs()).times(-2));
    const tp = sub(ONE, div(mul(TWO, t), add(ONE, t)));
    const lo = Decimal.max(tp.lo, -1);
    const hi = Decimal.min(tp.hi, 1);
    return x.isNegative() ? [hi.neg(), lo.neg()] : [lo, hi];
  };
  const sinh = (a: Interval): Interval => (a.isNaN() ? NaNI : make(sinhEnds(a.lo)[0], sinhEnds(a.hi)[1]));
  const tanh = (a: Interval): Interval => (a.isNaN() ? NaNI : make(tanhEnds(a.lo)[0], tanhEnds(a.hi)[1]));
  const cosh = (a: Interval): Interval => {
    if (a.isNaN()) return NaNI;
    if (a.lo.gte(0)) return make(coshEnds(a.lo)[0], coshEnds(a.hi)[1]);
    if (a.hi.lte(0)) return make(coshEnds(a.hi)[0], coshEnds(a.lo)[1]);
    return make(new Down(1), dmax(coshEnds(a.lo)[1], coshEnds(a.hi)[1]));
  };

  const asin = (a: Interval): Interval => {
    const c = clip(a, -1, 1);
    return c === undefined ? NaNI : increasing((x) => x.asin(), c);
  };
  const acos = (a: Interval): Interval => {
    const c = clip(a, -1, 1);
    if (c === undefined) return NaNI;
    // Decreasing; decimal.js computes π/2 − asin(x), an absolute error of order π·ulp.
    const f = (x: Decimal) => x.acos();
    return make(guarded(f, c.hi, 4)[0], guarded(f, c.lo, 4)[1]);
  };
  const atanh = (a: Interval): Interval => {
    const c = clip(a, -1, 1);
    return c === undefined ? NaNI : increasing((x) => x.atanh(), c);
  };

  const isInteger = (b: Interval) => b.lo.eq(b.hi) && b.lo.isInteger() && b.lo.abs().lte(Number.MAX_SAFE_INTEGER);

  const pow = (a: Interval, b: Interval): Interval => {
    if (a.isNaN() || b.isNaN()) return NaNI;
    if (isInteger(b)) return powi(a, b.lo.toNumber());
    const c = clip(a, 0, Infinity);
    if (c === undefined) return NaNI;
    if (c.lo.isZero() && b.lo.lte(0)) {
      throw new IndeterminateError(`pow: base ${a.toString()} may be 0 with exponent ${b.toString()} ≤ 0`);
    }
    // x^y on x ≥ 0 is monotone in x for fixed y and in y for fixed x, so it is extreme at corners.
    const f = (y: Decimal) => (x: Decimal) => (x.isZero() ? x : x.pow(y));
    const corners: Ends[] = [];
    for (const x of [c.lo, c.hi]) for (const y of [b.lo, b.hi]) corners.push(guarded(f(new Mid(y)), x));
    return make(dmin(...corners.map((e) => e[0])), dmax(...corners.map((e) => e[1])));
  };

  const from = (x: number | string): Interval => {
    let text: string;
    if (typeof x === 'string') {
      text = x.trim();
      if (!DECIMAL_LITERAL.test(text)) throw new TypeError(`not a decimal number: "${x}"`);
    } else {
      if (!Number.isFinite(x)) return point(new Down(x));
      // The number means the decimal JavaScript prints for it (see Field.from).
      text = String(x);
    }
    // The constructors keep every digit of the literal; plus(0) rounds it in their direction.
    return make(new Down(text).plus(0), new Up(text).plus(0));
  };

  const F: Field<Interval> = Object.freeze({
    precision,
    zero: point(new Down(0)),
    one: ONE,
    from,
    int: (n: number) => from(n),
    add,
    sub,
    mul,
    div,
    neg,
    abs,
    sqrt,
    exp,
    log,
    sin,
    cos,
    tan,
    sinh,
    cosh,
    tanh,
    asin,
    acos,
    atan: (a: Interval) => increasing((x) => x.atan(), a),
    asinh: (a: Interval) => increasing((x) => x.asinh(), a),
    atanh,
    pow,
    powi,
    toNumber: (a: Interval) => {
      if (!a.lo.isFinite() || !a.hi.isFinite()) return new Mid(a.lo).plus(a.hi).toNumber();
      return new Mid(a.lo).plus(a.hi).div(2).toNumber();
    },
    toString: (a: Interval) => a.toString(),
    isFinite: (a: Interval) => a.lo.isFinite() && a.hi.isFinite(),
    sign: (a: Interval): -1 | 0 | 1 => {
      if (a.isNaN()) throw new IndeterminateError('sign of NaN');
      if (a.lo.gt(0)) return 1;
      if (a.hi.lt(0)) return -1;
      if (a.lo.isZero() && a.hi.isZero()) return 0;
      throw new IndeterminateError(`sign of an interval containing 0: ${a.toString()}`);
    },
    lt: (a: Interval, b: Interval) => a.hi.lt(b.lo),
    max: (a: Interval, b: Interval) => make(dmax(a.lo, b.lo), dmax(a.hi, b.hi)),
    min: (a: Interval, b: Interval) => make(dmin(a.lo, b.lo), dmin(a.hi, b.hi)),
    radius: (a: Interval) => {
      if (a.isNaN()) return Number.NaN;
      return upperDouble(new Up(a.hi).minus(a.lo).div(2));
    },
  });
  return F;
}
