import fc from 'fast-check';
import { gdStepper } from '../../dynamics/stepper.js';
import { unitRoundoff } from '../../numerics/tolerance.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { DNL } from '../papers.js';
import { type ToyInstance, assumeExactToy, readToy, toyInstance } from './damian.js';
import { mostOf } from '../relativeMargin.js';

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
  hypotheses: [
    'α = bc > 0 and β = b² > 0, the coefficients of the cubic toy ½(a₀ + b·z)x² − c·z',
    'the loss is exactly that toy (its stages are read off GD on it, where the map is exact)',
    'η > 0',
  ],
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
    const exact = !F.lt(F.mul(F.from(1e-12), toy.beta), F.abs(F.sub(beta, toy.beta))) && !F.lt(F.mul(F.from(1e-12), toy.alpha), F.abs(F.sub(alpha, toy.alpha)));
    ctx.assume(exact, 'map_coefficients', 'the map must use α = bc and β = b²');
    assumeExactToy(instance, ctx);
    const eta = toy.eta;
    // Where the map is the toy's, the stages are read off GD on the model through the engine (the map
    // is GD there, damian.reduced-map.exact), so a wrong gradient or update fails them; computing them
    // from the stated map would only test the map against itself. A map no loss realizes (a control's
    // β = 0, a boundary instance's α off bc) is iterated as stated.
    const { model } = ctx.model(instance);
    const mapStep = (x: T, y: T) =>
      [F.neg(F.mul(F.add(F.one, F.mul(eta, y)), x)), F.add(y, F.mul(eta, F.sub(alpha, F.div(F.mul(beta, F.mul(x, x)), F.int(2)))))] as const;
    /** The orbit's (x, ỹ) from (x, z): GD's iterates, or the stated map's from (x, ỹ(z)); undefined once GD leaves the doubles. */
    const orbit = (x: T, z: T): (() => readonly [T, T] | undefined) => {
      if (exact) {
        const run = gdStepper(model, eta, [x, z]);
        return () => (run.step() ? ([run.theta[0], toy.y(run.theta[1])] as const) : undefined);
      }
      let s = [x, toy.y(z)] as const;
      return () => {
        s = mapStep(s[0], s[1]);
        return s;
      };
    };
    // One or two GD steps from a finite start on the toy cannot leave the doubles: if they do, the check is wrong.
    const must = (s: readonly [T, T] | undefined): readonly [T, T] => {
      if (s === undefined) throw new Error('a GD step from a finite start on the cubic toy left the doubles');
      return s;
    };
    const step = (x: T, z: T): readonly [T, T] => must(orbit(x, z)());
    const x0 = F.from(instance.theta[0]);
    const z0 = F.from(instance.theta[1]);
    const y0 = toy.y(z0);
    const u = unitRoundoff(ctx.precision);
    const slack = ctx.tol.rel;
    const [x1, y1] = step(x0, z0);
    // Each stage's margin in the field (≥ 0 iff it holds; an iff a ⇔ b as the product of a and b,
    // normalized, positive iff their signs agree); the verdict carries the least of those computed
    // so far, so that at interval:N its enclosure certifies whichever stage fails.
    const margins: T[] = [];
    const least = () => ctx.margin(margins.reduce((p, q) => F.min(p, q)));
    const fail = (code: string, message: string, observed: number, bound: number): Outcome =>
      ctx.violated({
        code,
        message,
        observed,
        bound,
        ...(margins.length > 0 ? least() : { margin: bound - observed }),
        details: { alpha: F.toString(alpha), beta: F.toString(beta) },
      });
    // A side of an iff decided within rounding is uncertain: the ladder decides it.
    const sideOf = (d: T, scale: number): 1 | -1 | 0 => {
      const v = F.toNumber(d);
      if (Math.abs(v) <= slack * scale) return 0;
      return v > 0 ? 1 : -1;
    };
    let unsure = false;
    const stages: string[] = [];
    const yScale = F.toNumber(toy.yScale(F.from(instance.theta[1]))) + F.toNumber(F.abs(y0));
    const yScaleF = F.add(toy.yScale(F.from(instance.theta[1])), F.abs(y0));
    // (1) progressive sharpening at x = 0.
    if (F.sign(x0) === 0) {
      const dF = F.abs(F.sub(F.sub(y1, y0), F.mul(eta, alpha)));
      margins.push(F.sub(F.from(slack), F.div(dF, yScaleF)));
      const d = F.toNumber(dF);
      if (d > slack * yScale + u)
        return fail('sharpening_rate', `at x = 0, ỹ⁺ − ỹ = ${F.toString(F.sub(y1, y0))} ≠ ηα = ${F.toString(F.mul(eta, alpha))}`, d, slack * yScale);
      stages.push('sharpening');
    } else {
      // (2) blow-up iff |1 + ηỹ| > 1.
      const xs = F.toNumber(F.abs(x0));
      const growF = F.div(F.sub(F.abs(x1), F.abs(x0)), F.abs(x0));
      const factorF = F.sub(F.abs(F.add(F.one, F.mul(eta, y0))), F.one);
      margins.push(F.mul(growF, factorF));
      const grow = sideOf(F.sub(F.abs(x1), F.abs(x0)), xs * 4);
      const factor = sideOf(factorF, 4);
      if (grow !== factor && (grow === 0 || factor === 0)) unsure = true;
      else if (grow !== factor)
        return fail('blow_up_iff', `|x⁺| ${grow > 0 ? '>' : '<'} |x| but |1 + ηỹ| = ${F.toString(F.abs(F.add(F.one, F.mul(eta, y0))))}`, grow, factor);
      // (4) return to stability.
      const ey = F.mul(eta, y0);
      stages.push(grow > 0 ? 'blow-up' : 'contraction');
      const returning = F.lt(F.int(-2), ey) && F.lt(ey, F.zero);
      if (returning) margins.push(F.neg(growF));
      if (returning && grow > 0) return fail('no_return', `ηỹ = ${F.toString(ey)} ∈ (−2, 0) but |x| grew`, 1, 0);
      if (returning) stages.push('return');
    }
    // (3) self-stabilization iff x² > δ².
    margins.push(F.mul(F.div(F.sub(y0, y1), yScaleF), F.div(F.sub(F.mul(x0, x0), toy.delta2), toy.delta2)));
    const fall = sideOf(F.sub(y0, y1), yScale * 4);
    const above = sideOf(F.sub(F.mul(x0, x0), toy.delta2), F.toNumber(toy.delta2) * 4);
    if (fall !== above && (fall === 0 || above === 0)) unsure = true;
    else if (fall !== above) {
      return fail(
        'self_stabilization_iff',
        `x² ${above > 0 ? '>' : '<'} δ² = ${F.toString(toy.delta2)} but ỹ ${fall > 0 ? 'fell' : 'did not fall'} (ỹ = ${F.toString(y0)} → ${F.toString(y1)})`,
        fall,
        above,
      );
    }
    // (6) self-stabilization happens within T₁ steps of a blow-up from ỹ₀ > 0.
    if (F.sign(x0) !== 0 && F.lt(F.zero, y0) && F.lt(F.mul(x0, x0), toy.delta2)) {
      const t1 = Math.ceil(Math.log(Math.sqrt(F.toNumber(toy.delta2)) / Math.abs(F.toNumber(x0))) / Math.log1p(F.toNumber(F.mul(eta, y0)))) + 1;
      let x = x0;
      let y = y0;
      let fell = false;
      let t = 0;
      // max over the steps of (ỹ_t − ỹ_{t+1})/scale: > 0 once ỹ fell.
      let drop: T | undefined;
      const next = orbit(x0, z0);
      for (; t <= t1 + 1 && t < 1_000_000; t++) {
        const s = next();
        if (s === undefined) break;
        const [xn, yn] = s;
        const dt = F.div(F.sub(y, yn), yScaleF);
        drop = mostOf(F, drop, dt);
        if (F.lt(yn, y)) {
          fell = true;
          break;
        }
        x = xn;
        y = yn;
        if (!F.isFinite(x)) break;
      }
      if (drop !== undefined) margins.push(drop);
      if (!fell)
        return fail(
          'no_self_stabilization',
          `from x₀ = ${instance.theta[0]}, ỹ₀ = ${F.toString(y0)} > 0, ỹ never fell in ${t} steps (T₁ = ${t1}): |x| = ${F.toString(F.abs(x))}`,
          t,
          t1,
        );
      stages.push(`stabilized-after-${t}-of-${t1}`);
    }
    // (5) the period-2 orbit (δ, 0) → (−δ, 0) → (δ, 0).
    const d = F.sqrt(toy.delta2);
    // From (δ, z⋆) with ỹ(z⋆) = 0, i.e. z⋆ = (2/η − a₀)/b.
    const period = orbit(d, F.div(F.sub(toy.edge, toy.a0), toy.b));
    const [p1, q1] = must(period());
    const [p2, q2] = must(period());
    const orbitErr = Math.max(F.toNumber(F.abs(F.add(p1, d))), F.toNumber(F.abs(F.sub(p2, d)))) / F.toNumber(d);
    const orbitYErr = Math.max(F.toNumber(F.abs(q1)), F.toNumber(F.abs(q2))) / F.toNumber(F.add(F.mul(eta, alpha), F.one));
    const eight = F.mul(F.int(8), F.from(slack));
    margins.push(F.sub(eight, F.div(F.max(F.abs(F.add(p1, d)), F.abs(F.sub(p2, d))), d)));
    margins.push(F.sub(eight, F.div(F.max(F.abs(q1), F.abs(q2)), F.add(F.mul(eta, alpha), F.one))));
    if (orbitErr > slack * 8 || orbitYErr > slack * 8) {
      return fail(
        'period_two',
        `(δ, 0) → (${F.toString(p1)}, ${F.toString(q1)}) → (${F.toString(p2)}, ${F.toString(q2)}) is not a period-2 orbit`,
        Math.max(orbitErr, orbitYErr),
        slack * 8,
      );
    }
    if (fall > 0) stages.push('self-stabilization');
    if (unsure) {
      return ctx.uncertain({ code: 'boundary', message: 'a side of an iff is within rounding of its boundary', observed: 0, bound: slack, margin: 0 });
    }
    return ctx.holds({
      code: 'four_stages',
      observed: orbitErr,
      bound: slack * 8,
      ...least(),
      details: { stages: stages.join(' ') },
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
