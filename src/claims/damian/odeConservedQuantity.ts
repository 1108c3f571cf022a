import fc from 'fast-check';
import type { Vec } from '../../numerics/field.js';
import { unitRoundoff } from '../../numerics/tolerance.js';
import { centeredGdRule } from '../../dynamics/centeredRule.js';
import { stepper } from '../../dynamics/stepper.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { DNL } from '../papers.js';
import { exactlyZero } from '../exactlyZero.js';
import { leastOf } from '../relativeMargin.js';
import { type TrackInstance, leftFinite, marginOf, readTrack, trackInstance } from './damianTracking.js';
import { holdsAt, violatedAt } from '../stepTally.js';

// ─── damian.reduced-map.ode-conserved-quantity ──────────────────────────────────────────────────

/** Fitted K of |E_t/E₀ − 1| ≤ K·ω·(1 + t/P): measured max 6.7 (small-oscillation theory: 2π per period). */
const DRIFT_K = 10;
const OMEGA_MAX = 0.03;
const PERIODS_MAX = 3;

export const odeConservedQuantity: Claim<TrackInstance> = defineClaim<TrackInstance>({
  id: 'damian.reduced-map.ode-conserved-quantity',
  title: 'H = ỹ² + (β/2)x² − α·ln x² (conserved by the ODE limit of the reduced map) drifts by at most K·η√(2α)·H per period over a few periods',
  citation: {
    paper: DNL,
    where:
      '§4.1, equation (3) (the reduced map); its continuous-time limit, a Lotka–Volterra-type system in (x², ỹ), and the conserved H are derived in docs/claims/damian.md, not quoted from the paper',
  },
  statement:
    'On the reduced map x⁺ = −(1 + ηỹ)x, ỹ⁺ = ỹ + η(α − βx²/2) (GD on ½(a₀ + b·z)x² − c·z, α = bc, β = b², δ² = 2α/β), with ω = η√(2α) ≤ 0.03, ' +
    'P = 2π/ω and E = H − H(δ, 0) = ỹ² + α(x²/δ² − 1 − ln(x²/δ²)) ≥ 0: |E_t − E₀| ≤ 10·ω·(1 + t/P)·E₀ for t ≤ 3P. ' +
    'The discrete map is not conservative: its orbits spiral outward (E grows by about e^{2πω} a period) and can diverge, ' +
    'so no such bound holds over long horizons or for larger ω (docs/claims/damian.md caveat 2: the negative control).',
  kind: 'forall',
  hypotheses: [
    'the loss is exactly ½(a₀ + b·z)x² − c·z (GD on it is the reduced map)',
    'b, c, η > 0, x₀ ≠ 0, and E₀ ≥ 10⁻³·α (not the fixed point, where the relative drift is undefined)',
    `ω = η√(2α) ≤ ${OMEGA_MAX}`,
    `the horizon is at most ${PERIODS_MAX} periods 2π/ω`,
  ],
  // ω ∈ [0.003, 0.03], x₀/δ ∈ [0.01, 3] (shrinks to 0.5), ỹ₀/√(2α) ∈ [−1, 1], 0.2–3 periods.
  arbitrary: trackInstance({ omegaMilli: [3, 30], xMilli: [-490, 2500], xBase: 500, yMilli: [-1000, 1000], yUnit: 'omega', periodsCenti: [20, 300] }),
  ladder: ['f64', 'dec:30'],
  check<T>(instance: TrackInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    const k = readTrack(instance, ctx, { exact: true });
    ctx.assume(k.omega <= OMEGA_MAX * (1 + 1e-6), 'omega_small', `ω = η√(2α) = ${k.omega.toFixed(4)} must be at most ${OMEGA_MAX}`);
    ctx.assume(
      instance.steps <= PERIODS_MAX * k.period + 1,
      'horizon_short',
      `the horizon (${instance.steps} steps) must be at most ${PERIODS_MAX} periods (${Math.floor(PERIODS_MAX * k.period)} steps)`,
    );
    ctx.assume(Number.isFinite(k.orbit) && k.orbit >= 1e-3, 'orbit_nondegenerate', `E₀/α = ${k.orbit} must be at least 1e-3 (x₀ ≠ 0, not at the fixed point)`);
    const { model, theta } = ctx.model(instance);
    const eta = F.from(instance.lr);
    const a0 = F.from(instance.toy.a0);
    const b = F.from(instance.toy.b);
    const alpha = F.mul(b, F.from(instance.toy.c));
    const d2 = F.div(F.mul(F.int(2), F.from(instance.toy.c)), b);
    const edge = F.div(F.int(2), eta);
    // No rounding slack in interval arithmetic: the rounding is inside the enclosures.
    const u = ctx.precision.kind === 'interval' ? 0 : unitRoundoff(ctx.precision);
    // ω = η√(2α) and the period 2π/ω in the field, so that the drift bound is exact at interval:N.
    const omegaF = F.mul(eta, F.sqrt(F.mul(F.int(2), alpha)));
    const periodF = F.div(F.mul(F.int(2), F.acos(F.neg(F.one))), omegaF);
    const kOmega = F.mul(F.from(ctx.tol.rel), omegaF);
    const energy = (th: Vec<T>): { E: T; scale: number } => {
      const y = F.sub(F.add(a0, F.mul(b, th[1])), edge);
      const r = F.div(F.mul(th[0], th[0]), d2);
      const E = F.add(F.mul(y, y), F.mul(alpha, F.sub(F.sub(r, F.one), F.log(r))));
      // Rounding scale of E: ỹ is good to ulps of |a₀| + |bz| + 2/η, and the α-part to ulps of α(r + 1 + |ln r|).
      const yScale = F.toNumber(F.add(F.add(F.abs(a0), F.abs(F.mul(b, th[1]))), edge));
      const rN = F.toNumber(r);
      return { E, scale: 2 * Math.abs(F.toNumber(y)) * yScale + k.alpha * (rN + 1 + Math.abs(Math.log(rN))) };
    };
    let th = theta;
    const e0 = energy(th);
    const E0 = F.toNumber(e0.E);
    let worst = { m: Infinity, step: 0, drift: 0, bound: 0, ratio: 1 };
    // 1 − drift/bound, the least over the steps, in the field: at interval:N its enclosure certifies.
    let least: T | undefined;
    // At interval:N GD in centred form: a box around the orbit of this near-rotation widens by the orbit's own multipliers, not twice a step.
    const rule = centeredGdRule(
      F,
      (v) => model.grad(v),
      (v) => model.hessian(v),
      eta,
    );
    const run = stepper(rule, theta, { divergenceBound: Number.POSITIVE_INFINITY });
    for (let t = 1; t <= instance.steps; t++) {
      if (!run.step()) return leftFinite(ctx, t, 'the reduced map');
      th = run.theta;
      if (exactlyZero(F, th[0])) {
        // x underflowed to 0: E = +∞, an orbit that left every bound (only long horizons get there).
        return ctx.violated({
          code: 'h_drift',
          step: t,
          observed: Infinity,
          bound: 0,
          margin: Number.NEGATIVE_INFINITY,
          message: `step ${t}: x underflowed to 0, so E = +∞: the orbit of the discrete map spiralled out of every bound`,
        });
      }
      const e = energy(th);
      const driftF = F.abs(F.sub(e.E, e0.E));
      const drift = F.toNumber(driftF);
      // Rounding: 4096 ulps of the scale of E per step, accumulated linearly (the trajectory's relative error grows by ulps a step).
      const boundF = F.add(F.mul(F.mul(kOmega, F.add(F.one, F.div(F.int(t), periodF))), e0.E), F.from(4096 * u * t * (e.scale + e0.scale)));
      const bound = F.toNumber(boundF);
      const m = marginOf(drift, bound);
      least = leastOf(F, least, F.sub(F.one, F.div(driftF, boundF)));
      // Only a certain excess ends the run: at interval:N an undecided step leaves it to the least margin.
      if (F.lt(boundF, driftF) || Number.isNaN(drift)) {
        return violatedAt(ctx, least, {
          code: 'h_drift',
          step: t,
          observed: drift,
          bound,
          message:
            `step ${t} (${(t / k.period).toFixed(2)} periods, ω = ${k.omega.toFixed(4)}): E = ${F.toString(e.E)} drifted from E₀ = ${E0.toExponential(4)} by ` +
            `${(drift / E0).toExponential(3)}·E₀ > ${DRIFT_K}·ω·(1 + t/P) = ${(bound / E0).toExponential(3)}: the discrete map spirals outward`,
          details: { omega: k.omega, periods: t / k.period, ratio: F.toNumber(e.E) / E0 },
        });
      }
      if (m < worst.m) worst = { m, step: t, drift, bound, ratio: F.toNumber(e.E) / E0 };
    }
    return holdsAt(ctx, least, {
      code: 'h_bounded',
      step: worst.step,
      observed: worst.drift,
      bound: worst.bound,
      margin: worst.m,
      message:
        `over ${instance.steps} steps (${(instance.steps / k.period).toFixed(2)} periods, ω = ${k.omega.toFixed(4)}, E₀/α = ${k.orbit.toFixed(3)}) ` +
        `E stayed within the drift bound; tightest at step ${worst.step} (E/E₀ = ${worst.ratio.toFixed(5)})`,
      details: { omega: k.omega, periods: instance.steps / k.period, orbit: k.orbit },
    });
  },
  negativeControl: {
    description:
      'the discrete map is not conservative (docs/claims/damian.md caveat, §6 caveat 2): the same bound over 30–50 periods, with ω ∈ [0.02, 0.03] ' +
      '(long horizon only) or ω ∈ [0.04, 0.1] (larger η too): E grows like e^{2πω} a period and, for ω ≳ 0.04, the orbit blows up ' +
      '(the check reports the bound crossed before any overflow)',
    arbitrary: fc.oneof(
      trackInstance({ omegaMilli: [20, 30], xMilli: [-400, 500], xBase: 500, yMilli: [-500, 500], yUnit: 'omega', periodsCenti: [3000, 5000] }),
      trackInstance({ omegaMilli: [40, 100], xMilli: [-400, 500], xBase: 500, yMilli: [-500, 500], yUnit: 'omega', periodsCenti: [3000, 5000] }),
    ),
  },
  tolerance: { rel: DRIFT_K },
  rationale:
    'Derived: linearising the map at the fixed point (δ, 0) in (ln|x|, ηỹ) gives det = 1 + ω², so E grows by (1 + ω²)^{2π/ω} ≈ e^{2πω} a period: ' +
    'a drift of ≈ 2π·ω per period, plus an O(ω) oscillation within a period. Measured in f64 on 3000 random orbits (ω ∈ [0.003, 0.03], ' +
    'x₀/δ ∈ [0.01, 3], ỹ₀/√(2α) ∈ [−1, 1], α ∈ [0.01, 1], up to 3 periods): max_t |E_t/E₀ − 1|/(ω(1 + t/P)) ≤ 6.7 (median 3.9), so K = 10 ' +
    '(smallest margin 0.37 on 300 instances of this generator). ' +
    'docs/claims/damian.md [E] agrees (α = β = 1, 45 periods: E grew 0.96 → 1.23 at η = 10⁻³, 1.08 → 18.1 at η = 10⁻², i.e. ≈ 6ω a period). ' +
    "Over 45 periods the same statistic is 49–131, or the orbit diverges (η = 0.03). Plus rounding: 4096 ulps a step of the size of E's terms.",
});
