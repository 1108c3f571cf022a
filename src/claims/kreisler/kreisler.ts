import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import { f64 } from '../../numerics/f64Field.js';
import type { Field } from '../../numerics/field.js';
import { Interval } from '../../numerics/interval.js';
import { IndeterminateError } from '../../errors.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { KNSC } from '../papers.js';
import { gdStepper } from '../../dynamics/stepper.js';
import { StepTally, failedAt } from '../stepTally.js';
import type { GdRunInstance } from '../gdRunInstance.js';

/**
 * Kreisler, Nacson, Soudry, Carmon (docs/claims/kreisler.md): on the deep scalar network ½(∏wᵢ − y)², GD
 * multiplies every pair gap wᵢ² − wⱼ² by an exact factor, the sharpness of the gradient-flow
 * solution (GFS, §2.3) decreases monotonically under a step-size condition, and GD converges to
 * the edge of stability. The paper's conditions are recalled [R] (open item 5 of docs/claims/kreisler.md).
 */

const D60 = decimalCtor(60);

export interface DeepScalarInstance extends GdRunInstance<'deep-scalar'> {
  readonly params: { readonly target: string };
  /** The κ = η·φ(w₀) the instance was drawn with, when drawn that way. */
  readonly kappa?: string;
  /** Negative control of the identity: the gradient-flow statement "pair gaps are unchanged". */
  readonly variant?: 'gf-conserved';
}

export const prod = <T>(F: Field<T>, w: readonly T[]): T => w.reduce((p, x) => F.mul(p, x), F.one);

/**
 * The GFS sharpness φ(w) = y²Σ 1/ŵᵢ² with ŵᵢ² = wᵢ² + c, ∏ŵᵢ² = y² (docs/claims/kreisler.md). h(c) = Σ log(wᵢ² + c) − log y² is
 * increasing and concave on (−min wᵢ², ∞), so Newton from a point with h < 0 climbs monotonically to the root.
 */
export function gfsSharpness<T>(F: Field<T>, w: readonly T[], y: T): T {
  const sq = w.map((x) => F.mul(x, x));
  const y2 = F.mul(y, y);
  const logY2 = F.log(y2);
  const m = sq.reduce((a, b) => F.min(a, b));
  const h = (c: T): T =>
    F.sub(
      sq.reduce((s, q) => F.add(s, F.log(F.add(q, c))), F.zero),
      logY2,
    );
  let c = F.zero;
  let step = m;
  // A start left of the root: c = −m + m·2^−j.
  while (F.sign(h(c)) > 0) {
    step = F.div(step, F.int(2));
    c = F.sub(step, m);
    if (F.sign(step) === 0) break;
  }
  for (let i = 0; i < 300; i++) {
    const hc = h(c);
    let dh = F.zero;
    for (const q of sq) dh = F.add(dh, F.div(F.one, F.add(q, c)));
    const next = F.sub(c, F.div(hc, dh));
    if (!F.lt(c, next)) break;
    c = next;
  }
  const phiAt = (x: T): T => {
    let s = F.zero;
    for (const q of sq) s = F.add(s, F.div(F.one, F.add(q, x)));
    return F.mul(y2, s);
  };
  if (!(c instanceof Interval)) return phiAt(c);
  // In interval arithmetic Newton's iterate is only near the root c*: bracket it, h(c − δ) < 0 < h(c + δ)
  // for every point of the two enclosures (h is increasing), and since φ decreases in c, φ(c*) lies in
  // [φ(c + δ), φ(c − δ)]; so the result is an enclosure of the true φ, not of φ at an approximate root.
  const digits = F.precision.kind === 'interval' ? F.precision.digits : 40;
  for (let k = digits - 6; k > 0; k -= 3) {
    const delta = F.mul(F.add(F.abs(c), F.one), F.from(`1e-${k}`));
    const below = F.sub(c, delta);
    const above = F.add(c, delta);
    if (!(F.lt(h(below), F.zero) && F.lt(F.zero, h(above)))) continue;
    const lo = phiAt(above) as unknown as Interval;
    const hi = phiAt(below) as unknown as Interval;
    return new Interval(lo.lo, hi.hi) as unknown as T;
  }
  throw new IndeterminateError('the root of Σ log(wᵢ² + c) = log y² could not be bracketed');
}

// kreisler.pair-gap.exact-identity ----------------------------------------------------------------

function pairGapInstances(control: boolean): fc.Arbitrary<DeepScalarInstance> {
  if (control) {
    return fc
      .record({ a: decimalText(1.5, 2, 2), b: decimalText(0, 0.5, 2), lr: decimalText(0.1, 0.5, 2) })
      .map((g): DeepScalarInstance => ({ model: 'deep-scalar', params: { target: '-1' }, theta: [g.a, g.b], lr: g.lr, steps: 1, variant: 'gf-conserved' }));
  }
  return fc
    .integer({ min: 2, max: 5 })
    .chain((d) =>
      fc.record({
        theta: fc.array(decimalText(-3, 3, 2), { minLength: d, maxLength: d }),
        y: decimalText(-2, 2, 2),
        lr: decimalText(0.001, 1, 3),
        steps: fc.integer({ min: 1, max: 10 }),
      }),
    )
    .map((g): DeepScalarInstance => ({ model: 'deep-scalar', params: { target: g.y }, theta: g.theta, lr: g.lr, steps: g.steps }));
}

function checkPairGap<T>(inst: DeepScalarInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const eta = F.from(inst.lr);
  const y = F.from(inst.params.target);
  const n = theta.length;
  const gf = inst.variant === 'gf-conserved';
  let w = theta;
  const run = gdStepper(model, eta, w);
  // tol − err/scale in the field, the least over pairs and steps: at interval:N (no slack) its
  // enclosure below 0 certifies a mismatch.
  const tally = new StepTally(F, ctx.tol.rel);
  for (let t = 0; t < inst.steps; t++) {
    const r = F.sub(prod(F, w), y);
    if (!run.step()) break;
    const next = run.theta;
    const er = F.abs(F.mul(eta, r));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const rest = w.filter((_, k) => k !== i && k !== j);
        const p = prod(F, rest);
        const erp = F.mul(er, p);
        const gap = F.sub(F.mul(w[i], w[i]), F.mul(w[j], w[j]));
        const gapNext = F.sub(F.mul(next[i], next[i]), F.mul(next[j], next[j]));
        const predicted = gf ? gap : F.mul(gap, F.sub(F.one, F.mul(erp, erp)));
        // Rounding scale: wᵢ⁺ is summed from |wᵢ| + η|r||∏_{k≠i} w_k|.
        const gi = F.mul(F.abs(w[j]), F.abs(p));
        const gj = F.mul(F.abs(w[i]), F.abs(p));
        const a = F.add(F.abs(w[i]), F.mul(er, gi));
        const b = F.add(F.abs(w[j]), F.mul(er, gj));
        const scale = F.add(F.add(F.mul(a, a), F.mul(b, b)), F.mul(F.abs(gap), F.add(F.one, F.mul(erp, erp))));
        const failed = tally.compare(ctx, t, F.abs(F.sub(gapNext, predicted)), scale, () => ({
          message: `step ${t}, pair (${i + 1}, ${j + 1}): (wᵢ² − wⱼ²)⁺ = ${F.toString(gapNext)} but ${gf ? 'wᵢ² − wⱼ²' : '(wᵢ² − wⱼ²)(1 − η²r²∏_{k≠i,j}w_k²)'} = ${F.toString(predicted)}`,
        }));
        if (failed !== undefined) return failed;
      }
    }
    tally.checked++;
    w = next;
  }
  return tally.holds(
    ctx,
    'identity_holds',
    `every pair gap obeyed the identity at each of ${tally.checked} steps (D = ${n}); worst relative error ${tally.worst.observed.toExponential(2)}`,
  );
}

export const kreislerPairGap: Claim<DeepScalarInstance> = defineClaim<DeepScalarInstance>({
  id: 'kreisler.pair-gap.exact-identity',
  title: 'Deep scalar net: GD multiplies each pair gap wᵢ² − wⱼ² by exactly 1 − η²r²∏_{k≠i,j}w_k²',
  citation: {
    paper: KNSC,
    where: "the GD counterpart of the gradient-flow invariants wᵢ² − wⱼ² (derived in docs/claims/kreisler.md [D]; used in the paper's analysis, recalled)",
    recalled: true,
  },
  statement:
    'For L(w) = ½(∏ᵢwᵢ − y)², r = ∏wᵢ − y, any D ≥ 2 and any η: (wᵢ² − wⱼ²)⁺ = (wᵢ² − wⱼ²)(1 − η²r²∏_{k≠i,j}w_k²) for every pair i < j ' +
    '(the empty product is 1 when D = 2). Gradient flow conserves the gaps; GD does not.',
  kind: 'identity',
  hypotheses: ['D ∈ {2, …, 5}, w ∈ [−3, 3]^D, y ∈ [−2, 2], η ∈ (0, 1]', 'iterates finite (a run that overflows is checked up to that step)'],
  arbitrary: pairGapInstances(false),
  check: checkPairGap,
  negativeControl: {
    description: 'the gradient-flow statement "a GD step leaves wᵢ² − wⱼ² unchanged" (D = 2, y = −1, η|r| ≥ 0.1)',
    arbitrary: pairGapInstances(true),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'Exact identity, checked pair by pair and step by step against the computed iterates: 4096 ulps (9e-13 in f64; the catalog allows 1e-10) of ' +
    'the magnitudes the gap is summed from, (|wᵢ| + η|r||gᵢ|)² + (|wⱼ| + η|r||gⱼ|)² + |gap|(1 + η²r²∏²).',
});

// kreisler.gfs-sharpness.monotone -----------------------------------------------------------------

/** w ∈ [lo, hi]^D (D ∈ {2..5}), y = 1, η = κ/φ(w₀) with κ on a 3-decimal grid. */
export function gfsInstances(o: {
  kappa: [number, number];
  w: [number, number];
  first?: [number, number];
  dims?: [number, number];
  steps: number;
  stable?: boolean;
}): fc.Arbitrary<DeepScalarInstance> {
  const [dLo, dHi] = o.dims ?? [2, 5];
  return fc
    .integer({ min: dLo, max: dHi })
    .chain((d) =>
      fc.record({
        first: decimalText(...(o.first ?? o.w), 2),
        rest: fc.array(decimalText(o.w[0], o.w[1], 2), { minLength: d - 1, maxLength: d - 1 }),
        kappa: decimalText(o.kappa[0], o.kappa[1], 3),
      }),
    )
    .map((g): DeepScalarInstance => {
      const theta = [g.first, ...g.rest];
      // φ in f64 is plenty for η to 15 digits; the check recomputes κ = η·φ(w₀) in its own arithmetic.
      const phi = gfsSharpness(f64, theta.map(Number), 1);
      let kappa = new D60(g.kappa);
      // For the converges-to-EoS instances, pull κ down (not below 2.001) so that η·D < 2: a stable minimizer exists.
      if (o.stable === true) {
        const cap = new D60(phi).times('1.98').div(theta.length).toDecimalPlaces(3, 1);
        if (kappa.gt(cap) && cap.gt('2.001')) kappa = cap;
      }
      const lr = kappa.div(phi).toSignificantDigits(15).toFixed();
      return { model: 'deep-scalar', params: { target: '1' }, theta, lr, steps: o.steps, kappa: kappa.toFixed() };
    });
}

/** 60-digit decimals for instance construction. */

/** The documented one-step counterexample of docs/claims/kreisler.md: D = 2, y = 1, w₀ = (1.2, 0.1), η = 1.7. */
export const KREISLER_COUNTEREXAMPLE: DeepScalarInstance = { model: 'deep-scalar', params: { target: '1' }, theta: ['1.2', '0.1'], lr: '1.7', steps: 1 };

function checkGfsMonotone<T>(inst: DeepScalarInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const eta = F.from(inst.lr);
  const y = F.from(inst.params.target);
  ctx.assume(F.sign(y) > 0, 'target_not_positive', 'y must be > 0');
  ctx.assume(
    theta.every((x) => F.sign(x) > 0),
    'weights_not_positive',
    'the initial weights must be positive',
  );
  let phi = gfsSharpness(F, theta, y);
  const kappa = F.mul(eta, phi);
  const limit = F.from('2.8');
  ctx.assume(!F.lt(limit, kappa), 'step_size_condition', `η·φ(w₀) = ${F.toString(kappa)} exceeds 2.8 (the recalled condition is η·φ(w₀) ≤ 2√2 ≈ 2.828)`);
  const slack = F.from(ctx.tol.rel);
  let w = theta;
  const run = gdStepper(model, eta, w);
  let inside = 0;
  let worst = { margin: Number.POSITIVE_INFINITY, observed: 0, bound: ctx.tol.rel, step: 0 };
  // slack − relative rise of φ in the field, the least over the steps: at interval:N (no slack, φ
  // enclosed) its enclosure below 0 certifies a rise.
  let least: T | undefined;
  let t = 0;
  for (; t < inst.steps; t++) {
    const stepped = run.step();
    const next = run.theta;
    if (!stepped) {
      ctx.assume(false, 'diverged', `GD diverged at step ${t}`);
      break;
    }
    if (!next.every((x) => F.sign(x) > 0)) {
      // A product through zero is outside the theorem (docs/claims/kreisler.md).
      ctx.assume(false, 'sign_change', `a weight changed sign at step ${t}`);
    }
    const phiNext = gfsSharpness(F, next, y);
    const inc = F.div(F.sub(phiNext, phi), phi);
    const observed = F.toNumber(inc);
    const margin = ctx.tol.rel - observed;
    least = least === undefined ? F.sub(slack, inc) : F.min(least, F.sub(slack, inc));
    if (F.lt(slack, inc)) {
      const r = F.sub(prod(F, w), y);
      return failedAt(
        ctx,
        'gfs_sharpness_increased',
        t,
        observed,
        least,
        `φ rose from ${F.toString(phi)} to ${F.toString(phiNext)} at step ${t} (+${(observed * 100).toFixed(2)}%; η·φ(w₀) = ${F.toNumber(kappa).toFixed(4)}, η|r| = ${F.toNumber(F.abs(F.mul(eta, r))).toFixed(4)})`,
        { kappa: F.toString(kappa) },
      );
    }
    if (margin < worst.margin) worst = { margin, observed, bound: ctx.tol.rel, step: t };
    phi = phiNext;
    w = next;
    const r = F.sub(prod(F, w), y);
    inside = F.lt(F.abs(r), F.from('1e-12')) ? inside + 1 : 0;
    if (inside >= 3) break;
  }
  return ctx.holds({
    code: 'gfs_sharpness_monotone',
    ...worst,
    ...(least === undefined ? {} : ctx.margin(least)),
    details: { kappa: F.toString(kappa) },
    message: `φ non-increasing over ${Math.min(t + 1, inst.steps)} steps (η·φ(w₀) = ${F.toNumber(kappa).toFixed(4)}); φ: ${F.toNumber(gfsSharpness(F, theta, y)).toFixed(6)} → ${F.toNumber(phi).toFixed(6)}`,
  });
}

export const kreislerGfsMonotone: Claim<DeepScalarInstance> = defineClaim<DeepScalarInstance>({
  id: 'kreisler.gfs-sharpness.monotone',
  title: 'Deep scalar net: the sharpness φ of the gradient-flow solution never increases along GD when η·φ(w₀) ≤ 2.8',
  citation: { paper: KNSC, where: 'main theorem (GFS sharpness decreases monotonically; step-size condition recalled as η·φ(w₀) ≤ 2√2)', recalled: true },
  statement:
    'For ½(∏ᵢwᵢ − y)² with y = 1, D ∈ {2..5}, positive initial weights and η·φ(w₀) ≤ 2.8 < 2√2, GD gives φ(w_{t+1}) ≤ φ(w_t) at every step, ' +
    'where φ(w) = y²Σ1/ŵᵢ² is the sharpness of the point gradient flow from w converges to (ŵᵢ² = wᵢ² + c, ∏ŵᵢ = y). Runs where a weight ' +
    'changes sign are outside the theorem. Without the step-size condition it is false: D = 2, w₀ = (1.2, 0.1), η = 1.7 raises φ by 8.6%.',
  kind: 'forall',
  hypotheses: ['y = 1', 'w₀ ∈ [0.5, 1.5]^D, D ∈ {2..5}', 'η·φ(w₀) ≤ 2.8', 'no weight changes sign (else inconclusive)'],
  arbitrary: gfsInstances({ kappa: [0.3, 2.8], w: [0.5, 1.5], steps: 1000 }),
  check: checkGfsMonotone,
  negativeControl: {
    description:
      'the step-size condition waived: the documented counterexample D = 2, y = 1, w₀ = (1.2, 0.1), η = 1.7 (η·φ(w₀) = 4.18, η|r₀| = 1.50 > √2), ' +
      'and D = 2 starts with η|r₀| ∈ [1.45, 1.6] (the pair multiplier |1 − η²r²| > 1 makes |Δ| and so φ grow)',
    arbitrary: fc.oneof(
      fc.constant(KREISLER_COUNTEREXAMPLE),
      fc.record({ a: decimalText(1, 1.5, 2), b: decimalText(0.05, 0.2, 2), c: decimalText(1.45, 1.6, 2) }).map((g): DeepScalarInstance => {
        const r = new D60(g.a).times(g.b).minus(1).abs();
        return { model: 'deep-scalar', params: { target: '1' }, theta: [g.a, g.b], lr: new D60(g.c).div(r).toSignificantDigits(15).toFixed(), steps: 1 };
      }),
    ),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'The catalog allows 1e-12 relative per step for monotone claims; φ is found by Newton on Σlog(wᵢ² + c) = log y². The largest relative ' +
    'rise of φ measured on holding instances is 5.8e-16 (3 ulps), so the slack is 4096 ulps (9.1e-13 in f64, 4.1e-36 at dec:40): rounding, not a real rise; ' +
    'a point whose Newton solve loses more digits fails in f64 only and the ladder reports it as an artifact. ' +
    '[E]: 0 violations in ≈ 1980 runs with κ ≤ 2.8; the one violation at κ ≤ 3 was at κ = 2.99 (η|r| = 1.415 > √2).',
});
