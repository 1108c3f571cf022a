import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { relativeError, relativeMargin } from '../relativeMargin.js';
import { StepTally, beyondTolerance, failedAt } from '../stepTally.js';
import { nonFinite } from '../diverged.js';
import { LBDSG } from '../papers.js';
import { gdStepper } from '../../dynamics/stepper.js';
import { type WideUvInstance, fl, wideUvInstances } from './wideUv.js';

/**
 * Lewkowycz, Bahri, Dyer, Sohl-Dickstein, Gur-Ari (docs/claims/lewkowycz.md, docs/claims/wang-xu-zhao-tao.md): the width-m uv model
 * f = vᵀu/√m, L = ½(f − y)², whose GD closes exactly on (f, λ) with λ = (‖u‖² + ‖v‖²)/m (the
 * NTK). The arXiv id and the paper's window statement are recalled [R].
 */

// lewkowycz.fl-map.exact ---------------------------------------------------------------------------

function checkFlMap<T>(inst: WideUvInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const m = theta.length / 2;
  const M = F.int(m);
  const rootM = F.sqrt(M);
  const eta = F.from(inst.lr);
  const y = F.from(inst.params.target);
  const lin = inst.variant === 'linearized';
  let th = theta;
  const run = gdStepper(model, eta, th);
  // The least margin over the steps, in the field: at interval:N (no slack) its enclosure certifies.
  const tally = new StepTally(F, ctx.tol.rel);
  for (let t = 0; t < inst.steps; t++) {
    const { f, lam } = fl(F, th, m);
    const r = F.sub(f, y);
    if (!run.step()) break;
    const next = run.theta;
    const { f: fN, lam: lamN } = fl(F, next, m);
    const er = F.mul(eta, r);
    const e2 = F.div(F.mul(er, er), M);
    const fPred = lin ? F.sub(f, F.mul(er, lam)) : F.add(F.sub(f, F.mul(er, lam)), F.mul(e2, f));
    const lamPred = lin ? lam : F.add(F.sub(lam, F.div(F.mul(F.int(4), F.mul(er, f)), M)), F.mul(e2, lam));
    // Rounding scale: the iterate's entries are summed from |uᵢ| + η|r||vᵢ|/√m; f⁺ and λ⁺ from their products.
    const c = F.div(F.abs(er), rootM);
    let sf = F.zero;
    let sl = F.zero;
    for (let i = 0; i < m; i++) {
      const a = F.add(F.abs(th[i]), F.mul(c, F.abs(th[m + i])));
      const b = F.add(F.abs(th[m + i]), F.mul(c, F.abs(th[i])));
      sf = F.add(sf, F.mul(a, b));
      sl = F.add(sl, F.add(F.mul(a, a), F.mul(b, b)));
    }
    const scaleF = F.add(F.div(sf, rootM), F.add(F.abs(f), F.mul(F.abs(er), lam)));
    const scaleL = F.div(sl, M);
    const errF = F.abs(F.sub(fN, fPred));
    const errL = F.abs(F.sub(lamN, lamPred));
    const oF = F.toNumber(F.div(errF, scaleF));
    const oL = F.toNumber(F.div(errL, scaleL));
    const observed = Math.max(oF, oL);
    const margin = ctx.tol.rel - observed;
    const mF = F.min(relativeMargin(F, ctx.tol.rel, errF, scaleF), relativeMargin(F, ctx.tol.rel, errL, scaleL));
    if (beyondTolerance(F, ctx.tol, errF, scaleF) || beyondTolerance(F, ctx.tol, errL, scaleL)) {
      return failedAt(
        ctx,
        'map_mismatch',
        t,
        observed,
        mF,
        `step ${t} (m = ${m}): the iterate gives (f⁺, λ⁺) = (${F.toString(fN)}, ${F.toString(lamN)}) but the ${lin ? 'linearized (m → ∞)' : 'closed'} map gives (${F.toString(fPred)}, ${F.toString(lamPred)})`,
      );
    }
    tally.note(mF, { margin, observed, bound: ctx.tol.rel, step: t });
    tally.checked++;
    th = next;
  }
  return tally.holds(
    ctx,
    'map_exact',
    `(f, λ) followed the closed 2-D map at each of ${tally.checked} steps (m = ${m}); worst relative error ${tally.worst.observed.toExponential(2)}`,
  );
}

export const lewkowyczFlMap: Claim<WideUvInstance> = defineClaim<WideUvInstance>({
  id: 'lewkowycz.fl-map.exact',
  title: 'Width-m uv model: GD on (u, v) ∈ ℝ²ᵐ is exactly a 2-D map on (f, λ)',
  citation: { paper: LBDSG, where: "§2, the uv model's closed (f, λ) dynamics (re-derived in docs/claims/wang-xu-zhao-tao.md [D]; recalled)", recalled: true },
  statement:
    'For f = vᵀu/√m, L = ½(f − y)², r = f − y and λ = (‖u‖² + ‖v‖²)/m, one GD step gives exactly f⁺ = f − ηλr + (η²r²/m)f and ' +
    'λ⁺ = λ − 4ηrf/m + (η²r²/m)λ, for every m, η, y. The linearized (NTK, m → ∞) map f⁺ = f − ηλr, λ⁺ = λ misses the O(1/m) terms that drive the catapult.',
  kind: 'identity',
  hypotheses: ['m ∈ {1..8}, u, v ∈ [−1, 1]^m, y ∈ [−1, 1], η ∈ (0, 2]', 'iterates finite'],
  arbitrary: wideUvInstances({ m: [1, 8], y: decimalText(-1, 1, 2), lr: [0.001, 2], steps: [1, 20] }),
  check: checkFlMap,
  negativeControl: {
    description: 'the linearized (m → ∞) map at m ∈ {1, 2}, y ∈ [1, 2], η ∈ [0.5, 1.5]: its missing O(η²r²/m) terms are large',
    arbitrary: wideUvInstances({ m: [1, 2], y: decimalText(1, 2, 2), lr: [0.5, 1.5], steps: [1, 3], variant: 'linearized' }),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'Exact identity checked per step against the computed iterate: 4096 ulps (9e-13 in f64; the catalog asks 1e-10) of the magnitudes f⁺ and λ⁺ ' +
    'are summed from (Σ(|uᵢ| + η|r||vᵢ|/√m)(|vᵢ| + η|r||uᵢ|/√m)/√m, and the squares for λ).',
});

// lewkowycz.lambda-monotone-y0 ---------------------------------------------------------------------

function checkLambdaY0<T>(inst: WideUvInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const m = theta.length / 2;
  const M = F.int(m);
  const eta = F.from(inst.lr);
  ctx.assume(F.sign(F.from(inst.params.target)) === 0, 'target_not_zero', 'the identity needs y = 0');
  const { f: f0, lam: lam0 } = fl(F, theta, m);
  const k0 = F.mul(eta, lam0);
  ctx.assume(F.lt(F.int(2), k0) && F.lt(k0, F.int(4)), 'kappa_out_of_range', `η·λ₀ = ${F.toString(k0)} is not in (2, 4)`);
  ctx.assume(F.sign(f0) !== 0, 'f0_zero', 'f₀ = 0: GD does not move');
  let th = theta;
  const run = gdStepper(model, eta, th);
  // The least margin over the steps, in the field: at interval:N (no slack) its enclosure certifies.
  const tally = new StepTally(F, ctx.tol.rel);
  let t = 0;
  for (; t < inst.steps; t++) {
    const { f, lam } = fl(F, th, m);
    // Divergence is a verdict, never a pass: with y = 0 and η·λ₀ < 4 the exact run cannot leave the finite numbers.
    if (!run.step()) return nonFinite(ctx, t + 1, `GD left the finite numbers at step ${t + 1} (η·λ₀ = ${F.toNumber(k0).toFixed(4)})`);
    const next = run.theta;
    const { lam: lamN } = fl(F, next, m);
    const inc = F.sub(lamN, lam);
    const predicted = F.mul(F.div(F.mul(eta, F.mul(f, f)), M), F.sub(F.mul(eta, lam), F.int(4)));
    // Rounding of λ⁺ − λ: a few ulps of λ⁺ + λ.
    const scale = F.add(lamN, lam);
    const err = F.abs(F.sub(inc, predicted));
    const tol = F.add(F.mul(F.from(ctx.tol.rel), scale), F.from(ctx.tol.abs));
    const observed = F.toNumber(relativeError(F, err, scale));
    const mErr = relativeMargin(F, ctx.tol.rel, err, scale);
    const mInc = relativeMargin(F, ctx.tol.rel, inc, scale);
    if (F.lt(tol, err)) {
      return failedAt(ctx, 'increment_mismatch', t, observed, mErr, `step ${t}: λ⁺ − λ = ${F.toString(inc)} but (ηf²/m)(ηλ − 4) = ${F.toString(predicted)}`);
    }
    if (F.lt(tol, inc)) {
      const o = F.toNumber(relativeError(F, inc, scale));
      return failedAt(
        ctx,
        'lambda_increased',
        t,
        o,
        mInc,
        `step ${t}: λ rose from ${F.toString(lam)} to ${F.toString(lamN)} (η·λ = ${F.toNumber(F.mul(eta, lam)).toFixed(4)}; η·λ₀ = ${F.toNumber(k0).toFixed(4)})`,
      );
    }
    const margin = ctx.tol.rel - observed;
    // Both parts of the claim: the increment identity and λ⁺ ≤ λ.
    tally.note(F.min(mErr, mInc), { margin, observed, bound: ctx.tol.rel, step: t });
    tally.checked++;
    th = next;
  }
  const { lam: lamEnd } = fl(F, th, m);
  return tally.holds(
    ctx,
    'lambda_monotone',
    `λ⁺ − λ = (ηf²/m)(ηλ − 4) and λ non-increasing over ${t} steps (m = ${m}): η·λ went ${F.toNumber(k0).toFixed(4)} → ${F.toNumber(F.mul(eta, lamEnd)).toFixed(4)}`,
  );
}

export const lewkowyczLambdaY0: Claim<WideUvInstance> = defineClaim<WideUvInstance>({
  id: 'lewkowycz.lambda-monotone-y0',
  title: 'uv with y = 0: λ⁺ − λ = (ηf²/m)(ηλ − 4) exactly, so λ never increases once η·λ₀ < 4',
  citation: {
    paper: LBDSG,
    where: '§2, the NTK (λ) update of the uv model and the 4/λ₀ catapult boundary (exact increment derived in docs/claims/wang-xu-zhao-tao.md [D]; recalled)',
    recalled: true,
  },
  statement:
    'For the width-m uv model with y = 0 (so r = f): λ_{t+1} − λ_t = (ηf_t²/m)(ηλ_t − 4) at every step. Hence if 2 < η·λ₀ < 4, λ is non-increasing ' +
    'along the whole trajectory (it only decreases, so η·λ_t < 4 stays true). If η·λ₀ > 4 (and f₀ ≠ 0), λ increases.',
  kind: 'identity',
  hypotheses: ['y = 0, f₀ ≠ 0', 'η·λ₀ ∈ (2, 4)', 'm ∈ {1..8}, u, v ∈ [−1, 1]^m'],
  arbitrary: wideUvInstances({ m: [1, 8], y: fc.constant('0'), kappa: [2.001, 3.999], steps: [1, 200] }),
  check: checkLambdaY0,
  negativeControl: {
    description: 'η·λ₀ ∈ [4.2, 5] (beyond the catapult boundary, y = 0): λ increases at the first step with f₀ ≠ 0',
    arbitrary: wideUvInstances({ m: [1, 4], y: fc.constant('0'), kappa: [4.2, 5], steps: [1, 5] }),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'The increment identity is exact; λ⁺ − λ is compared with (ηf²/m)(ηλ − 4) to 4096 ulps (9e-13 in f64) of λ⁺ + λ, and "non-increasing" ' +
    "allows the same slack (the catalog's 1e-12 per step for monotone claims).",
});
