import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import { sharpness } from '../../spectral/sharpness.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { KNSC } from '../papers.js';
import { gdStepper } from '../../dynamics/stepper.js';
import { type DeepScalarInstance, gfsInstances, gfsSharpness, prod } from './kreisler.js';
import { MARGIN_IN_DOUBLES } from '../marginInDoubles.js';
import { runUntilSettled } from '../../dynamics/runUntilSettled.js';
import { unsettled } from '../diverged.js';

/**
 * Kreisler et al.: started sharper than 2/η, GD on a scalar network converges, and to the edge of
 * stability. Neither half is assumed: a run that does not converge counts against the claim, and so
 * does one that lands far below the edge. Linear stability only gives η·S∞ ≤ 2 for a run that
 * converges; how close to 2 it lands is what the claim measures (docs/claims/kreisler.md).
 */

const D60 = decimalCtor(60);

/** η·S∞ must reach 2 − EDGE_GAP: within 10% of the edge. */
const EDGE_GAP = '0.2';

function checkConvergesToEos<T>(inst: DeepScalarInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const eta = F.from(inst.lr);
  const y = F.from(inst.params.target);
  const n = theta.length;
  // η·D·|y|^{2 − 2/D} < 2: some minimizer (the balanced one) is linearly stable.
  const minS = F.mul(F.int(n), F.pow(F.abs(y), F.div(F.int(2 * n - 2), F.int(n))));
  const stab = F.mul(eta, minS);
  ctx.assume(F.lt(stab, F.int(2)), 'no_stable_minimizer', `η·D·|y|^{2−2/D} = ${F.toString(stab)} ≥ 2: no minimizer is stable`);
  ctx.assume(
    theta.every((x) => F.sign(x) > 0),
    'weights_not_positive',
    'the initial weights must be positive',
  );
  // Started (numerically) on the minimizers, GD would sit at an unstable minimizer and look converged.
  ctx.assume(!F.lt(F.abs(F.sub(prod(F, theta), y)), F.from('0.005')), 'start_on_minimizers', '|∏w₀ − y| < 0.005: the start is (nearly) a minimizer');
  const kappa = F.mul(eta, gfsSharpness(F, theta, y));
  ctx.assume(F.lt(F.int(2), kappa) && !F.lt(F.from('2.8'), kappa), 'kappa_out_of_range', `η·φ(w₀) = ${F.toString(kappa)} is not in (2, 2.8]`);
  const tolR = F.from('1e-8');
  let w = theta;
  const run = gdStepper(model, eta, w);
  let signChange = -1;
  const { t, settled, taken } = runUntilSettled(run, inst.steps, (x, s) => {
    w = x;
    // A weight through zero is reported, not set aside: the claim is about where GD goes from these starts.
    if (signChange < 0 && !w.every((v) => F.sign(v) > 0)) signChange = s;
    return F.lt(F.abs(F.sub(prod(F, w), y)), tolR);
  });
  const details = { kappa: F.toString(kappa), stability: F.toString(stab), steps: taken, signChange };
  if (!settled) {
    return unsettled(ctx, 'violated', run.diverged, {
      bound: 2,
      step: t,
      details,
      message: `η·φ(w₀) = ${F.toNumber(kappa).toFixed(4)}: GD ${run.diverged ? `diverged at step ${taken}` : `did not reach |∏w − y| < 1e-8 in ${inst.steps} steps`}`,
    });
  }
  const etaS = F.mul(eta, sharpness(F, model, w));
  const o = F.toNumber(etaS);
  const floor = F.sub(F.int(2), F.from(EDGE_GAP));
  const bound = F.toNumber(floor);
  const head = `η·φ(w₀) = ${F.toNumber(kappa).toFixed(4)}: converged in ${taken} steps${signChange >= 0 ? ` (a weight changed sign at step ${signChange})` : ''} with η·S∞ = ${o.toFixed(6)}`;
  // Above the edge the point is not a limit (the residual grows by |1 − ηS| per step): a run that only passed near it.
  if (F.lt(F.add(F.int(2), F.from(ctx.tol.rel)), etaS)) {
    return ctx.violated({ code: 'above_edge', observed: o, bound: 2, margin: 2 - o, step: t, details, message: `${head} > 2: not a stable limit` });
  }
  if (F.lt(etaS, floor)) {
    return ctx.violated({ code: 'far_below_edge', observed: o, bound, margin: o - bound, step: t, details, message: `${head} < 2 − ${EDGE_GAP}` });
  }
  return ctx.holds({ code: 'near_edge', observed: o, bound, margin: o - bound, step: t, details, message: `${head} ∈ [2 − ${EDGE_GAP}, 2]` });
}

/** The control's two halves: no stable minimizer (GD cannot converge), and a start below the edge (GD converges far below it). */
const noStableMinimizer = fc.record({ d: fc.integer({ min: 2, max: 3 }), s: decimalText(2.1, 3, 2), w: decimalText(0.8, 1.2, 2) }).map(
  (g): DeepScalarInstance => ({
    model: 'deep-scalar',
    params: { target: '1' },
    theta: [g.w, ...Array.from({ length: g.d - 1 }, () => '1')],
    lr: new D60(g.s).div(g.d).toSignificantDigits(15).toFixed(),
    steps: 100,
  }),
);

export const kreislerConvergesToEos: Claim<DeepScalarInstance> = defineClaim<DeepScalarInstance>({
  id: 'kreisler.converges-to-eos',
  notCertifiable: MARGIN_IN_DOUBLES,
  title: 'Deep scalar net: started sharper than 2/η (η·φ(w₀) ∈ (2, 2.8]), GD converges, and to within 10% of the edge (η·S∞ ∈ [1.8, 2])',
  citation: {
    paper: KNSC,
    where:
      'abstract: "we characterize settings where GD provably converges to the EoS in scalar networks"; the conditions and the distance to the edge are not verified (docs/claims/kreisler.md)',
    recalled: true,
  },
  statement:
    'For ½(∏ᵢwᵢ − y)² with y = 1, D ∈ {2..4}, positive initial weights, η·φ(w₀) ∈ (2, 2.8] and η·D·|y|^{2−2/D} < 2 (a stable minimizer exists), ' +
    'GD converges (|∏w − y| < 1e-8 for 3 steps within 20 000 steps) to a minimizer with η·S∞ ≥ 1.8. Neither convergence nor the distance to the edge is ' +
    'assumed: a run that diverges, keeps oscillating, or lands more than 10% below the edge counts against the claim. Statistical: at least 60% of instances.',
  kind: 'statistical',
  minHoldFraction: 0.6,
  hypotheses: [
    'y = 1, w₁ ∈ [1.5, 2.5], other wᵢ ∈ [0.4, 1], D ∈ {2..4}',
    'η·φ(w₀) ∈ (2, 2.8]',
    'η·D·|y|^{2−2/D} < 2',
    '|∏w₀ − y| ≥ 0.005 (a start on the minimizers is an unstable fixed point that only looks converged)',
  ],
  arbitrary: gfsInstances({ kappa: [2.001, 2.8], w: [0.4, 1], first: [1.5, 2.5], dims: [2, 4], steps: 20000, stable: true }),
  check: checkConvergesToEos,
  negativeControl: {
    description:
      'no stable minimizer, η·D·|y|^{2−2/D} ∈ [2.1, 3] (D = 2, 3), where GD cannot converge; and starts below the edge, η·φ(w₀) ∈ [0.5, 1.5], where GD converges near φ(w₀), far below 2/η',
    arbitrary: fc.oneof(noStableMinimizer, gfsInstances({ kappa: [0.5, 1.5], w: [0.4, 1], first: [1.5, 2.5], dims: [2, 4], steps: 8000 })),
  },
  tolerance: { rel: 1e-6 },
  // f64 only: each instance is one run whose failure is expected for the statistic; a decimal re-run of up to 20 000 steps would only cost time.
  ladder: ['f64'],
  rationale:
    'Measured over 600 instances (seeds 7 and 8, 594 exercised): every run converged, none diverged; 479 (80.6%) landed within 10% of the edge. By depth: ' +
    'D = 2 63 of 177 (median 2 − η·S∞ = 0.31: at D = 2, which is uv, GD balances on its way and lands further below the edge), D = 3 247 of 248 (median 0.017), ' +
    'D = 4 169 of 169 (median 0.004). At D = 4 the last phase contracts by |1 − η·S∞| ≈ 0.999 per step: runs landing at η·S∞ = 1.9990 need about 17 000 ' +
    'steps, hence the budget of 20 000 (with 8000, 48 of 169 D = 4 runs were still converging). Weights that change sign are reported and kept (79 of 594 runs, ' +
    '64 of them at D = 2). Pinned seed 1: 73 of 100 (Wilson lower end 0.64), so 0.6. The slack 1e-6 is truncation only: the run stops at |r| < 1e-8, ' +
    'where S differs from its limit by O(1e-8·S).',
});
