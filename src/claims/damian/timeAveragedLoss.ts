import fc from 'fast-check';
import { unitRoundoff } from '../../numerics/tolerance.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { DNL } from '../papers.js';
import { type TrackInstance, isOutcome, marginOf, readTrack, runBeside, trackInstance } from './damianTracking.js';

// ─── damian.time-averaged-loss ─────────────────────────────────────────────────────────────────

export const timeAveragedLoss: Claim<TrackInstance> = defineClaim<TrackInstance>({
  id: 'damian.time-averaged-loss',
  title: 'On time averages the loss is the constrained loss plus x²/η: ⟨L(θ_t)⟩ ≈ ⟨L(θ†_t)⟩ + ⟨x_t²⟩/η (phase-robust)',
  citation: {
    paper: DNL,
    where:
      '§5 derived predictions ("precise predictions for the loss", L(θ_t) ≈ L(θ†_t) + x_t²/η; the code logs it) and the long-timescale loss claim, docs/claims/damian.md',
    recalled: true,
  },
  statement:
    'For GD on ½(a₀ + b·z + ½C·z²)x² − c·z + q·x⁴/24 (ε ≤ 0.01) and PGD θ† on the stable set, with x_t = u_t·(θ_t − θ†_t), averaged over a window ' +
    'of at least one period 2π/ω (ω = η√(2α) ≤ 0.07) starting at the first step at which θ† is on the edge: ' +
    '|⟨L(θ_t) − L(θ†_t)⟩ − ⟨x_t²⟩/η| ≤ 0.03·⟨x_t²⟩/η. Pointwise the relation fails (where |x| ≪ δ), and without the x²/η term it fails on average.',
  kind: 'forall',
  hypotheses: [
    'the loss is ½(a₀ + b·z + ½C·z²)x² − c·z + q·x⁴/24 with the stated coefficients (the cubic toy when C = q = 0)',
    'b, c, η > 0 (α = bc > 0) and β > 0 along θ†',
    'the window spans at least one period 2π/ω of the self-stabilization oscillation',
    'ω = η√(2α) ≤ 0.07: the slow regime (the average carries a term of relative size O(ω²))',
    '|x₀| ≥ δ/1000: GD starts off the invariant line x = 0, on which it never self-stabilizes',
  ],
  arbitrary: trackInstance({
    omegaMilli: [40, 70],
    xMilli: [0, 1450],
    xBase: 50,
    yMilli: [0, 50],
    perturb: ['none', 'none', 'C', 'q-', 'q+'],
    epsTenK: [5, 100],
    periodsCenti: [105, 160],
  }),
  ladder: ['f64', 'dec:30'],
  check<T>(instance: TrackInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    const k = readTrack(instance, ctx, { exact: false });
    const variant = instance.variant;
    ctx.assume(variant === undefined, 'naive_variant', `the ${variant} reading is the negative control, not the claim`);
    ctx.assume(k.eps <= 0.0101, 'perturbation_small', `ε = ${k.eps} must be at most 0.01`);
    // The averaged residual has a term (ηβ/8)⟨(x² − δ²)²⟩ of relative size O(ω²) (docs/claims/damian.md):
    // at ω = 0.25 it alone reaches the 0.03, so the statement holds in the slow regime it is derived for.
    ctx.assume(k.omega <= 0.0701, 'omega_small', `ω = η√(2α) = ${k.omega} must be at most 0.07 (the O(ω²) term of the average)`);
    // The statement is about GD already oscillating about θ†: at x₀ = 0 GD stays on the invariant line
    // x = 0 (⟨x²⟩ = 0, and its sharpness passes 2/η while θ† is held at the edge), and from |x₀| ≈ 1e-6·δ
    // the blow-up still fills the window. From |x₀| = 1e-3·δ on, six of six measured draws hold.
    const x0 = Math.abs(Number(instance.theta[0]));
    ctx.assume(x0 >= 1e-3 * k.delta * (1 - 1e-7), 'x0_small', `|x₀| = ${x0} must be at least δ/1000 = ${1e-3 * k.delta}: GD must start off the line x = 0`);
    const eta = F.toNumber(F.from(instance.lr));
    const tau = ctx.tol.rel;
    const u = unitRoundoff(ctx.precision);
    let t0 = -1;
    let sumL = 0;
    let sumX = 0;
    let sumScale = 0;
    let n = 0;
    let worstPt = { ratio: 0, step: 0 };
    // Sums in the field for ⟨L(θ) − L(θ†)⟩ and ⟨x²⟩/η (as doubles below).
    let accL = F.zero;
    const r = runBeside(instance, ctx, {
      predict: false,
      losses: true,
      edgeTol: 1e-9,
      visit: (s) => {
        if (t0 < 0) t0 = s.t;
        if (s.t === instance.steps) return undefined;
        const dL = F.sub(s.loss as T, s.daggerLoss as T);
        const X = (s.x * s.x) / eta;
        accL = F.add(accL, dL);
        sumX += X;
        sumScale += Math.abs(F.toNumber(s.loss as T)) + Math.abs(F.toNumber(s.daggerLoss as T));
        n++;
        if (variant === 'pointwise') {
          const res = Math.abs(F.toNumber(dL) - X);
          const bound = tau * X + 64 * u * (Math.abs(F.toNumber(s.loss as T)) + Math.abs(F.toNumber(s.daggerLoss as T)));
          if (!(res <= bound)) {
            return ctx.violated({
              code: 'pointwise_fails',
              step: s.t,
              observed: res,
              bound,
              margin: marginOf(res, bound),
              message:
                `step ${s.t}: L(θ) − L(θ†) = ${F.toString(dL)} but x²/η = ${X.toExponential(4)} (|x|/δ = ${(Math.abs(s.x) / s.delta).toExponential(2)}): ` +
                'pointwise the relation fails where |x| ≪ δ, the residual ½ỹ(x² − δ²) being ≈ −ỹδ²/2',
              details: { xOverDelta: Math.abs(s.x) / s.delta },
            });
          }
          if (X > 0 && res / X > worstPt.ratio) worstPt = { ratio: res / X, step: s.t };
        }
        return undefined;
      },
    });
    if (isOutcome(r)) return r;
    ctx.assume(t0 >= 0, 'never_on_edge', `θ† did not reach the edge S = 2/η within ${instance.steps} steps`);
    ctx.assume(n >= k.period, 'window_short', `the window (${n} steps from t₀ = ${t0}) must span a period 2π/ω = ${Math.ceil(k.period)} steps`);
    // (A control instance with nothing to average contradicts nothing.)
    if (n === 0) return ctx.holds({ code: 'empty_window', message: 'no step to average over', observed: 0, bound: 0, margin: 0 });
    sumL = F.toNumber(accL);
    const meanL = sumL / n;
    const meanX = sumX / n;
    const details = { t0, window: n, meanExcessLoss: meanL, meanX2OverEta: meanX, relative: (meanL - meanX) / meanX, eps: k.eps, orbit: k.orbit };
    if (variant === 'pointwise') {
      return ctx.holds({
        code: 'pointwise_holds',
        message: `pointwise within ${tau}·x²/η (worst ${worstPt.ratio.toExponential(2)} at step ${worstPt.step})`,
        observed: worstPt.ratio,
        bound: tau,
        margin: tau - worstPt.ratio,
        details,
      });
    }
    // Rounding: each loss carries a few ulps of its size; 64 ulps of Σ(|L(θ)| + |L(θ†)|).
    const slack = (64 * u * sumScale) / n;
    const predicted = variant === 'no-x2' ? 0 : meanX;
    const res = Math.abs(meanL - predicted);
    const bound = tau * meanX + slack;
    if (!(res <= bound)) {
      return ctx.violated({
        code: variant === 'no-x2' ? 'excess_loss_ignored' : 'average_mismatch',
        observed: res,
        bound,
        margin: marginOf(res, bound),
        details,
        message:
          variant === 'no-x2'
            ? `⟨L(θ) − L(θ†)⟩ = ${meanL.toExponential(4)} is not ≈ 0: it is ⟨x²⟩/η = ${meanX.toExponential(4)} (δ²/η = ${((k.delta * k.delta) / eta).toExponential(4)}); dropping the x²/η term misses the excess loss of the oscillation`
            : `⟨L(θ) − L(θ†)⟩ = ${meanL.toExponential(6)} but ⟨x²⟩/η = ${meanX.toExponential(6)} over ${n} steps (relative ${((meanL - meanX) / meanX).toExponential(3)})`,
      });
    }
    return ctx.holds({
      code: 'average_holds',
      observed: res,
      bound,
      margin: marginOf(res, bound),
      details,
      message: `over ${n} steps from t₀ = ${t0} (${(n / k.period).toFixed(2)} periods) ⟨L(θ) − L(θ†)⟩ = ${meanL.toExponential(5)} ≈ ⟨x²⟩/η = ${meanX.toExponential(5)} (relative ${((meanL - meanX) / meanX).toExponential(2)})`,
    });
  },
  negativeControl: {
    description:
      'the naive readings: the relation pointwise (|L(θ_t) − L(θ†_t) − x_t²/η| ≤ 0.03·x_t²/η at every step) on large orbits, where x spends stretches ' +
      'near 0; or the average without the x²/η term (⟨L(θ)⟩ ≈ ⟨L(θ†)⟩): both must fail',
    arbitrary: fc.oneof(
      trackInstance({ omegaMilli: [60, 100], xMilli: [0, 150], xBase: 20, yMilli: [0, 50], periodsCenti: [105, 130], variant: 'pointwise' }),
      trackInstance({
        omegaMilli: [60, 100],
        xMilli: [0, 1450],
        xBase: 50,
        yMilli: [0, 50],
        perturb: ['none', 'C', 'q-'],
        epsTenK: [5, 100],
        periodsCenti: [105, 130],
        variant: 'no-x2',
      }),
    ),
  },
  tolerance: { rel: 0.03 },
  rationale:
    'Derived on the toy (C = q = 0): with θ† on the clamp, L(θ) − L(θ†) − x²/η = ½ỹ(x² − δ²) exactly, and summing the ỹ-update gives ' +
    '⟨½ỹ(x² − δ²)⟩ = −(ỹ_T² − ỹ₀²)/(2ηβT) + (ηβ/8)⟨(x² − δ²)²⟩: a boundary term O(1/T) and a second-order term O(η²α) relative to δ²/η. ' +
    'Measured in f64: relative error ≤ 0.0076 on 120 instances (ω ∈ [0.03, 0.06], windows of 1–3 periods, ε ≤ 0.01) and ≤ 0.0056 on 300 instances ' +
    'of this generator (ω ∈ [0.04, 0.07], windows of 1.05–1.6 periods, 40% unperturbed), so 0.03 is four to five times the worst case. ' +
    'The naive pointwise relation fails by factors 10–5000 on large orbits; dropping x²/η gives relative error ≈ 1. Plus 64 ulps of Σ|L| for rounding.',
});
