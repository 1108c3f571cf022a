import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { NOT_CERTIFIABLE, UsageError } from '../../errors.js';
import { DECIMAL_LITERAL } from '../../numerics/decimalField.js';
import { initMlpF64 } from '../../tfjs/mlpF64.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { DNL } from '../papers.js';
import {
  ALPHA_FLOOR,
  KAPPA_BAND,
  MLP_EDGE_MAX_CROSSING,
  MLP_EDGE_STEPS,
  mlpEdgeNet,
  mlpEdgeSpec,
  runMlpEdge,
  type MlpEdgeInstance,
  type MlpEdgeRun,
  type MlpEdgeSize,
} from './mlpEdgeRun.js';
import { topPairs } from '../../dynamics/taylorCenter.js';

/**
 * The level, in the unit of each prediction's effect: the time-averaged loss error at most half of
 * δ²/η (the oscillation's predicted contribution ⟨x²⟩/η → δ²/η), the time-averaged sharpness error at
 * most half of √(2α) = √β·δ (the size of y = ∇S⊥·v). Stated before measuring, not fitted: the theorem
 * puts the error at O(ε) in these units with ε ≪ 1; a prediction off by half its own effect no longer
 * tracks it (the control without the cubic terms misses the whole loss effect, about 1 unit).
 */
export const MLP_LEVEL = 0.5;

/** The control's κ₀ band: the upper part of the claim's, where GD reaches the edge early, so a control instance has a window to judge. */
const CONTROL_KAPPA: readonly [number, number] = [0.55, 0.7];

const CONTROL_DESCRIPTION =
  'θ† + v with v driven without its cubic terms x²∇S⊥/2 + u·x·y (no self-stabilization): it misses the oscillation’s loss x²/η ' +
  '(κ₀ ∈ [0.55, 0.7], where GD reaches the edge early, so a control instance has a window to judge)';

const F64_ONLY = 'the float64 network runs are checked in f64 only; not certifiable';

/** η = 2κ₀/S₀ as decimal text with four significant digits. */
function lrText(x: number): string {
  const s = Number(x.toPrecision(4)).toString();
  return /e/i.test(s) ? x.toFixed(12).replace(/0+$/, '') : s;
}

/**
 * Instances of one size: seeds and κ₀ drawn (two decimals in `kappa`, by default the claim's band), η written from
 * S₀ = λ_max(∇²L(θ₀)) (one Lanczos run).
 */
export function mlpEdgeInstances(size: MlpEdgeSize, variant?: 'no-cubic', kappa: readonly [number, number] = KAPPA_BAND): fc.Arbitrary<MlpEdgeInstance> {
  return fc
    .record({ seed: fc.integer({ min: 1, max: 1_000_000 }), dataSeed: fc.integer({ min: 1, max: 1_000_000 }), kappa: decimalText(kappa[0], kappa[1], 2) })
    .map((g): MlpEdgeInstance => mlpEdgeInstance(size, g.seed, g.dataSeed, g.kappa, variant));
}

/** One instance (the tests and the docs' measurements build them directly). */
export function mlpEdgeInstance(size: MlpEdgeSize, seed: number, dataSeed: number, kappa: string, variant?: 'no-cubic'): MlpEdgeInstance {
  const s0 = topPairs(mlpEdgeNet(size, dataSeed), initMlpF64(mlpEdgeSpec(size), seed), undefined, () => {}).values[0];
  return {
    model: 'mlp-f64',
    size,
    seed,
    dataSeed,
    lr: lrText((2 * Number(kappa)) / s0),
    kappa0: kappa,
    ...(variant !== undefined ? { variant } : {}),
  };
}

const fmt = (x: number, d = 3) => x.toPrecision(d);

/** The two errors the claim decides on, in units of the effects, and the plain relative errors reported beside them. */
export function mlpErrors(run: MlpEdgeRun, noCubic: boolean) {
  const LPred = noCubic ? run.meanLLin : run.meanLPred;
  const SPred = noCubic ? run.meanSLin : run.meanSPred;
  return {
    loss: Math.abs(run.meanL - LPred) / (run.meanDelta2 / run.eta),
    sharpness: Math.abs(run.meanS - SPred) / run.meanRoot2Alpha,
    relLoss: Math.abs(run.meanL - LPred) / run.meanL,
    relSharpness: Math.abs(run.meanS - SPred) / run.meanS,
  };
}

const isSeed = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 2 ** 32 - 1;

/** A malformed instance (a fixture's or a user's) is bad usage, not a verdict; each claim judges its own network only. */
function validate(inst: MlpEdgeInstance, id: string, size: MlpEdgeSize): void {
  const bad = (what: string): never => {
    throw new UsageError(`${what} (instance of ${id})`, 'instance');
  };
  if (inst.size !== size) bad(`"size" must be "${size}"`);
  if (!isSeed(inst.seed) || !isSeed(inst.dataSeed)) bad('"seed" and "dataSeed" must be integers in [0, 2³² − 1]');
  if (typeof inst.lr !== 'string' || !DECIMAL_LITERAL.test(inst.lr) || !(Number(inst.lr) > 0 && Number.isFinite(Number(inst.lr))))
    bad('"lr" must be a positive decimal');
  if (inst.variant !== undefined && inst.variant !== 'no-cubic') bad('"variant" must be "no-cubic" or absent');
}

/** The check of the claim `id` on the network `size` (the claims differ only in their network). */
const checkOn =
  (id: string, size: MlpEdgeSize) =>
  <T>(inst: MlpEdgeInstance, ctx: CheckContext<T>): Outcome => {
    validate(inst, id, size);
    return check(inst, ctx);
  };

function check<T>(inst: MlpEdgeInstance, ctx: CheckContext<T>): Outcome {
  // Thousands of float64 network evaluations: an interval re-run would not end, so only f64 decides and
  // a failure stays inconclusive (not certifiable), thrown so that a control cannot run past it.
  if (ctx.precision.kind === 'interval') throw new UsageError(F64_ONLY, 'precision', NOT_CERTIFIABLE);
  if (ctx.precision.kind !== 'f64') throw new UsageError(`${F64_ONLY}: replay it at f64`, 'precision');
  const noCubic = inst.variant === 'no-cubic';
  ctx.assume(inst.variant === undefined || (noCubic && ctx.mode === 'control'), 'control_variant', 'a control variant is not an instance of the claim');
  const run = runMlpEdge(inst, () => ctx.count());
  if (run.stop?.kind === 'diverged') {
    return ctx.diverged({ code: run.stop.code, message: run.stop.message, observed: Number.NaN, bound: 0, margin: Number.NaN, step: run.stop.step });
  }
  if (run.stop !== undefined) ctx.assume(false, run.stop.code, run.stop.message);
  if (run.steps === 0) {
    // Only a control reaches here (an assumption stops a claim): nothing was followed, nothing to judge.
    return ctx.uncertain({
      code: run.stop?.code ?? 'no_window',
      message: 'no step after the crossing',
      observed: Number.NaN,
      bound: MLP_LEVEL,
      margin: Number.NaN,
    });
  }
  const e = mlpErrors(run, noCubic);
  const details = {
    size: inst.size,
    eta: inst.lr,
    kappa0: fmt(run.kappa0, 4),
    crossing: run.crossing,
    steps: run.steps,
    eps: fmt(run.eps),
    lossError: fmt(e.loss),
    sharpnessError: fmt(e.sharpness),
    relativeLossError: fmt(e.relLoss),
    relativeSharpnessError: fmt(e.relSharpness),
    pointwiseRelativeLossError: fmt(run.pointwiseL),
    pointwiseRelativeSharpnessError: fmt(run.pointwiseS),
    meanLoss: fmt(run.meanL, 4),
    meanLossDagger: fmt(run.meanLDagger, 4),
    deltaSquaredOverEta: fmt(run.meanDelta2 / run.eta),
    alphaMinOverAlpha0: fmt(run.alphaMin),
    etaLambda2Over2Max: fmt(run.lambda2Max),
    etaGapMin: fmt(run.gapMin),
    maxXOverDelta: fmt(run.xMax),
  };
  const what = noCubic ? 'without the cubic terms' : 'θ† + v⋆';
  const where = `${inst.size}, η = ${inst.lr}, ${run.steps} steps after the crossing at step ${run.crossing}, ε = ${fmt(run.eps)}`;
  const margin = Math.min(MLP_LEVEL - e.loss, MLP_LEVEL - e.sharpness);
  if (!(e.loss <= MLP_LEVEL)) {
    return ctx.violated({
      code: 'loss_prediction_off',
      message: `${where}: ⟨L(θ)⟩ and ⟨L(${what})⟩ differ by ${fmt(e.loss)}·δ²/η (> ${MLP_LEVEL}; relative ${fmt(e.relLoss)})`,
      observed: e.loss,
      bound: MLP_LEVEL,
      margin,
      details,
    });
  }
  if (!(e.sharpness <= MLP_LEVEL)) {
    return ctx.violated({
      code: 'sharpness_prediction_off',
      message: `${where}: ⟨S(θ)⟩ and ⟨S(${what})⟩ differ by ${fmt(e.sharpness)}·√(2α) (> ${MLP_LEVEL}; relative ${fmt(e.relSharpness)})`,
      observed: e.sharpness,
      bound: MLP_LEVEL,
      margin,
      details,
    });
  }
  return ctx.holds({
    code: 'predictions_track',
    message: `${where}: loss off by ${fmt(e.loss)}·δ²/η (relative ${fmt(e.relLoss)}), sharpness by ${fmt(e.sharpness)}·√(2α) (relative ${fmt(e.relSharpness)})`,
    observed: Math.max(e.loss, e.sharpness),
    bound: MLP_LEVEL,
    margin,
    details,
  });
}

const HYPOTHESES = [
  'tanh network, W ~ N(0, 1/fan_in), biases 0, MSE; κ₀ = η·S₀/2 ∈ [0.4, 0.7] (else inconclusive: kappa0_out_of_range)',
  `S(θ) reaches 2/η within ${MLP_EDGE_MAX_CROSSING} GD steps (else inconclusive: no_crossing)`,
  'α = −∇L·∇S⊥ > 0 and β = ‖∇S⊥‖² > 0 at every θ†_t (else inconclusive: alpha_positive)',
  `α_t ≥ ${ALPHA_FLOOR}·α₀ over the window, α₀ at the crossing: α (hence ε and δ) slowly varying, as the analysis takes it (else inconclusive: alpha_decayed)`,
  'λ₂ < 1.9/η and λ₁ − λ₂ ≥ 0.1/η at θ†_t, checked every 50 steps as taylor.py does (else inconclusive: second_eigenvalue, eigengap)',
  'f64 arithmetic (other precisions: not certifiable)',
];

const STATEMENT_TAIL =
  `: full-batch GD (float64) from θ₀ to the first step with S(θ) ≥ 2/η, then GD, θ† (projected GD onto the stable set) and θ† + v⋆ (the predicted ` +
  `dynamics) side by side for ${MLP_EDGE_STEPS} steps. The window means agree: |⟨L(θ_t)⟩ − ⟨L(θ†_t + v⋆_t)⟩| ≤ ${MLP_LEVEL}·⟨δ_t²⟩/η and ` +
  `|⟨S(θ_t)⟩ − ⟨S(θ†_t + v⋆_t)⟩| ≤ ${MLP_LEVEL}·⟨√(2α_t)⟩ (S every 5 steps) — on most seeds (statistical).`;

const RATIONALE_COMMON =
  `Level ${MLP_LEVEL} of each prediction's own effect (δ²/η for the loss, √(2α) for the sharpness), stated, not fitted: the theorem's error is O(ε) ` +
  'in these units (ε = η√α, 0.02–0.08 here); half the effect is where a prediction stops tracking it. Window means, not the maximum: the ' +
  'predicted orbit drifts in phase from GD over many slow cycles (pointwise relative loss errors of 0.2 or more where the two spikes do not ' +
  'coincide), while the time averages are phase-robust, as for damian.time-averaged-loss (docs/claims/damian.md). f64 only.';

const DIGITS_NOTE =
  ' MEASURED (harness seed 1, 24 runs): 13 exercised, 11 hold (95% interval [0.58, 0.96]); loss errors 0.005–0.26 δ²/η (relative ' +
  '5e-4 to 0.027), sharpness errors 0.07–0.65 √(2α) (relative 0.0016 to 0.015); the 2 failures are sharpness errors of 0.54 and 0.65. ' +
  '11 inconclusive (10 second_eigenvalue, 1 no_crossing). The control: 12 of 12 flagged (--controls --runs 12), 10 with loss errors ' +
  '0.87–1.20 δ²/η. 2–4 s an instance, so 4 runs by default (the fewest with which the control can fail the statistic): ' +
  'the default run is inconclusive by its interval; `--runs 24` decides. The 8-16-1 random-label size is never in the hypotheses for 1000 steps (α falls below α₀/10 within 68–467 ' +
  'steps on 19 of 24 draws); at n = 100 it is damian.mlp-8-16-1.predictions-track.';

const SYNTHETIC_NOTE =
  ' MEASURED (harness seed 1, 72 runs): 9 exercised, 8 hold (95% interval [0.57, 0.98]); loss errors 0.022–0.088 δ²/η (relative ' +
  '0.0073 to 0.042), sharpness errors 0.24–0.54 √(2α) (relative 0.0084 to 0.014); the failure is a sharpness error of 0.54. ' +
  '63 inconclusive (53 second_eigenvalue, 42 of them within 100 steps of the crossing; 9 alpha_decayed after 489–935 steps; 1 no_crossing): ' +
  'the λ₂ of this network passes 1.9/η on most draws, so it takes 72 runs for 9 to be exercised, about 3.5 minutes here; fewer runs leave ' +
  'it inconclusive by its interval (24 runs: 3 of 4 held, [0.30, 0.95]). At n = 30 it is never in the hypotheses for 1000 steps (docs/claims/damian.md).';

const COMMON = {
  kind: 'statistical' as const,
  notCertifiable: F64_ONLY,
  hypotheses: HYPOTHESES,
  tolerance: { rel: 0 },
  ladder: ['f64'],
  budget: 400_000,
};

export const mlpPredictionsTrack: Claim<MlpEdgeInstance> = defineClaim<MlpEdgeInstance>({
  ...COMMON,
  id: 'damian.mlp.predictions-track',
  check: checkOn('damian.mlp.predictions-track', 'digits'),
  title: 'On a float64 16-8-3 MLP on digits at the edge, GD’s loss and sharpness match those of θ† + v⋆ over 1000 steps (window means)',
  citation: {
    paper: DNL,
    where:
      'the abstract ("precise predictions for the loss, sharpness, and deviation from the PGD trajectory throughout training, which we verify both empirically in a number of standard settings"); ' +
      "taylor.py's track_dynamics compares L and S_exact at GD and at θ† + v⋆; its tolerance is not stated [R]",
    recalled: true,
  },
  statement: 'The 16-8-3 tanh MLP on MNIST digits 0–2 pooled to 4×4 (n = 30, one-hot targets, MSE)' + STATEMENT_TAIL,
  arbitrary: mlpEdgeInstances('digits'),
  negativeControl: {
    description: CONTROL_DESCRIPTION,
    arbitrary: mlpEdgeInstances('digits', 'no-cubic', CONTROL_KAPPA),
  },
  minHoldFraction: 0.5,
  // 24 instances decide the statistic (its 95% interval clears 0.5 at 11 of 13 exercised); at 2–4 s an
  // instance that is about a minute, so the claim runs when named, not in the default catalog.
  runs: 24,
  optIn: 'about a minute at the 24 runs that decide it (2–4 s an instance: 1000 steps of the float64 network with Lanczos eigenpairs at every step)',
  rationale: RATIONALE_COMMON + DIGITS_NOTE,
});

const SYNTHETIC_ID = 'damian.mlp-8-16-1.predictions-track';

export const mlp8161PredictionsTrack: Claim<MlpEdgeInstance> = defineClaim<MlpEdgeInstance>({
  ...COMMON,
  id: SYNTHETIC_ID,
  check: checkOn(SYNTHETIC_ID, 'synthetic-100'),
  title: 'On a float64 8-16-1 MLP on random labels at the edge, GD’s loss and sharpness match those of θ† + v⋆ over 1000 steps (window means)',
  citation: mlpPredictionsTrack.citation,
  statement: 'The 8-16-1 tanh MLP on 100 standard Gaussian inputs in ℝ⁸ with N(0, 1) labels (MSE)' + STATEMENT_TAIL,
  arbitrary: mlpEdgeInstances('synthetic-100'),
  negativeControl: {
    description: CONTROL_DESCRIPTION,
    arbitrary: mlpEdgeInstances('synthetic-100', 'no-cubic', CONTROL_KAPPA),
  },
  minHoldFraction: 0.5,
  // 72 instances decide the statistic (8 of 9 exercised hold, interval [0.57, 0.98]): most draws leave the
  // hypotheses at the first λ₂ check, so the runs are many and the claim runs when named.
  runs: 72,
  optIn:
    'about 3.5 minutes at the 72 runs that decide it (9 exercised: λ₂ passes 1.9/η on most draws; a full window is 1000 steps of the float64 network on 100 samples with Lanczos eigenpairs at every step)',
  rationale: RATIONALE_COMMON + SYNTHETIC_NOTE,
});
