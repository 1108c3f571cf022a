import type { EquivalentMutant } from './mutationEquivalent.js';

/** Equivalent mutants of the Even et al., Agarwala et al. and Cohen et al. claim files, with the reason each cannot change a verdict. */
export const OTHERS2_EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [
  {
    file: 'src/claims/even/evenBias.ts',
    line: 47,
    replacement: 'new Array()',
    why: 'the back substitution assigns every z[i], i = n − 1 … 0, before returning, so a presized array and an empty one end with the same n entries',
  },
];
