import fc from 'fast-check';
import { centeredGdRule } from '../../dynamics/centeredRule.js';
import { stepper } from '../../dynamics/stepper.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import type { ToyInstance } from '../damian/damian.js';
import type { Field } from '../../numerics/field.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { compareCertainly, orderStatistic } from '../orderStatistic.js';
import { COHEN } from '../papers.js';
import { nonFinite } from '../diverged.js';

/** Cohen et al. on the cubic toy: GD sharpens to 2/η and hovers there (docs/claims/cohen.md). */
const D = decimalCtor(60);

// ─── cohen.eos.hover-cubic-toy ─────────────────────────────────────────────────────────────────

/**
 * GD on the cubic toy started below the edge: progressive sharpening brings S to 2/η after about
 * `k` steps (ỹ₀ = −k·ηα), then at least four small-oscillation periods 2π/(η√(2α)) are run.
 * g = η√(2α) ∈ [0.01, 0.03]; the negative control keeps a₀ but sets c = 0 (no sharpening).
 */
function hoverInstances(noSharpening: boolean): fc.Arbitrary<ToyInstance> {
  return fc
    .record({
      etaK: fc.integer({ min: 20, max: 50 }),
      bK: fc.integer({ min: -50, max: 100 }),
      gK: fc.integer({ min: 10, max: 30 }),
      k: fc.integer({ min: 1, max: 200 }),
      xK: fc.integer({ min: 10, max: 500 }),
    })
    .map((g) => {
      const eta = new D(g.etaK).div(1000);
      const b = new D(100 + g.bK).div(100);
      const gg = new D(g.gK).div(1000);
      const c = gg.times(gg).div(b.times(2).times(eta).times(eta)).toSignificantDigits(6);
      const alpha = b.times(c);
      const a0 = new D(2).div(eta).minus(eta.times(alpha).times(g.k)).toDecimalPlaces(10);
      const delta = c.times(2).div(b).sqrt();
      const x0 = delta.times(g.xK).div(1000).toSignificantDigits(8);
      const period = (2 * Math.PI) / gg.toNumber();
      const t = (d: InstanceType<typeof D>) => (d.isZero() ? '0' : d.toFixed());
      const toy = { a0: t(a0), b: t(b), c: noSharpening ? '0' : t(c) };
      return { model: 'cubic-toy', params: { ...toy }, toy, theta: [t(x0), '0'], lr: t(eta), steps: g.k + Math.ceil(4 * period) + 50 };
    });
}

/** A comparison the enclosures do not decide: no verdict at this precision (more digits may decide it). */
function undecided<T>(ctx: CheckContext<T>, message: string): Outcome {
  return ctx.uncertain({ code: 'undecided', observed: Number.NaN, bound: 1, margin: 0, message });
}

/** λ_max of a symmetric 2×2 matrix. */
function lambdaMax2<T>(F: Field<T>, H: readonly (readonly T[])[]): T {
  const m = F.div(F.add(H[0][0], H[1][1]), F.int(2));
  const d = F.div(F.sub(H[0][0], H[1][1]), F.int(2));
  return F.add(m, F.sqrt(F.add(F.mul(d, d), F.mul(H[0][1], H[0][1]))));
}

export const eosHoverCubicToy: Claim<ToyInstance> = defineClaim<ToyInstance>({
  id: 'cohen.eos.hover-cubic-toy',
  title: 'Edge of stability on the cubic toy: after reaching 2/η the sharpness hovers there while the loss goes non-monotone',
  citation: {
    paper: COHEN,
    where:
      'abstract and §3: the sharpness "hovers" at 2/η and the loss decreases non-monotonically (docs/claims/cohen.md cohen.eos.hover); the mechanism is DNL\'s self-stabilization',
  },
  statement:
    'For GD on ½(a₀ + b·z)x² − c·z (α = bc > 0) started below the edge with x₀ ≠ 0, S = λ_max(∇²L) reaches 2/η; over the following four ' +
    'periods 2π/(η√(2α)), with η√(2α) ∈ [0.01, 0.03] (up to the 1e-5 rounding of c to six digits), the median of ηS/2 lies in [0.97, 1.05], its maximum is at most 1.25, and the loss rises at some step.',
  kind: 'forall',
  hypotheses: ['the loss is the cubic toy with b, c > 0 (progressive sharpening, α = bc > 0)', 'η√(2α) ∈ [0.01, 0.03]', 'x₀ ≠ 0', 'S₀ < 2/η'],
  arbitrary: hoverInstances(false),
  check<T>(instance: ToyInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    const { model, theta } = ctx.model(instance);
    const eta = F.from(instance.lr);
    const b = F.from(instance.toy.b);
    const c = F.from(instance.toy.c);
    ctx.assume(instance.model === 'cubic-toy' && F.sign(b) > 0 && F.sign(c) > 0, 'no_sharpening', 'the cubic toy with b, c > 0 (α = bc > 0)');
    const g = F.toNumber(eta) * Math.sqrt(2 * F.toNumber(F.mul(b, c)));
    ctx.assume(g >= 0.01 * (1 - 1e-5) && g <= 0.03 * (1 + 1e-5), 'g_range', `η√(2α) = ${g} is not in [0.01, 0.03]`);
    ctx.assume(F.sign(F.from(instance.theta[0])) !== 0, 'x0_zero', 'x₀ must be non-zero');
    const half = F.div(eta, F.int(2));
    const one = F.one;
    let th = theta;
    const edge0 = F.mul(half, lambdaMax2(F, model.hessian(th)));
    const s0 = F.toNumber(edge0);
    ctx.assume(s0 < 1, 'start_above_edge', `ηS₀/2 = ${s0} must be below 1`);
    let loss = model.loss(th);
    let cross = -1;
    const after: T[] = [];
    // Before the crossing: the largest ηS/2 so far (the margin of a run that never reaches the edge).
    let most = edge0;
    let rises = 0;
    // GD in centred form at interval:N, so the enclosure of the orbit stays tight (plain GD everywhere else, to the bit).
    const rule = centeredGdRule(
      F,
      (v) => model.grad(v),
      (v) => model.hessian(v),
      eta,
    );
    const run = stepper(rule, th, { divergenceBound: Number.POSITIVE_INFINITY });
    for (let t = 1; t <= instance.steps; t++) {
      const stepped = run.step();
      th = run.theta;
      if (!stepped) {
        return nonFinite(ctx, t, `GD left the finite numbers at step ${t}`);
      }
      const s = F.mul(half, lambdaMax2(F, model.hessian(th)));
      const next = model.loss(th);
      if (cross < 0) {
        // The crossing step must be certain: the window it starts, and so the median, depend on it.
        const side = compareCertainly(F, s, one);
        if (side === undefined) return undecided(ctx, `ηS/2 at step ${t} is not decided against 1 (${F.toString(s)})`);
        if (side >= 0) cross = t;
        else most = F.max(most, s);
      }
      if (cross >= 0) {
        after.push(s);
        const change = compareCertainly(F, loss, next);
        if (change === undefined) return undecided(ctx, `whether the loss rose at step ${t} is not decided (${F.toString(F.sub(next, loss))})`);
        if (change < 0) rises++;
      }
      loss = next;
    }
    if (cross < 0) {
      return ctx.violated({
        code: 'never_reached_edge',
        observed: F.toNumber(most),
        bound: 1,
        ...ctx.margin(F.sub(most, one)),
        message: `ηS/2 never reached 1 in ${instance.steps} steps (ηS₀/2 = ${s0}, at most ${F.toNumber(most)}): no progressive sharpening`,
      });
    }
    const medianT = orderStatistic(F, after, Math.floor(after.length / 2));
    const maxT = after.reduce((m, x) => F.max(m, x));
    const median = F.toNumber(medianT);
    const max = F.toNumber(maxT);
    const details = { cross, window: after.length, median, max, rises };
    const marginT = F.min(
      F.min(F.sub(medianT, F.from('0.97')), F.sub(F.from('1.05'), medianT)),
      F.min(F.sub(F.from('1.25'), maxT), rises > 0 ? one : F.neg(one)),
    );
    const margin = ctx.margin(marginT);
    if (median < 0.97 || median > 1.05 || max > 1.25) {
      return ctx.violated({
        code: 'no_hover',
        observed: median,
        bound: 1,
        ...margin,
        details,
        message: `after the crossing at step ${cross}: median ηS/2 = ${median}, max ${max}`,
      });
    }
    if (rises === 0) {
      return ctx.violated({
        code: 'monotone_loss',
        observed: 0,
        bound: 1,
        ...margin,
        details,
        message: `the loss never rose in ${after.length} steps after the crossing`,
      });
    }
    return ctx.holds({
      code: 'hovers',
      observed: median,
      bound: 1,
      ...margin,
      details,
      message: `edge reached at step ${cross}; over ${after.length} steps median ηS/2 = ${median.toFixed(4)}, max ${max.toFixed(4)}, ${rises} loss increases`,
    });
  },
  negativeControl: {
    description: 'the same start with c = 0 (α = 0, no progressive sharpening, a quadratic-like baseline): the sharpness stays below 2/η',
    arbitrary: hoverInstances(true),
  },
  tolerance: { ulps: 64 },
  rationale:
    'Bands from docs/claims/cohen.md (cohen.eos.hover, [E]: median 1.000, max 1.018 on an MLP): median ηS/2 ∈ [0.97, 1.05], max ≤ 1.25. On the toy ' +
    'ηS/2 − 1 ≈ ηỹ/2 + η²b²x²/4, both a few 1e-2 at most for these g and horizons (measured in the evidence); rounding is irrelevant at this scale.',
});
