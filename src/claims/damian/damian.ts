import type { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { pgd, projectionTolerance } from '../../dynamics/pgd.js';
import { pointInfo } from '../../dynamics/pointInfo.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import type { Field, Vec } from '../../numerics/field.js';
import { unitRoundoff } from '../../numerics/tolerance.js';
import { gd } from '../../dynamics/gd.js';
import { stepper } from '../../dynamics/stepper.js';
import type { CheckContext, Claim, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { DNL } from '../papers.js';

/**
 * Damian, Nichani, Lee (self-stabilization), claims.md §3.B, on the cubic toy M-SS (§2.7):
 * L(x, z) = ½(a₀ + b·z)x² − c·z. GD on it is DNL's reduced map eq. (3) exactly, with
 * ỹ = a₀ + b·z − 2/η, α = bc, β = b², δ² = 2α/β = 2c/b.
 */


/** The toy's coefficients, as decimal text. */
export type ToyParams = {
  readonly a0: string;
  readonly b: string;
  readonly c: string;
};

/**
 * GD (or PGD) on the cubic toy, or, in negative controls, on a perturbation of it written as an
 * `expr` model (a curvature term C·z² inside the sharpness, or a quartic q·x⁴/24), whose claimed
 * reduced coefficients are still those of `toy`.
 */
export interface ToyInstance extends Instance {
  readonly model: 'cubic-toy' | 'expr';
  readonly params: { readonly [key: string]: string };
  readonly toy: ToyParams;
  /** (x₀, z₀). */
  readonly theta: readonly string[];
  readonly lr: string;
  readonly steps: number;
  readonly expr?: string;
  readonly vars?: readonly string[];
  /** The reduced map's (α, β) when the instance states them (must be bc and b²). */
  readonly map?: { readonly alpha: string; readonly beta: string };
  /** A false variant of the statement, for negative controls only. */
  readonly variant?: string;
}

const D = decimalCtor(60);
const text = (d: Decimal): string => (d.isZero() ? '0' : d.toFixed());

interface ToyGenotype {
  readonly etaK: number;
  readonly bK: number;
  readonly cK: number;
  readonly yK: number;
  readonly xK: number;
  readonly xNeg: boolean;
  readonly steps: number;
  readonly pert: number;
}

export interface ToyOptions {
  /** Range of the step count (shrinks to the low end). */
  readonly steps: readonly [number, number];
  /** x₀ as thousandths of δ = √(2c/b) (shrinks to the low end). */
  readonly xMilli: readonly [number, number];
  /** η·ỹ₀ in thousandths (shrinks toward 0 when the range contains it). */
  readonly etaYMilli: readonly [number, number];
  /** Negative controls: perturb the loss (C·z² in the sharpness, or a quartic q·x⁴/24 term), or none. */
  readonly perturb?: 'none' | 'curved' | 'quartic';
  /** State (α, β) = (bc, b²) on the instance, or (bc, 0): the map without its β term. */
  readonly map?: 'none' | 'exact' | 'no-beta';
  readonly variant?: string;
  /** Largest η in thousandths (default 50). */
  readonly etaMaxMilli?: number;
}

/**
 * Instances of the cubic toy in dimensionless coordinates (claims.md §7): η = k/1000 ∈ [0.01, 0.05],
 * b ∈ [0.5, 2], c ∈ [0.005, 0.1] (so η√(2α) ≤ 0.032: the reduced map spirals outward slowly,
 * claims.md §3.B.5), a₀ = (2 + ηỹ₀)/η rounded to 10 decimals, z₀ = 0, x₀ a fraction of δ (8 digits).
 * Everything shrinks toward η = 0.01, b = 1, c = 0.01, ỹ₀ = 0 and few steps.
 */
export function toyInstance(o: ToyOptions): fc.Arbitrary<ToyInstance> {
  const [ylo, yhi] = o.etaYMilli;
  const g: fc.Arbitrary<ToyGenotype> = fc.record({
    etaK: fc.integer({ min: 10, max: o.etaMaxMilli ?? 50 }),
    bK: fc.integer({ min: -50, max: 100 }),
    cK: fc.integer({ min: 10, max: 200 }),
    yK: fc.integer({ min: ylo, max: yhi }),
    // x₀ = 0 exactly (the progressive-sharpening stage) one time in five when the range allows it.
    xK: o.xMilli[0] === 0
      ? fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: o.xMilli[1] }), weight: 4 })
      : fc.integer({ min: o.xMilli[0], max: o.xMilli[1] }),
    xNeg: fc.boolean(),
    steps: fc.integer({ min: o.steps[0], max: o.steps[1] }),
    pert: fc.integer({ min: 1, max: 100 }),
  });
  return g.map((x) => buildToy(x, o));
}

function buildToy(g: ToyGenotype, o: ToyOptions): ToyInstance {
  const eta = new D(g.etaK).div(1000);
  const b = new D(100 + g.bK).div(100);
  const c = new D(g.cK).div(2000);
  const a0 = new D(2).plus(new D(g.yK).div(1000)).div(eta).toDecimalPlaces(10);
  const delta = c.times(2).div(b).sqrt();
  const x0 = delta.times(g.xK).div(1000).toSignificantDigits(8).times(g.xNeg ? -1 : 1);
  const toy: ToyParams = { a0: text(a0), b: text(b), c: text(c) };
  const base = { toy, lr: text(eta), steps: g.steps, ...(o.variant !== undefined ? { variant: o.variant } : {}) };
  const map = o.map === 'exact' ? { map: { alpha: text(b.times(c)), beta: text(b.times(b)) } }
    : o.map === 'no-beta' ? { map: { alpha: text(b.times(c)), beta: '0' } } : {};
  if ((o.perturb ?? 'none') === 'none') {
    return { model: 'cubic-toy', params: { ...toy }, theta: [text(x0), '0'], ...base, ...map };
  }
  if (o.perturb === 'curved') {
    // s(z) = a₀' + b·z + C·z² with z₀ = ½ and a₀' = a₀ − b/2: the toy's ỹ₀, but ∇S = b + 2Cz ≠ b.
    const C = new D(g.pert).div(1000);
    const a0p = a0.minus(b.div(2));
    return {
      model: 'expr', params: {}, expr: `0.5*(${text(a0p)} + ${text(b)}*z + ${text(C)}*z^2)*x^2 - ${text(c)}*z`, vars: ['x', 'z'],
      theta: [text(x0), '0.5'], ...base, toy: { ...toy, a0: text(a0p) }, ...map,
    };
  }
  const q = new D(g.pert).div(20);
  return {
    model: 'expr', params: {}, expr: `0.5*(${text(a0)} + ${text(b)}*z)*x^2 - ${text(c)}*z + ${text(q)}*x^4/24`, vars: ['x', 'z'],
    theta: [text(x0), '0'], ...base, ...map,
  };
}

/** The toy read at ctx's precision. */
interface Toy<T> {
  readonly F: Field<T>;
  readonly a0: T;
  readonly b: T;
  readonly c: T;
  readonly eta: T;
  readonly edge: T;
  readonly alpha: T;
  readonly beta: T;
  readonly delta2: T;
  /** ỹ(z) = a₀ + b·z − 2/η, and the size of its terms (its rounding scale). */
  y(z: T): T;
  yScale(z: T): T;
}

function readToy<T>(instance: ToyInstance, ctx: CheckContext<T>): Toy<T> {
  const { F } = ctx;
  const a0 = F.from(instance.toy.a0);
  const b = F.from(instance.toy.b);
  const c = F.from(instance.toy.c);
  const eta = F.from(instance.lr);
  ctx.assume(F.sign(b) > 0 && F.sign(c) > 0 && F.sign(eta) > 0, 'toy_signs', 'b, c and η must be positive (α = bc > 0: progressive sharpening)');
  const edge = F.div(F.int(2), eta);
  return {
    F, a0, b, c, eta, edge,
    alpha: F.mul(b, c),
    beta: F.mul(b, b),
    delta2: F.div(F.mul(F.int(2), c), b),
    y: (z: T) => F.sub(F.add(a0, F.mul(b, z)), edge),
    yScale: (z: T) => F.add(F.add(F.abs(a0), F.abs(F.mul(b, z))), edge),
  };
}

/** The hypothesis "the loss is exactly the cubic toy of `toy`" (a perturbed `expr` model breaks it). */
function assumeExactToy<T>(instance: ToyInstance, ctx: CheckContext<T>): void {
  const p = instance.params;
  ctx.assume(instance.model === 'cubic-toy' && p.a0 === instance.toy.a0 && p.b === instance.toy.b && p.c === instance.toy.c,
    'not_cubic', 'the loss must be exactly ½(a₀ + b·z)x² − c·z (C = 0, no quartic term) with the stated a₀, b, c');
}

/** margin = 1 − err/bound: ≥ 0 iff err ≤ bound. */
const marginOf = (err: number, bound: number): number => (bound > 0 ? 1 - err / bound : err === 0 ? 1 : Number.NEGATIVE_INFINITY);

const EXACT_RATIONALE =
  'Exact identities (claims.md §0.3): the slack is for rounding only. 1024 ulps (2.3e-13 in f64, 5e-37 at dec:40) per step, ' +
  'accumulated linearly over the steps, relative to the size of the terms summed (|x| for x; |a₀| + |b·z| + 2/η for ỹ): ' +
  'measured f64 errors are below 1e-15 per step (observed maxima are reported in the evidence), and a wrong map or a ' +
  'perturbed loss misses by 1e-6 or more. Being a multiple of the unit roundoff, the slack tightens as the ladder climbs.';

// ─── damian.reduced-map.exact ───────────────────────────────────────────────────────────────────

export const reducedMapExact: Claim<ToyInstance> = defineClaim<ToyInstance>({
  id: 'damian.reduced-map.exact',
  title: 'GD on the cubic toy is exactly DNL\'s reduced map x⁺ = −(1 + ηỹ)x, ỹ⁺ = ỹ + η(α − βx²/2)',
  citation: { paper: DNL, where: '§4.1, equation (3) (the reduced two-dimensional map); exactness on M-SS derived in claims.md §2.7' },
  statement:
    'For L(x, z) = ½(a₀ + b·z)x² − c·z and any η > 0, GD from (x₀, z₀) and the map x⁺ = −(1 + ηỹ)x, ' +
    'ỹ⁺ = ỹ + η(α − βx²/2) from (x₀, a₀ + b·z₀ − 2/η) with α = bc, β = b² agree at every step: x_t = x̂_t and a₀ + b·z_t − 2/η = ỹ̂_t.',
  kind: 'identity',
  hypotheses: ['the loss is exactly ½(a₀ + b·z)x² − c·z (C = 0, no quartic term)', 'b, c, η > 0', 'the map uses α = bc and β = b²'],
  arbitrary: toyInstance({ steps: [1, 1000], xMilli: [0, 1500], etaYMilli: [-30, 30], map: 'exact' }),
  check<T>(instance: ToyInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    assumeExactToy(instance, ctx);
    const toy = readToy(instance, ctx);
    const alpha = instance.map !== undefined ? F.from(instance.map.alpha) : toy.alpha;
    const beta = instance.map !== undefined ? F.from(instance.map.beta) : toy.beta;
    const close = (a: T, b: T) => !F.lt(F.mul(F.from(1e-12), F.add(F.abs(b), F.from(1e-300))), F.abs(F.sub(a, b)));
    ctx.assume(close(alpha, toy.alpha) && close(beta, toy.beta), 'map_coefficients', `the map's (α, β) = (${instance.map?.alpha}, ${instance.map?.beta}) must be (bc, b²)`);
    const { model, theta } = ctx.model(instance);
    let th = theta;
    let x = th[0];
    let y = toy.y(th[1]);
    const u = unitRoundoff(ctx.precision);
    const per = ctx.tol.rel;
    let worst = { ratio: -1, err: 0, bound: 0, step: 0, what: 'x' };
    for (let t = 1; t <= instance.steps; t++) {
      const g = model.grad(th);
      th = th.map((v, i) => F.sub(v, F.mul(toy.eta, g[i])));
      const xPrev = x;
      x = F.neg(F.mul(F.add(F.one, F.mul(toy.eta, y)), x));
      y = F.add(y, F.mul(toy.eta, F.sub(alpha, F.div(F.mul(beta, F.mul(xPrev, xPrev)), F.int(2)))));
      if (!F.isFinite(th[0]) || !F.isFinite(th[1])) {
        return ctx.diverged({ code: 'non_finite', message: `GD left the finite numbers at step ${t}`, observed: Number.NaN, bound: 0, margin: Number.NaN, step: t });
      }
      const yGd = toy.y(th[1]);
      const ex = F.toNumber(F.abs(F.sub(th[0], x)));
      const bx = per * t * (F.toNumber(F.abs(th[0])) + F.toNumber(F.abs(x))) + u * 1e-300;
      const ey = F.toNumber(F.abs(F.sub(yGd, y)));
      const by = per * t * F.toNumber(toy.yScale(th[1]));
      for (const [err, bound, what] of [[ex, bx, 'x'], [ey, by, 'ỹ']] as const) {
        const ratio = bound > 0 ? err / bound : err > 0 ? Infinity : 0;
        if (!(ratio <= 1)) {
          return ctx.violated({
            code: 'map_mismatch', step: t, observed: err, bound, margin: marginOf(err, bound),
            message: `step ${t}: GD's ${what} = ${what === 'x' ? F.toString(th[0]) : F.toString(yGd)} but the reduced map gives ${what === 'x' ? F.toString(x) : F.toString(y)} (|diff| ${err.toExponential(3)} > ${bound.toExponential(3)})`,
            details: { alpha: F.toString(alpha), beta: F.toString(beta) },
          });
        }
        if (ratio > worst.ratio) worst = { ratio, err, bound, step: t, what };
      }
    }
    return ctx.holds({
      code: 'map_exact', step: worst.step, observed: worst.err, bound: worst.bound, margin: marginOf(worst.err, worst.bound),
      message: `GD = reduced map for ${instance.steps} steps; worst ${worst.what} difference ${worst.err.toExponential(3)} at step ${worst.step}`,
    });
  },
  negativeControl: {
    description: 'the map without its self-stabilization term (β = 0), or a loss outside the hypothesis (C·z² in the sharpness, or a quartic q·x⁴/24): GD and the map must part',
    arbitrary: fc.oneof(
      toyInstance({ steps: [20, 200], xMilli: [300, 1500], etaYMilli: [-30, 30], map: 'no-beta' }),
      toyInstance({ steps: [5, 200], xMilli: [300, 1500], etaYMilli: [-30, 30], map: 'exact', perturb: 'curved' }),
      toyInstance({ steps: [5, 200], xMilli: [300, 1500], etaYMilli: [-30, 30], map: 'exact', perturb: 'quartic' }),
    ),
  },
  tolerance: { ulps: 1024 },
  rationale: EXACT_RATIONALE,
});


// ─── damian.four-stages ────────────────────────────────────────────────────────────────────────

export const fourStages: Claim<ToyInstance> = defineClaim<ToyInstance>({
  id: 'damian.four-stages',
  title: 'The four stages of EoS on the reduced map: sharpening, blow-up, self-stabilization, return to stability',
  citation: { paper: DNL, where: '§4.1 and Fig. 2 ("the four stages of edge of stability"), on the map of equation (3)' },
  statement:
    'On x⁺ = −(1 + ηỹ)x, ỹ⁺ = ỹ + η(α − βx²/2) with α, β > 0 and δ² = 2α/β: (1) at x = 0, ỹ⁺ − ỹ = ηα; ' +
    '(2) for x ≠ 0, |x⁺| > |x| iff |1 + ηỹ| > 1; (3) ỹ⁺ < ỹ iff x² > δ²; (4) for −2 < ηỹ < 0 and x ≠ 0, |x⁺| < |x|; ' +
    '(5) (±δ, 0) is a period-2 orbit; and (6) from x₀ ≠ 0 and ỹ₀ > 0 the sharpness offset ỹ falls (self-stabilization) ' +
    'within T₁ = ⌈ln(δ/|x₀|)/ln(1 + ηỹ₀)⌉ + 1 steps.',
  kind: 'forall',
  hypotheses: ['α = bc > 0 and β = b² > 0, the coefficients of the cubic toy ½(a₀ + b·z)x² − c·z', 'η > 0'],
  // Any state, and (half the time) a state below δ above the edge, where stage (6) applies.
  arbitrary: fc.oneof(
    toyInstance({ steps: [1, 60], xMilli: [0, 2000], etaYMilli: [-2500, 300], map: 'exact' }),
    toyInstance({ steps: [1, 60], xMilli: [1, 999], etaYMilli: [1, 300], map: 'exact' }),
  ),
  check<T>(instance: ToyInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    const toy = readToy(instance, ctx);
    const alpha = F.from(instance.map?.alpha ?? F.toString(toy.alpha));
    const beta = F.from(instance.map?.beta ?? F.toString(toy.beta));
    ctx.assume(!F.lt(F.mul(F.from(1e-12), toy.beta), F.abs(F.sub(beta, toy.beta))) && !F.lt(F.mul(F.from(1e-12), toy.alpha), F.abs(F.sub(alpha, toy.alpha))),
      'map_coefficients', 'the map must use α = bc and β = b²');
    const eta = toy.eta;
    const step = (x: T, y: T) => [
      F.neg(F.mul(F.add(F.one, F.mul(eta, y)), x)),
      F.add(y, F.mul(eta, F.sub(alpha, F.div(F.mul(beta, F.mul(x, x)), F.int(2))))),
    ] as const;
    const x0 = F.from(instance.theta[0]);
    const y0 = toy.y(F.from(instance.theta[1]));
    const u = unitRoundoff(ctx.precision);
    const slack = ctx.tol.rel;
    const fail = (code: string, message: string, observed: number, bound: number): Outcome =>
      ctx.violated({ code, message, observed, bound, margin: bound - observed, details: { alpha: F.toString(alpha), beta: F.toString(beta) } });
    const [x1, y1] = step(x0, y0);
    // A side of an iff decided within rounding is uncertain: the ladder decides it.
    const sideOf = (d: T, scale: number): 1 | -1 | 0 => {
      const v = F.toNumber(d);
      if (Math.abs(v) <= slack * scale) return 0;
      return v > 0 ? 1 : -1;
    };
    let unsure = false;
    const stages: string[] = [];
    const yScale = F.toNumber(toy.yScale(F.from(instance.theta[1]))) + F.toNumber(F.abs(y0));
    // (1) progressive sharpening at x = 0.
    if (F.sign(x0) === 0) {
      const d = F.toNumber(F.abs(F.sub(F.sub(y1, y0), F.mul(eta, alpha))));
      if (d > slack * yScale + u) return fail('sharpening_rate', `at x = 0, ỹ⁺ − ỹ = ${F.toString(F.sub(y1, y0))} ≠ ηα = ${F.toString(F.mul(eta, alpha))}`, d, slack * yScale);
      stages.push('sharpening');
    } else {
      // (2) blow-up iff |1 + ηỹ| > 1.
      const xs = F.toNumber(F.abs(x0));
      const grow = sideOf(F.sub(F.abs(x1), F.abs(x0)), xs * 4);
      const factor = sideOf(F.sub(F.abs(F.add(F.one, F.mul(eta, y0))), F.one), 4);
      if (grow !== factor && (grow === 0 || factor === 0)) unsure = true;
      else if (grow !== factor) return fail('blow_up_iff', `|x⁺| ${grow > 0 ? '>' : '<'} |x| but |1 + ηỹ| = ${F.toString(F.abs(F.add(F.one, F.mul(eta, y0))))}`, grow, factor);
      // (4) return to stability.
      const ey = F.mul(eta, y0);
      stages.push(grow > 0 ? 'blow-up' : 'contraction');
      if (F.lt(F.int(-2), ey) && F.sign(ey) < 0 && grow > 0) return fail('no_return', `ηỹ = ${F.toString(ey)} ∈ (−2, 0) but |x| grew`, 1, 0);
      if (F.lt(F.int(-2), ey) && F.sign(ey) < 0) stages.push('return');
    }
    // (3) self-stabilization iff x² > δ².
    const fall = sideOf(F.sub(y0, y1), yScale * 4);
    const above = sideOf(F.sub(F.mul(x0, x0), toy.delta2), F.toNumber(toy.delta2) * 4);
    if (fall !== above && (fall === 0 || above === 0)) unsure = true;
    else if (fall !== above) {
      return fail('self_stabilization_iff', `x² ${above > 0 ? '>' : '<'} δ² = ${F.toString(toy.delta2)} but ỹ ${fall > 0 ? 'fell' : 'did not fall'} (ỹ = ${F.toString(y0)} → ${F.toString(y1)})`, fall, above);
    }
    // (6) self-stabilization happens within T₁ steps of a blow-up from ỹ₀ > 0.
    if (F.sign(x0) !== 0 && F.sign(y0) > 0 && F.lt(F.mul(x0, x0), toy.delta2)) {
      const t1 = Math.ceil(Math.log(Math.sqrt(F.toNumber(toy.delta2)) / Math.abs(F.toNumber(x0))) / Math.log1p(F.toNumber(F.mul(eta, y0)))) + 1;
      let x = x0;
      let y = y0;
      let fell = false;
      let t = 0;
      for (; t <= t1 + 1 && t < 1_000_000; t++) {
        const [xn, yn] = step(x, y);
        if (F.lt(yn, y)) {
          fell = true;
          break;
        }
        x = xn;
        y = yn;
        if (!F.isFinite(x)) break;
      }
      if (!fell) return fail('no_self_stabilization', `from x₀ = ${instance.theta[0]}, ỹ₀ = ${F.toString(y0)} > 0, ỹ never fell in ${t} steps (T₁ = ${t1}): |x| = ${F.toString(F.abs(x))}`, t, t1);
      stages.push(`stabilized-after-${t}-of-${t1}`);
    }
    // (5) the period-2 orbit (δ, 0) → (−δ, 0) → (δ, 0).
    const d = F.sqrt(toy.delta2);
    const [p1, q1] = step(d, F.zero);
    const [p2, q2] = step(p1, q1);
    const orbitErr = Math.max(F.toNumber(F.abs(F.add(p1, d))), F.toNumber(F.abs(F.sub(p2, d)))) / F.toNumber(d);
    const orbitYErr = Math.max(F.toNumber(F.abs(q1)), F.toNumber(F.abs(q2))) / F.toNumber(F.add(F.mul(eta, alpha), F.one));
    if (orbitErr > slack * 8 || orbitYErr > slack * 8) {
      return fail('period_two', `(δ, 0) → (${F.toString(p1)}, ${F.toString(q1)}) → (${F.toString(p2)}, ${F.toString(q2)}) is not a period-2 orbit`, Math.max(orbitErr, orbitYErr), slack * 8);
    }
    if (fall > 0) stages.push('self-stabilization');
    if (unsure) {
      return ctx.uncertain({ code: 'boundary', message: 'a side of an iff is within rounding of its boundary', observed: 0, bound: slack, margin: 0 });
    }
    return ctx.holds({
      code: 'four_stages', observed: orbitErr, bound: slack * 8, margin: slack * 8 - orbitErr, details: { stages: stages.join(' ') },
      message: `stages hold at (x, ỹ) = (${instance.theta[0]}, ${F.toString(y0)}) [${stages.join(', ')}]; (±δ, 0) has period 2 to ${orbitErr.toExponential(2)}`,
    });
  },
  negativeControl: {
    description: 'the map with β = 0 (no coupling of x back into the sharpness): from ỹ₀ > 0 the offset ỹ never falls and |x| blows up',
    arbitrary: toyInstance({ steps: [1, 10], xMilli: [1, 900], etaYMilli: [5, 300], map: 'no-beta' }),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'Each statement is an exact one-step fact about the map; the only slack is for rounding (4096 ulps: 9e-13 in f64, relative to the ' +
    'size of the terms). An iff decided within that slack of its boundary is reported uncertain, so the ladder re-decides it at 40 and 80 digits.',
});

// ─── time averages ─────────────────────────────────────────────────────────────────────────────

/** GD on a toy instance, through the model (two evaluations a step), yielding θ_t for t = 0..steps. */
function* gdOnToy<T>(instance: ToyInstance, ctx: CheckContext<T>): Generator<{ t: number; theta: Vec<T> }> {
  const { model, theta } = ctx.model(instance);
  const run = stepper(gd(model, { lr: instance.lr }), theta, { divergenceBound: Number.POSITIVE_INFINITY });
  yield { t: 0, theta };
  for (const s of run.steps(instance.steps)) yield { t: s.t, theta: s.theta };
}

export const timeAverageXSquared: Claim<ToyInstance> = defineClaim<ToyInstance>({
  id: 'damian.time-average.x-squared',
  title: 'Time average of x²: (1/T)Σx_t² = δ² − 2(ỹ_T − ỹ₀)/(ηβT) exactly, so ⟨x²⟩ → δ² while ỹ stays bounded',
  citation: { paper: DNL, where: '§4.1, equation (3) summed over t (claims.md §3.B.3, derived); DNL\'s "precise predictions for the loss" rest on ⟨x²⟩ ≈ δ²', recalled: true },
  statement:
    'For GD on ½(a₀ + b·z)x² − c·z with ỹ = a₀ + b·z − 2/η, α = bc, β = b², δ² = 2α/β and any T ≥ 1: ' +
    '(1/T)·Σ_{t<T} x_t² = δ² − 2(ỹ_T − ỹ₀)/(ηβT).',
  kind: 'identity',
  hypotheses: ['the loss is exactly ½(a₀ + b·z)x² − c·z (C = 0)', 'b, c, η > 0'],
  arbitrary: toyInstance({ steps: [1, 1000], xMilli: [0, 1500], etaYMilli: [-30, 30] }),
  check<T>(instance: ToyInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    assumeExactToy(instance, ctx);
    const toy = readToy(instance, ctx);
    let sum = F.zero;
    let y0 = F.zero;
    let yT = F.zero;
    let zMax = 0;
    for (const { t, theta } of gdOnToy(instance, ctx)) {
      if (!F.isFinite(theta[0]) || !F.isFinite(theta[1])) {
        return ctx.diverged({ code: 'non_finite', message: `GD left the finite numbers at step ${t}`, observed: Number.NaN, bound: 0, margin: Number.NaN, step: t });
      }
      zMax = Math.max(zMax, Math.abs(F.toNumber(theta[1])));
      if (t === 0) y0 = toy.y(theta[1]);
      if (t < instance.steps) sum = F.add(sum, F.mul(theta[0], theta[0]));
      else yT = toy.y(theta[1]);
    }
    const T = F.int(instance.steps);
    const lhs = F.div(sum, T);
    const rhs = F.sub(toy.delta2, F.div(F.mul(F.int(2), F.sub(yT, y0)), F.mul(F.mul(toy.eta, toy.beta), T)));
    const err = F.toNumber(F.abs(F.sub(lhs, rhs)));
    // z carries an error of a few ulps of max|z| + 2/η per step; the right side divides Σ of them by ηbT/2.
    const b = F.toNumber(toy.b);
    const eta = F.toNumber(toy.eta);
    const bound = ctx.tol.rel * (F.toNumber(F.abs(lhs)) + F.toNumber(toy.delta2) + (2 * (zMax + F.toNumber(toy.edge) / b)) / (eta * b));
    const details = { mean: F.toString(lhs), predicted: F.toString(rhs), ratioToDelta2: F.toNumber(F.div(lhs, toy.delta2)) };
    if (!(err <= bound)) {
      return ctx.violated({ code: 'identity_fails', observed: err, bound, margin: marginOf(err, bound), details,
        message: `(1/T)Σx² = ${F.toString(lhs)} but δ² − 2Δỹ/(ηβT) = ${F.toString(rhs)} (T = ${instance.steps})` });
    }
    return ctx.holds({ code: 'identity_holds', observed: err, bound, margin: marginOf(err, bound), details,
      message: `(1/T)Σx² = ${F.toString(lhs)} = δ² − 2Δỹ/(ηβT) to ${err.toExponential(2)} (T = ${instance.steps}; ⟨x²⟩/δ² = ${details.ratioToDelta2.toFixed(4)})` });
  },
  negativeControl: {
    description: 'a curved sharpness s(z) = a₀ + b·z + C·z² (C ≠ 0, outside the hypothesis): ∇S⊥ = b + 2Cz is not b, and the identity with β = b² fails',
    arbitrary: toyInstance({ steps: [20, 300], xMilli: [300, 1500], etaYMilli: [-30, 30], perturb: 'curved' }),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'An exact identity (claims.md §3.B.3, §0.3): rounding only. The right side recovers Σx² from z_T − z₀, whose rounding error is a few ulps of ' +
    'max|z| + 2/η per step, summed over T steps and divided by ηbT/2; 4096 ulps of that scale (plus |lhs| + δ²) is the slack: 9e-13 relative in f64.',
});

export const timeAverageSharpness: Claim<ToyInstance> = defineClaim<ToyInstance>({
  id: 'damian.time-average.sharpness',
  title: 'Log identity: mean_t ln|1 + ηỹ_t| = ln|x_T/x₀|/T exactly (the time-averaged sharpness sits at 2/η only up to a boundary term)',
  citation: { paper: DNL, where: '§4.1, equation (3): x_T = x₀·Π(−(1 + ηỹ_t)) (claims.md §3.B.4, derived)', recalled: true },
  statement:
    'For GD on ½(a₀ + b·z)x² − c·z from x₀ ≠ 0, with ỹ_t = a₀ + b·z_t − 2/η and 1 + ηỹ_t ≠ 0: ' +
    '(1/T)Σ_{t<T} ln|1 + ηỹ_t| = ln|x_T/x₀|/T. Hence ⟨ln(1 + ηỹ)⟩ → 0 only while x stays bounded away from 0 and ∞; ' +
    'the naive second-order reading ⟨ỹ⟩ ≈ (η/2)⟨ỹ²⟩ fails over arbitrary windows, where the boundary term dominates.',
  kind: 'identity',
  hypotheses: ['the loss is exactly ½(a₀ + b·z)x² − c·z', 'x₀ ≠ 0', '1 + ηỹ_t ≠ 0 at every step'],
  arbitrary: toyInstance({ steps: [1, 1000], xMilli: [1, 1500], etaYMilli: [-30, 30] }),
  check<T>(instance: ToyInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    const toy = readToy(instance, ctx);
    const naive = instance.variant === 'naive-second-order';
    ctx.assume(!naive, 'naive_variant', 'the naive ⟨ỹ⟩ ≈ (η/2)⟨ỹ²⟩ reading is the negative control, not the claim');
    assumeExactToy(instance, ctx);
    ctx.assume(F.sign(F.from(instance.theta[0])) !== 0, 'x0_zero', 'x₀ must be non-zero');
    let sumLog = F.zero;
    let sumY = F.zero;
    let sumY2 = F.zero;
    let x0 = F.zero;
    let xT = F.zero;
    for (const { t, theta } of gdOnToy(instance, ctx)) {
      if (!F.isFinite(theta[0]) || !F.isFinite(theta[1])) {
        return ctx.diverged({ code: 'non_finite', message: `GD left the finite numbers at step ${t}`, observed: Number.NaN, bound: 0, margin: Number.NaN, step: t });
      }
      if (t === 0) x0 = theta[0];
      if (t === instance.steps) {
        xT = theta[0];
        break;
      }
      const y = toy.y(theta[1]);
      const m = F.abs(F.add(F.one, F.mul(toy.eta, y)));
      ctx.assume(F.sign(m) > 0, 'multiplier_zero', `1 + ηỹ = 0 at step ${t}`);
      sumLog = F.add(sumLog, F.log(m));
      sumY = F.add(sumY, y);
      sumY2 = F.add(sumY2, F.mul(y, y));
    }
    const T = F.int(instance.steps);
    if (naive) {
      const meanY = F.toNumber(F.div(sumY, T));
      const pred = F.toNumber(F.div(F.mul(toy.eta, sumY2), F.mul(F.int(2), T)));
      const ratio = pred > 0 ? meanY / pred : Number.NaN;
      const ok = ratio >= 0.5 && ratio <= 2;
      const e = { observed: meanY, bound: pred, margin: ok ? Math.min(ratio - 0.5, 2 - ratio) : -Math.abs(Math.log(Math.abs(ratio) || 1e-300)),
        details: { meanY: String(meanY), predicted: String(pred), boundaryTerm: F.toString(F.div(F.log(F.abs(F.div(xT, x0))), F.mul(toy.eta, T))) } };
      return ok ? ctx.holds({ code: 'naive_holds', message: `⟨ỹ⟩ = ${meanY} within a factor 2 of (η/2)⟨ỹ²⟩ = ${pred}`, ...e })
        : ctx.violated({ code: 'naive_fails', message: `⟨ỹ⟩ = ${meanY} is not within a factor 2 of (η/2)⟨ỹ²⟩ = ${pred} over this window: the boundary term ln|x_T/x₀|/(ηT) = ${e.details.boundaryTerm} dominates`, ...e });
    }
    const lhs = F.div(sumLog, T);
    const rhs = F.div(F.log(F.abs(F.div(xT, x0))), T);
    const err = F.toNumber(F.abs(F.sub(lhs, rhs)));
    // Per step: ln|1 + ηỹ| is good to a few ulps of 1 + η(|a₀| + |bz| + 2/η) (about 5), and x_T's relative error grows a few ulps a step.
    const bound = ctx.tol.rel * (8 + F.toNumber(F.abs(lhs)));
    const details = { meanLog: F.toString(lhs), meanY: F.toString(F.div(sumY, T)) };
    if (!(err <= bound)) {
      return ctx.violated({ code: 'identity_fails', observed: err, bound, margin: marginOf(err, bound), details, message: `mean ln|1 + ηỹ| = ${F.toString(lhs)} but ln|x_T/x₀|/T = ${F.toString(rhs)}` });
    }
    return ctx.holds({ code: 'identity_holds', observed: err, bound, margin: marginOf(err, bound), details, message: `mean ln|1 + ηỹ| = ln|x_T/x₀|/T = ${F.toString(lhs)} to ${err.toExponential(2)} (T = ${instance.steps})` });
  },
  negativeControl: {
    description: 'the naive second-order reading ⟨ỹ⟩ ≈ (η/2)⟨ỹ²⟩ (factor-2 band) over arbitrary windows (claims.md §3.B.4 caveat): the boundary term ln|x_T/x₀|/(ηT) dominates',
    arbitrary: toyInstance({ steps: [50, 600], xMilli: [1, 1500], etaYMilli: [-30, 30], variant: 'naive-second-order' }),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'An exact identity (claims.md §3.B.4): each ln|1 + ηỹ_t| carries a few ulps of the terms of ỹ times η (≈ 4 in all), x_T a few ulps per step; ' +
    'after dividing by T the error is a few ulps, so 4096 ulps of (8 + |mean|) (7e-12 in f64) leaves room, and shrinks as the ladder climbs.',
});

// ─── constrained trajectory (PGD on the stable set) ───────────────────────────────────────────

/** Constrained-trajectory instances: θ₀ near the edge, then PGD steps. */
const pgdInstances = (o: Partial<ToyOptions> = {}) =>
  toyInstance({ steps: [1, 60], xMilli: [0, 1500], etaYMilli: [-100, 50], ...o });

export const constrainedProjection: Claim<ToyInstance> = defineClaim<ToyInstance>({
  id: 'damian.constrained-trajectory.projection',
  title: 'PGD onto the stable set M = {S ≤ 2/η, ∇L·u = 0} is exact on the cubic toy: x† = 0 and z† clamped at the edge',
  citation: { paper: DNL, where: '§4, the stable set M and the constrained trajectory θ†_{t+1} = proj_M(θ†_t − η∇L(θ†_t)) (claims.md §3.B.6)' },
  statement:
    'On ½(a₀ + b·z)x² − c·z with b, c > 0, every step of eoscheck\'s pgd reports success and returns a feasible point ' +
    '(S ≤ (2/η)(1 + 1e-9), |∇L·u| ≤ 1e-9‖∇L‖), and after the initial projection θ†_t = (x†_t, z†_t) with x†_t = 0 ' +
    '(to the feasibility tolerance, |(2/η)·x†| ≤ 1e-9·c) and ' +
    'z†_{t+1} = min(z†_t + ηc, (2/η − a₀)/b): the linearised projection is exact there.',
  kind: 'forall',
  hypotheses: ['the loss is exactly ½(a₀ + b·z)x² − c·z (C = 0)', 'b, c, η > 0', 'a₀ + b·z > 0 along the run (u = e_x at x = 0)'],
  arbitrary: pgdInstances(),
  budget: 200_000,
  check<T>(instance: ToyInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    assumeExactToy(instance, ctx);
    const toy = readToy(instance, ctx);
    const { model, theta } = ctx.model(instance);
    const opt = pgd(model, { lr: instance.lr });
    const zEdge = F.div(F.sub(toy.edge, toy.a0), toy.b);
    const slack = ctx.tol.rel;
    const feas = 1e-9;
    const run = stepper(opt, theta, { divergenceBound: Number.POSITIVE_INFINITY });
    let st = run.state;
    let worst = { m: Infinity, what: '', step: 0, obs: 0, bound: 0 };
    const note = (m: number, what: string, step: number, obs: number, bound: number) => {
      if (m < worst.m) worst = { m, what, step, obs, bound };
    };
    for (let t = 0; t <= instance.steps; t++) {
      if (t > 0) {
        const zPrev = st.theta[1];
        if (!run.step()) return ctx.diverged({ code: 'non_finite', message: `θ† left the finite numbers at step ${t}`, observed: Number.NaN, bound: 0, margin: Number.NaN, step: t });
        st = run.state;
        const expected = F.min(F.add(zPrev, F.mul(toy.eta, toy.c)), zEdge);
        const err = F.toNumber(F.abs(F.sub(st.theta[1], expected)));
        const scale = F.toNumber(F.abs(expected)) + F.toNumber(toy.edge) / F.toNumber(toy.b) + F.toNumber(F.abs(zPrev));
        const bound = slack * scale;
        if (!(err <= bound)) {
          return ctx.violated({ code: 'projection_not_exact', step: t, observed: err, bound, margin: marginOf(err, bound),
            message: `step ${t}: z† = ${F.toString(st.theta[1])}, but min(z† + ηc, (2/η − a₀)/b) = ${F.toString(expected)}` });
        }
        note(marginOf(err, bound), 'z† vs the clamp', t, err, bound);
        // x† vanishes to the projection's own tolerance (its Newton residual |S·x†| ≤ 1e-9·c, checked below as |∇L·u| ≤ 1e-9‖∇L‖).
        const xe = F.toNumber(F.abs(F.mul(st.theta[0], toy.edge)));
        if (!(xe <= feas * F.toNumber(toy.c))) {
          return ctx.violated({ code: 'projection_not_exact', step: t, observed: xe, bound: feas * F.toNumber(toy.c), margin: marginOf(xe, feas * F.toNumber(toy.c)), message: `step ${t}: x† = ${F.toString(st.theta[0])} is not 0` });
        }
      }
      const r = st.projection;
      if (r === undefined || !r.projected) {
        return ctx.violated({ code: 'projection_failed', step: t, observed: 1, bound: 0, margin: -1, message: `step ${t}: pgd did not reach M (${r?.reason ?? 'no report'})` });
      }
      const P = pointInfo(model, st.theta);
      ctx.assume(F.sign(P.sharpness()) > 0, 'sharpness_positive', 'S must be positive along the run');
      const excess = F.toNumber(F.div(F.sub(P.sharpness(), toy.edge), toy.edge));
      const newton = P.gradNorm();
      const ug = F.toNumber(F.abs(P.top().reduce((s, v, i) => F.add(s, F.mul(v, P.grad()[i])), F.zero)));
      const gn = F.toNumber(newton);
      if (excess > feas) {
        return ctx.violated({ code: 'infeasible', step: t, observed: excess, bound: feas, margin: feas - excess, message: `step ${t}: pgd reported success but S = ${F.toString(P.sharpness())} > (2/η)(1 + 1e-9)` });
      }
      if (!(ug <= feas * gn) && !(r.atResolution === true)) {
        return ctx.violated({ code: 'infeasible', step: t, observed: ug, bound: feas * gn, margin: feas * gn - ug, message: `step ${t}: pgd reported success but |∇L·u| = ${ug} > 1e-9‖∇L‖` });
      }
      note(feas - excess, 'S ≤ 2/η', t, excess, feas);
    }
    return ctx.holds({ code: 'projection_exact', step: worst.step, observed: worst.obs, bound: worst.bound, margin: worst.m,
      message: `${instance.steps} pgd steps feasible, x† = 0 and z† = the clamp; tightest: ${worst.what} at step ${worst.step}` });
  },
  negativeControl: {
    description: 'a curved sharpness s(z) = a₀ + b·z + C·z² (C ≠ 0) from a start above the edge: the projection clamps S = 2/η away from the toy\'s (2/η − a₀)/b',
    arbitrary: pgdInstances({ steps: [3, 40], etaYMilli: [5, 100], perturb: 'curved' }),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'At x = 0 the Hessian is diag(a₀ + bz, 0), u = e_x and ∇S⊥ = (0, b) exactly, so one linearised step lands on the clamp up to rounding: ' +
    '4096 ulps (9e-13 in f64) of |z| + 2/(ηb). Feasibility uses 1e-9 (the brief\'s figure; pgd itself projects to 1e-12 in f64).',
});

export const constrainedLossNonIncreasing: Claim<ToyInstance> = defineClaim<ToyInstance>({
  id: 'damian.constrained-trajectory.loss-nonincreasing',
  title: 'The constrained trajectory does not increase the loss: L(θ†_{t+1}) ≤ L(θ†_t) (while GD itself is non-monotone)',
  citation: { paper: DNL, where: 'abstract and §4 (GD "does not increase the loss over long timescales", via the constrained trajectory); claims.md §3.B.8', recalled: true },
  statement:
    'On ½(a₀ + b·z)x² − c·z, the PGD iterates θ†_t of the stable set satisfy L(θ†_{t+1}) ≤ L(θ†_t) at every step. ' +
    'GD\'s own loss L(θ_t) is not monotone at the edge of stability (the negative control).',
  kind: 'forall',
  hypotheses: ['the loss is exactly ½(a₀ + b·z)x² − c·z', 'b, c, η > 0'],
  arbitrary: pgdInstances(),
  budget: 200_000,
  check<T>(instance: ToyInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    const gdVariant = instance.variant === 'gd-iterates';
    ctx.assume(!gdVariant, 'gd_variant', 'GD\'s own iterates are the negative control, not the claim');
    assumeExactToy(instance, ctx);
    const toy = readToy(instance, ctx);
    const { model, theta } = ctx.model(instance);
    const run = gdVariant
      ? stepper(gd(model, { lr: instance.lr }), theta, { divergenceBound: Number.POSITIVE_INFINITY })
      : stepper(pgd(model, { lr: instance.lr }), theta, { divergenceBound: Number.POSITIVE_INFINITY });
    let th = run.theta;
    let loss = model.loss(th);
    let worst = { m: Infinity, step: 0, obs: 0, bound: 0 };
    for (let t = 1; t <= instance.steps; t++) {
      const stepped = run.step();
      const r = { theta: run.theta };
      if (stepped && !gdVariant && run.state.projection?.projected !== true) return ctx.violated({ code: 'projection_failed', step: t, observed: 1, bound: 0, margin: -1, message: `pgd failed at step ${t}` });
      if (!stepped) {
        return ctx.diverged({ code: 'non_finite', message: `left the finite numbers at step ${t}`, observed: Number.NaN, bound: 0, margin: Number.NaN, step: t });
      }
      const next = model.loss(r.theta);
      const inc = F.toNumber(F.sub(next, loss));
      const scale = (F.toNumber(F.abs(loss)) + F.toNumber(F.abs(next)) + F.toNumber(toy.c) * (Math.abs(F.toNumber(th[1])) + F.toNumber(toy.edge) / F.toNumber(toy.b)));
      // θ† is feasible only to pgd's tolerance: S may exceed 2/η by tol·2/η, i.e. z† the clamp by tol·(2/η)/b, worth c·tol·(2/η)/b of loss (twice: both ends).
      const feasible = gdVariant ? 0 : (2 * projectionTolerance(ctx.precision) * F.toNumber(toy.c) * F.toNumber(toy.edge)) / F.toNumber(toy.b);
      const bound = ctx.tol.rel * scale + feasible;
      const m = marginOf(Math.max(inc, 0), bound);
      if (inc > bound) {
        return ctx.violated({ code: 'loss_increased', step: t, observed: inc, bound, margin: bound - inc,
          message: `${gdVariant ? 'GD' : 'PGD'} loss rose from ${F.toString(loss)} to ${F.toString(next)} at step ${t}` });
      }
      if (m < worst.m) worst = { m, step: t, obs: inc, bound };
      th = r.theta;
      loss = next;
    }
    return ctx.holds({ code: 'monotone', step: worst.step, observed: worst.obs, bound: worst.bound, margin: worst.m,
      message: `L(θ†) non-increasing over ${instance.steps} PGD steps; tightest at step ${worst.step}` });
  },
  negativeControl: {
    description: 'GD\'s own iterates θ_t from a start above the edge (ηỹ₀ > 0, x₀ ~ δ): at the edge of stability their loss rises at some step',
    arbitrary: toyInstance({ steps: [30, 200], xMilli: [300, 1500], etaYMilli: [5, 50], variant: 'gd-iterates' }),
  },
  tolerance: { ulps: 4096 },
  rationale:
    '"Monotone" claims allow a rounding slack (claims.md §0.3): 4096 ulps (9e-13 in f64) of the size of the loss terms, |L| and c·(|z| + 2/(ηb)), ' +
    'plus what pgd\'s own feasibility tolerance allows (S ≤ (2/η)(1 + tol), tol = 1e-12 in f64: z† within tol·(2/η)/b of the clamp, so L(θ†) within c·tol·(2/η)/b, counted twice). ' +
    'On the toy θ† = (0, z†) with z† non-decreasing, so L(θ†) = −c·z† falls by ηc² per step until the clamp, then stays.',
});

/** The Damian–Nichani–Lee claims, in catalog order. */
export const DAMIAN_CLAIMS: readonly Claim[] = [
  reducedMapExact, fourStages, timeAverageXSquared, timeAverageSharpness, constrainedProjection, constrainedLossNonIncreasing,
] as unknown as readonly Claim[];
