/**
 * Mutants that cannot change any verdict, with the reason: `npm run mutation` sets them aside from
 * the score and lists them in docs/mutation.md. `line` and `replacement` identify the mutant as
 * Stryker reports it (1-based line, the replacement source text).
 */
export interface EquivalentMutant {
  readonly file: string;
  readonly line: number;
  readonly replacement: string;
  readonly why: string;
}

export const EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [];
