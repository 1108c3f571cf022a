import type { EquivalentMutant } from './mutationEquivalent.js';

/**
 * Equivalent mutants of the Arora–Li–Panigrahi claim files (src/claims/arora/), with the reason none of them can change a verdict.
 */

const RUNS = 'src/claims/arora/manifoldRuns.ts';

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

export const ARORA_EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [...manifoldRuns];
