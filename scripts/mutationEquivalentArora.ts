import type { EquivalentMutant } from './mutationEquivalent.js';

/**
 * Equivalent mutants of the Arora–Li–Panigrahi claim files (src/claims/arora/), with the reason none of them can change a verdict.
 */

const RUNS = 'src/claims/arora/manifoldRuns.ts';
const SHARPNESS = 'src/claims/arora/codimTwoSharpness.ts';
const FLOW = 'src/claims/arora/codimTwoFlow.ts';
const LIMITING = 'src/claims/arora/limitingFlow.ts';
const ARB = 'src/claims/arora/codimTwoArb.ts';
const ARORA = 'src/claims/arora/arora.ts';
const LADDER = 'src/claims/arora/codimTwoLadder.ts';
const TOY = 'src/claims/arora/manifoldToy.ts';

const NAME_ONLY =
  "only the rule's name (NGD, √L-GD, GD) in the text of messages, statements and hypotheses; the verdicts, codes, steps, observed, bound, margin and details do not read it";

const manifoldRuns: readonly EquivalentMutant[] = [
  {
    file: RUNS,
    line: 81,
    replacement: "run.state.fixedPoint && ''",
    why: "only the wording of a stopped run's message (which fixed point it stopped at); the verdict, its code, step and numbers do not read it",
  },
  ...['() => undefined', 'true', 'false', "r !== 'ngd'", "r !== 'sqrt-gd'"].map((replacement) => ({ file: RUNS, line: 89, replacement, why: NAME_ONLY })),
];

const codimTwoSharpness: readonly EquivalentMutant[] = [
  {
    file: SHARPNESS,
    line: 35,
    replacement: 's.shape.lrs.length + 1',
    why: 'the smallest η is only printed in the statement and the rationale (text); the check reads the ladder from the instance',
  },
  {
    file: SHARPNESS,
    line: 85,
    replacement: 'j >= 0',
    why: 'the first non-decreasing sample is searched among i > 0 only, so j is −1 (none) or ≥ 1 and never 0: `j >= 0` and `j > 0` agree',
  },
  {
    file: SHARPNESS,
    line: 88,
    replacement: 'j + 1',
    why: "only the violation's message (the sample before the rise, printed with its index); the observed rise, margin and details compute it themselves",
  },
  {
    file: SHARPNESS,
    line: 103,
    replacement: '() => undefined',
    why: "only the note in the verdict's message (λ₁ along the flow, which the details carry as numbers); the verdict, code, observed, bound, margin and details do not read it",
  },
];

const codimTwoFlow: readonly EquivalentMutant[] = [
  {
    file: FLOW,
    line: 32,
    replacement: 's.shape.lrs.length + 1',
    why: 'the smallest η is only printed in the statement (text); the check reads the ladder from the instance',
  },
  ...['true', 'false', "s.start !== 'ngd-cycle'"].map((replacement) => ({
    file: FLOW,
    line: 46,
    replacement,
    why: 'only the wording of the statement (where the rungs start); the runs start where the setup says (codimTwoLadder.ts), whatever the text',
  })),
  {
    file: FLOW,
    line: 53,
    replacement: 'true',
    why:
      'the λ₁ samples at t_j < T only add projections of iterates the run passes anyway: the steps, Φ(x_⌈T/η²⌉) and the distance judged are the same, only the work grows ' +
      '(short of gradient flow failing to reach Γ from an intermediate iterate, O(η) off it, within 3000 unit times, while it reaches it from the last)',
  },
  {
    file: FLOW,
    line: 62,
    replacement: '() => undefined',
    why: "only the note in the verdict's message (λ₁ along the flow, which the details carry as numbers); the verdict, code, observed, bound, margin and details do not read it",
  },
];

const limitingFlow: readonly EquivalentMutant[] = [
  {
    file: LIMITING,
    line: 58,
    replacement: 'g',
    why: 'P_T∇λ₁ starts from ∇λ₁ and is only ever replaced by new arrays (map), never written in place: the copy and ∇λ₁ itself read the same',
  },
  ...['true', 'values.length >= 1'].map((replacement) => ({
    file: LIMITING,
    line: 66,
    replacement,
    why: 'λ₂ of a model with one parameter: the models of the codimension ≥ 2 claims have 4 to 8 parameters, so the Hessian always has a second eigenvalue',
  })),
];

const codimTwoArb: readonly EquivalentMutant[] = [
  ...['true', 'i <= d'].map((replacement) => ({
    file: ARB,
    line: 63,
    replacement,
    why: 'the identity is added where i === j, and j < d (a row has d entries): i < d holds there already, so the design matrices are the same',
  })),
  ...['() => undefined', 'true', 'false', "r !== 'ngd'", "r !== 'sqrt-gd'"].map((replacement) => ({ file: ARB, line: 137, replacement, why: NAME_ONLY })),
];

const arora: readonly EquivalentMutant[] = [
  ...['i <= 200', 'i--'].map((replacement) => ({
    file: ARORA,
    line: 51,
    replacement,
    why: 'only the cap of 200 Newton steps: from w₀ below the root the iterates rise monotonically (w + ln w is increasing and concave), growing by a factor ≈ 1 + |ln w| while small and then converging quadratically, so the loop returns within a few dozen steps and never meets the cap',
  })),
  {
    file: ARORA,
    line: 130,
    replacement: 'k - 1',
    why: "only the step printed in the message of a run that became non-finite; the outcome's step is k itself",
  },
  {
    file: ARORA,
    line: 155,
    replacement: 'bound - observed <= worst.margin',
    why: 'on a tie of the error the holds evidence names the later of two equally bad steps; the error it reports, the verdict and the margin (from `least`) are the same',
  },
  {
    file: ARORA,
    line: 165,
    replacement: 'true',
    why: 'steps ≥ 1 and the first step is always checked (a rule only stops on a minimizer, and starts on one are guarded by at_minimizer), so `least` is always defined',
  },
  ...['true', 'false', "instance.rate !== 'sqrt-gd'"].map((replacement) => ({
    file: ARORA,
    line: 166,
    replacement,
    why: 'only the rate printed in the holds message (η²/2 or η²/λ); the verdict, code, numbers and details do not read it',
  })),
];

const codimTwoLadder: readonly EquivalentMutant[] = [
  {
    file: LADDER,
    line: 62,
    replacement: 'fl.minGap > 0.05',
    why: 'differs only when the least relative eigengap along the flow, a double computed from two eigenvalues, is exactly 0.05',
  },
  {
    file: LADDER,
    line: 67,
    replacement: '["Stryker was here"]',
    why: 'u₁ is read only for rungs started on the two-cycle (`cycle`); from x_init the empty placeholder is never read',
  },
  {
    file: LADDER,
    line: 85,
    replacement: 'st.fixedPoint && run.divergence',
    why: "only the wording of a stopped run's message (why it stopped); the outcome, its code and step do not read it",
  },
  {
    file: LADDER,
    line: 89,
    replacement: 'false',
    why: 'from x_init the first sample is x_init itself, and Φ of it is recomputed by the same deterministic gradient flow that gave X(0) = Φ(x_init): the same point',
  },
  {
    file: LADDER,
    line: 94,
    replacement: 'true',
    why: 'the distance is overwritten at every sample and the last write is the one at j = SAMPLES, the same as when it is written there only',
  },
  {
    file: LADDER,
    line: 138,
    replacement: '[]',
    why: 'only the hypotheses listed by `eoscheck list` (text); the checks assume each of them themselves',
  },
  {
    file: LADDER,
    line: 146,
    replacement: '{}',
    why: 'a tolerance {} resolves like { rel: 0 }: rel 0, abs 0 and no ulps at every precision (harness/checkContext.ts), and the checks read none of them',
  },
];

const manifoldToy: readonly EquivalentMutant[] = [
  {
    file: TOY,
    line: 66,
    replacement: 'step - 1',
    why: "only the steps printed in the violation's message; the outcome's step is `step` itself",
  },
  {
    file: TOY,
    line: 71,
    replacement: 'band - observed <= worst.margin',
    why: 'on a tie of the deviation the holds evidence names the later of two equally bad steps; the deviation it reports, the verdict and the margin (from `least`) are the same',
  },
  {
    file: TOY,
    line: 79,
    replacement: 'true',
    why: 'the window has 40 steps, each adding its margin to `least`, so `least` is always defined',
  },
  {
    file: TOY,
    line: 135,
    replacement: 'F.sign(z1) <= 0',
    why: 'differs only at z₁ = 0, where −z and z are the same zero: z(T₁) = z₀·Π(1 − s_t x_t²) with z₀ ≠ 0 (guarded) and every factor positive',
  },
  {
    file: TOY,
    line: 162,
    replacement: 'F.sign(s.theta[1]) <= 0',
    why: 'differs only at z = 0, where −z* and z* are the same zero; z stays away from 0 on the runs (z₀ ≠ 0, each step multiplies it by a positive 1 − s_t x_t²)',
  },
  {
    file: TOY,
    line: 164,
    replacement: 'FLOW_C * etaNum - ctx.tol.rel',
    why: 'ctx.tol.rel is 0 at every precision (tolerance { rel: 0 }, no ulps), so adding or subtracting it is the same',
  },
  ...['true', 'false', "instance.flowStart !== 'z0'"].map((replacement) => ({
    file: TOY,
    line: 169,
    replacement,
    why: 'only where the message says the flow started (text); the prediction reads instance.flowStart itself',
  })),
  {
    file: TOY,
    line: 170,
    replacement: 'observed < bound',
    why: 'differs only when the relative error, a double, equals 0.1·η exactly',
  },
  ...[113, 218].map((line) => ({
    file: TOY,
    line,
    replacement: '{}',
    why: 'the checks read statistic === "pointwise" and flowStart === "z0": without the field an instance reads as the harmonic statistic and the flow from z(T₁), what these fields state',
  })),
  {
    file: TOY,
    line: 225,
    replacement: '{}',
    why: 'a tolerance {} resolves like { rel: 0 }: rel 0, abs 0 and no ulps at every precision (harness/checkContext.ts)',
  },
];

export const ARORA_EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [
  ...manifoldRuns,
  ...codimTwoSharpness,
  ...codimTwoFlow,
  ...limitingFlow,
  ...codimTwoArb,
  ...arora,
  ...codimTwoLadder,
  ...manifoldToy,
];
