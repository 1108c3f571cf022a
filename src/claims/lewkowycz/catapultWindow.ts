import fc from 'fast-check';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { mostOf } from '../relativeMargin.js';
import { LBDSG } from '../papers.js';
import { gdStepper } from '../../dynamics/stepper.js';
import { type WideUvInstance, fl, wideUvInstances } from './wideUv.js';

/** Lewkowycz et al.: the catapult window of the width-m uv model (docs/claims/lewkowycz.md). */

// lewkowycz.catapult-window -----------------------------------------------------------------------

function checkCatapultWindow<T>(inst: WideUvInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const m = theta.length / 2;
  const eta = F.from(inst.lr);
  ctx.assume(F.sign(F.from(inst.params.target)) === 0, 'target_not_zero', 'the window is exact for y = 0');
  const { f: f0, lam: lam0 } = fl(F, theta, m);
  const k0 = F.mul(eta, lam0);
  ctx.assume(!F.lt(k0, F.from('2.1')) && !F.lt(F.from('3.9'), k0), 'kappa_out_of_range', `η·λ₀ = ${F.toString(k0)} is not in [2.1, 3.9]`);
  ctx.assume(!F.lt(F.abs(f0), F.from('0.01')), 'f0_tiny', `|f₀| = ${F.toString(F.abs(f0))} < 0.01 (the catapult would take too long to start)`);
  // The lazy-start condition of the window (large width at fixed f₀): η²f₀²/m ≤ (η·λ₀ − 2)/2, so the first multiplier
  // 1 − η·λ₀ + η²f₀²/m of f has modulus ≥ η·λ₀/2 > 1.
  const b0 = F.div(F.mul(F.mul(eta, eta), F.mul(f0, f0)), F.int(m));
  ctx.assume(
    !F.lt(F.div(F.sub(k0, F.int(2)), F.int(2)), b0),
    'not_lazy_start',
    `η²f₀²/m = ${F.toString(b0)} exceeds (η·λ₀ − 2)/2: the O(1/m) term is not small`,
  );
  const L0 = model.loss(theta);
  let maxL = L0;
  // max_{t ≥ 1} L_t in the field: (peak − L₀)/L₀ > 0 is the spike, with no tie at L₀ itself.
  let peak: T | undefined;
  let th = theta;
  const run = gdStepper(model, eta, th);
  let t = 0;
  let inside = 0;
  for (; t < inst.steps; t++) {
    const stepped = run.step();
    th = run.theta;
    if (!stepped || Math.abs(F.toNumber(fl(F, th, m).f)) > 1e6) {
      // In interval arithmetic only a certain blow-up (|f| certainly past 1e6) is GD diverging; an
      // enclosure grown too wide proves nothing, and the certification climbs to more digits.
      const fAbs = stepped ? F.abs(fl(F, th, m).f) : undefined;
      if (ctx.precision.kind === 'interval' && !(fAbs !== undefined && F.lt(F.from(1e6), fAbs))) {
        return ctx.diverged({
          code: 'enclosure_blew_up',
          step: t,
          observed: Number.NaN,
          bound: 2,
          margin: Number.NaN,
          message: `the enclosure of the iterate blew up by step ${t}`,
        });
      }
      return ctx.violated({
        code: 'diverged',
        step: t,
        observed: Number.POSITIVE_INFINITY,
        bound: 2,
        margin: Number.NEGATIVE_INFINITY,
        ...(fAbs !== undefined && ctx.precision.kind === 'interval' ? ctx.margin(F.sub(F.from(1e6), fAbs)) : {}),
        message: `GD diverged by step ${t} (η·λ₀ = ${F.toNumber(k0).toFixed(4)}, m = ${m})`,
      });
    }
    const L = model.loss(th);
    if (F.lt(maxL, L)) maxL = L;
    peak = mostOf(F, peak, L);
    inside = F.lt(F.abs(fl(F, th, m).f), F.from('1e-10')) ? inside + 1 : 0;
    if (inside >= 3) break;
  }
  ctx.assume(inside >= 3, 'not_converged', `|f| did not fall below 1e-10 within ${inst.steps} steps`);
  const kEnd = F.mul(eta, fl(F, th, m).lam);
  const o = F.toNumber(kEnd);
  const details = { kappa0: F.toString(k0), maxLoss: F.toString(maxL), loss0: F.toString(L0), steps: t + 1 };
  const spike = F.div(F.sub(peak ?? L0, L0), L0);
  const mSpike = ctx.margin(spike);
  if (!F.lt(L0, maxL)) {
    return ctx.violated({
      code: 'no_loss_spike',
      observed: 0,
      bound: 0,
      ...mSpike,
      step: t,
      details,
      message: `the loss never exceeded its initial value ${F.toString(L0)} although η·λ₀ = ${F.toNumber(k0).toFixed(4)} > 2`,
    });
  }
  const belowEdge = F.lt(kEnd, F.int(2));
  const evidence = {
    code: belowEdge ? 'catapult' : 'above_edge',
    observed: o,
    bound: 2,
    ...ctx.margin(F.min(spike, F.sub(F.int(2), kEnd))),
    step: t,
    details,
    message: belowEdge
      ? `η·λ₀ = ${F.toNumber(k0).toFixed(4)}: the loss spiked to ${F.toNumber(maxL).toExponential(3)} (from ${F.toNumber(L0).toExponential(3)}), then GD converged in ${t + 1} steps with η·λ_∞ = ${o.toFixed(4)} < 2 (m = ${m})`
      : `converged with η·λ_∞ = ${o.toFixed(6)} ≥ 2`,
  };
  return belowEdge ? ctx.holds(evidence) : ctx.violated(evidence);
}

export const lewkowyczCatapultWindow: Claim<WideUvInstance> = defineClaim<WideUvInstance>({
  id: 'lewkowycz.catapult-window',
  title: 'Catapult window on uv (y = 0): for 2/λ₀ < η < 4/λ₀ the loss spikes, then GD converges with η·λ_∞ < 2',
  citation: { paper: LBDSG, where: '§2–3, the three phases lazy / catapult / divergent of the uv model (recalled)', recalled: true },
  statement:
    'For the width-m uv model with y = 0, |f₀| ≥ 0.01, η·λ₀ ∈ [2.1, 3.9] and a lazy start η²f₀²/m ≤ (η·λ₀ − 2)/2 (the large-width regime): the loss rises above its initial value, then GD converges (f → 0) to a ' +
    'point with η·λ_∞ < 2 — a flatter region than the start. For η·λ₀ > 4 GD diverges instead (the negative control).',
  kind: 'forall',
  hypotheses: [
    'y = 0, |f₀| ≥ 0.01',
    'η·λ₀ ∈ [2.1, 3.9]',
    'η²f₀²/m ≤ (η·λ₀ − 2)/2 (without it, e.g. m = 1 with f₀ large, the first step can shrink f and no spike need occur)',
    'm ∈ {4..16}, u, v ∈ [−1, 1]^m',
    'GD reaches |f| < 1e-10 within 3000 steps (else inconclusive)',
  ],
  arbitrary: wideUvInstances({ m: [4, 16], y: fc.constant('0'), kappa: [2.1, 3.9], steps: [3000, 3000] }),
  check: checkCatapultWindow,
  negativeControl: {
    description: 'η·λ₀ ∈ [4.2, 5] with y = 0 (above the 4/λ₀ boundary; hypothesis waived): GD diverges',
    arbitrary: wideUvInstances({ m: [4, 16], y: fc.constant('0'), kappa: [4.2, 5], steps: [300, 300] }),
  },
  // No slack: the predicate is strict comparisons, far from their boundaries on every measured run.
  tolerance: { rel: 0 },
  rationale:
    'The predicate is qualitative (a spike, then η·λ_∞ < 2), judged by strict comparisons without slack: the only numerics are the convergence threshold |f| < 1e-10 (λ then moves by ' +
    '< η·1e-20/m per step) and the strict comparisons. [E]: final η·λ ∈ [0.19, 1.89] across ηλ₀ ∈ [2.1, 3.9], divergence within ~10 steps above 4.',
});
