import fc from 'fast-check';
import { gdStepper } from '../../dynamics/stepper.js';
import { unitRoundoff } from '../../numerics/tolerance.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { DNL } from '../papers.js';
import { leastOf, relativeMargin } from '../relativeMargin.js';
import { EXACT_RATIONALE, type ToyInstance, assumeExactToy, marginOf, readToy, toyInstance } from './damian.js';
import { nonFinite } from '../diverged.js';
import { holdsAt, violatedAt } from '../stepTally.js';

// ─── damian.reduced-map.exact ───────────────────────────────────────────────────────────────────

export const reducedMapExact: Claim<ToyInstance> = defineClaim<ToyInstance>({
  id: 'damian.reduced-map.exact',
  title: "GD on the cubic toy is exactly DNL's reduced map x⁺ = −(1 + ηỹ)x, ỹ⁺ = ỹ + η(α − βx²/2)",
  citation: { paper: DNL, where: '§4.1, equation (3) (the reduced two-dimensional map); exactness on M-SS derived in docs/claims/damian.md' },
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
    ctx.assume(
      close(alpha, toy.alpha) && close(beta, toy.beta),
      'map_coefficients',
      `the map's (α, β) = (${instance.map?.alpha}, ${instance.map?.beta}) must be (bc, b²)`,
    );
    const { model, theta } = ctx.model(instance);
    // GD on the engine: its divergence rule (non-finite, or past the bound) ends the comparison.
    const run = gdStepper(model, toy.eta, theta);
    let th = theta;
    let x = th[0];
    let y = toy.y(th[1]);
    const u = unitRoundoff(ctx.precision);
    const per = ctx.tol.rel;
    let worst = { ratio: -1, err: 0, bound: 0, step: 0, what: 'x' };
    // per·t − err/scale for x and ỹ, the least over the steps, in the field: at interval:N (no
    // slack) its enclosure certifies a mismatch; the comparisons are the field's too.
    let least: T | undefined;
    for (let t = 1; t <= instance.steps; t++) {
      if (!run.step()) return nonFinite(ctx, t, `GD diverged at step ${t}: ${run.divergence}`);
      th = run.theta;
      const xPrev = x;
      x = F.neg(F.mul(F.add(F.one, F.mul(toy.eta, y)), x));
      y = F.add(y, F.mul(toy.eta, F.sub(alpha, F.div(F.mul(beta, F.mul(xPrev, xPrev)), F.int(2)))));
      const yGd = toy.y(th[1]);
      const exF = F.abs(F.sub(th[0], x));
      const sx = F.add(F.abs(th[0]), F.abs(x));
      const bxF = F.add(F.mul(F.from(per * t), sx), F.from(u * 1e-300));
      const eyF = F.abs(F.sub(yGd, y));
      const sy = toy.yScale(th[1]);
      const byF = F.mul(F.from(per * t), sy);
      const mStep = F.min(relativeMargin(F, per * t, exF, sx), relativeMargin(F, per * t, eyF, sy));
      least = leastOf(F, least, mStep);
      for (const [errF, boundF, what] of [
        [exF, bxF, 'x'],
        [eyF, byF, 'ỹ'],
      ] as const) {
        const err = F.toNumber(errF);
        const bound = F.toNumber(boundF);
        const ratio = bound > 0 ? err / bound : err > 0 ? Infinity : 0;
        if (F.lt(boundF, errF)) {
          return violatedAt(ctx, least, {
            code: 'map_mismatch',
            step: t,
            observed: err,
            bound,
            message: `step ${t}: GD's ${what} = ${what === 'x' ? F.toString(th[0]) : F.toString(yGd)} but the reduced map gives ${what === 'x' ? F.toString(x) : F.toString(y)} (|diff| ${err.toExponential(3)} > ${bound.toExponential(3)})`,
            details: { alpha: F.toString(alpha), beta: F.toString(beta) },
          });
        }
        if (ratio > worst.ratio) worst = { ratio, err, bound, step: t, what };
      }
    }
    return holdsAt(ctx, least, {
      code: 'map_exact',
      step: worst.step,
      observed: worst.err,
      bound: worst.bound,
      margin: marginOf(worst.err, worst.bound),
      message: `GD = reduced map for ${instance.steps} steps; worst ${worst.what} difference ${worst.err.toExponential(3)} at step ${worst.step}`,
    });
  },
  negativeControl: {
    description:
      'the map without its self-stabilization term (β = 0), or a loss outside the hypothesis (C·z² in the sharpness, or a quartic q·x⁴/24): GD and the map must part',
    arbitrary: fc.oneof(
      toyInstance({ steps: [20, 200], xMilli: [300, 1500], etaYMilli: [-30, 30], map: 'no-beta' }),
      toyInstance({ steps: [5, 200], xMilli: [300, 1500], etaYMilli: [-30, 30], map: 'exact', perturb: 'curved' }),
      toyInstance({ steps: [5, 200], xMilli: [300, 1500], etaYMilli: [-30, 30], map: 'exact', perturb: 'quartic' }),
    ),
  },
  tolerance: { ulps: 1024 },
  rationale: EXACT_RATIONALE,
});
