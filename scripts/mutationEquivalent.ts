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

export const EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 69,
    replacement: 'true',
    why: 'the ỹ bound per·t·(|a₀ + b·z| + 2/η + …) and the x bound per·t·(|x| + |x̂|) + u·1e-300 are > 0 at every step, so `bound > 0` is always true and its else-branch (`err > 0 ? Infinity : 0`) is unreachable',
  },
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 69,
    replacement: 'bound >= 0',
    why: 'the ỹ bound per·t·(|a₀ + b·z| + 2/η + …) and the x bound per·t·(|x| + |x̂|) + u·1e-300 are > 0 at every step, so `bound > 0` is always true and its else-branch (`err > 0 ? Infinity : 0`) is unreachable',
  },
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 69,
    replacement: 'false',
    why: 'the ỹ bound per·t·(|a₀ + b·z| + 2/η + …) and the x bound per·t·(|x| + |x̂|) + u·1e-300 are > 0 at every step, so `bound > 0` is always true and its else-branch (`err > 0 ? Infinity : 0`) is unreachable (this `false` is the NoCoverage one, in that branch)',
  },
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 69,
    replacement: 'err >= 0',
    why: 'the ỹ bound per·t·(|a₀ + b·z| + 2/η + …) and the x bound per·t·(|x| + |x̂|) + u·1e-300 are > 0 at every step, so `bound > 0` is always true and its else-branch (`err > 0 ? Infinity : 0`) is unreachable',
  },
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 69,
    replacement: 'err <= 0',
    why: 'the ỹ bound per·t·(|a₀ + b·z| + 2/η + …) and the x bound per·t·(|x| + |x̂|) + u·1e-300 are > 0 at every step, so `bound > 0` is always true and its else-branch (`err > 0 ? Infinity : 0`) is unreachable',
  },
];
