import type { EquivalentMutant } from './mutationEquivalent.js';

/**
 * Equivalent mutants of the Arora–Li–Panigrahi claim files (src/claims/arora/), with the reason none of them can change a verdict.
 */

const RUNS = 'src/claims/arora/manifoldRuns.ts';
const SHARPNESS = 'src/claims/arora/codimTwoSharpness.ts';
const FLOW = 'src/claims/arora/codimTwoFlow.ts';
const LIMITING = 'src/claims/arora/limitingFlow.ts';

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

export const ARORA_EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [...manifoldRuns, ...codimTwoSharpness, ...codimTwoFlow, ...limitingFlow];
