import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import type { CheckContext, Claim, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { EPGF } from '../papers.js';
import { unmet } from './evenBias.js';
import { type DlnProblem, EDGE_SLACK, SINGLE_STEPS, problems, runProblem } from './largeStepsHurt.js';

/* ------------------------------------------------------------------------------------------------ */
/* even.dln.eos-final-sharpness                                                                     */
/* ------------------------------------------------------------------------------------------------ */

/** One sparse-recovery problem run at γ = κ/S_GF. */
export interface DlnEosInstance extends Instance {
  readonly model: 'diagonal-linear';
  readonly problem: DlnProblem;
  readonly init: string;
  /** γ·S_GF. */
  readonly kappa: string;
}

/** The band of γ·S_∞ claimed past the edge: docs/claims/even.md's [1.97, 2.0]. */
const BAND_LO = 1.97;

function singleInstances(kappa: readonly [number, number]): fc.Arbitrary<DlnEosInstance> {
  return fc
    .record({ problem: problems(1).map((ps) => ps[0]), init: decimalText(0.1, 0.2, 2), kappa: decimalText(kappa[0], kappa[1], 3) })
    .map((g): DlnEosInstance => ({ model: 'diagonal-linear', ...g }));
}

function checkFinalSharpness<T>(inst: DlnEosInstance, ctx: CheckContext<T>): Outcome {
  ctx.assume(Number(inst.kappa) > 2, 'below_edge', `γ·S_GF = ${inst.kappa} ≤ 2: the gradient-flow solution is stable`);
  const r = runProblem(ctx, inst.problem, inst.init, [inst.kappa], SINGLE_STEPS);
  if (!r.ok && r.diverged === true) return ctx.diverged({ code: 'diverged', observed: Number.NaN, bound: 0, margin: Number.NaN, message: r.why });
  if (!r.ok) return unmet(ctx, 'not_converged', r.why);
  const run = r.runs[0];
  const o = run.gammaS;
  const { F } = ctx;
  const gs = run.gammaSField as T;
  const margin = ctx.margin(F.min(F.sub(gs, F.from(BAND_LO)), F.sub(F.from(2 + EDGE_SLACK), gs)));
  const details = { sGf: r.sGf, steps: run.steps, lossIncreases: run.increases, l1: run.l1, l1Gf: r.ref.l1 };
  const summary = `γ·S_GF = ${inst.kappa}: GD converged in ${run.steps} steps (${run.increases} loss increases) with γ·S_∞ = ${o.toFixed(5)}`;
  if (margin.margin < 0) {
    return ctx.violated({
      code: 'not_just_below_edge',
      observed: o,
      bound: BAND_LO,
      ...margin,
      step: run.steps,
      details,
      message: `${summary}, not in [${BAND_LO}, 2]`,
    });
  }
  return ctx.holds({ code: 'just_below_edge', observed: o, bound: BAND_LO, ...margin, step: run.steps, details, message: `${summary} ∈ [${BAND_LO}, 2]` });
}

export const evenEosFinalSharpness: Claim<DlnEosInstance> = defineClaim<DlnEosInstance>({
  id: 'even.dln.eos-final-sharpness',
  title: 'Diagonal linear network: from past the edge (γ·S_GF > 2), GD converges with γ·S_∞ just below 2 (in [1.97, 2])',
  citation: {
    paper: EPGF,
    where:
      'edge-of-stability regime of GD on diagonal linear networks; docs/claims/even.md ("in the EoS regime the final sharpness sits just below the edge") [E]',
    recalled: true,
  },
  statement:
    'On a sparse-recovery problem (y = Xβ*, β* 1-sparse, X 5×10) with u₀ = α·1, v₀ = 0, GD at γ = κ/S_GF with κ ∈ [2.05, 2.4] (S_GF from a stable reference run) ' +
    `oscillates (loss increases), self-stabilizes and converges to an interpolator whose sharpness satisfies γ·S_∞ ∈ [${BAND_LO}, 2] — on most instances (statistical: ` +
    'a catapult can land it flatter). A convex-in-β problem where the final sharpness sits at the edge, unlike uv (the square loss of wxzt.regularity.closer-to-edge).',
  kind: 'statistical',
  minHoldFraction: 0.8,
  hypotheses: [
    'X ∈ [−1, 1]^{5×10} (2 decimals); β* = ±[0.5, 1.5]·e_j; u₀ = α ∈ [0.1, 0.2], v₀ = 0',
    'γ·S_GF ∈ [2.05, 2.4] (> 2: the gradient-flow solution is too sharp for γ)',
    `the reference run (γ = 1/S*) is stable and GD at γ converges (L < 1e-14 for 5 steps) within ${SINGLE_STEPS} steps, not on a period-2 orbit`,
  ],
  arbitrary: singleInstances([2.05, 2.4]),
  check: checkFinalSharpness,
  negativeControl: {
    description:
      'the stable regime γ·S_GF ∈ [0.5, 1.5] (hypothesis waived): GD converges near the gradient-flow solution with γ·S_∞ ≈ γ·S_GF, far below the edge',
    arbitrary: singleInstances([0.5, 1.5]),
  },
  tolerance: { rel: 0 },
  // Past the edge GD is sensitive to rounding: a decimal re-run follows another trajectory, so it can neither confirm nor excuse an f64 outcome.
  ladder: ['f64'],
  rationale:
    'docs/claims/even.md [E] (n = 15, d = 30): γ·S_∞ = 1.979–1.999 for γ·S_GF ≈ 2.0–3.3. On this generator [E, this check, 800 instances, 4 seeds]: 613 of 650 converged runs ' +
    "(94%) in [1.97, 2]; median 1.992, 5th percentile 1.968, max 1.999; the rest landed flatter (down to 1.69), some after a catapult, a few without any loss increase (GD's own " +
    "bias took it to a flatter interpolator than GF's). About 19% of instances are inconclusive (period-2 orbits, not converged in 20 000 steps). γ·S_∞ ≤ 2 is part of " +
    `"converged": a run resting at γ·S > 2 + ${EDGE_SLACK} (once in 300) is passing an unstable interpolator, not at its limit, and counts as not converged. Statistical, 80% in the band.`,
});
