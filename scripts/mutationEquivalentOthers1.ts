import type { EquivalentMutant } from './mutationEquivalent.js';

/**
 * Equivalent mutants of the Zhu, Lewkowycz, Kreisler and Chen claims (src/claims/zhu, lewkowycz, kreisler, chen),
 * with the reason none of them can change a verdict.
 */

const LEWKOWYCZ = 'src/claims/lewkowycz/lewkowycz.ts';

/** λ⁺ − λ and (ηf²/m)(ηλ − 4) are one quantity of the computed iterate: the increment identity is exact for GD on uv. */
const EXACT_INCREMENT =
  'λ⁺ − λ equals (ηf²/m)(ηλ − 4) for every GD step of uv with y = 0 (exact identity); both are computed from the same iterate and differ by a few ulps of λ⁺ + λ at every ' +
  'precision, so no instance reaches the 4096-ulp increment_mismatch branch (the monotonicity branch after it decides every failure)';

export const OTHERS1_EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [
  { file: LEWKOWYCZ, line: 137, replacement: 'false', why: EXACT_INCREMENT },
  { file: LEWKOWYCZ, line: 137, replacement: '{}', why: EXACT_INCREMENT },
  {
    file: LEWKOWYCZ,
    line: 125,
    replacement: 't - 1',
    why: "only the step named in the divergence message; the verdict's step (the other t + 1 on the line), code and margin do not read it",
  },
  {
    file: 'src/claims/lewkowycz/catapultWindow.ts',
    line: 42,
    replacement: 'Math.abs(F.toNumber(fl(F, th, m).f)) >= 1e6',
    why: '> and >= differ only at |f| = 1e6 exactly in doubles, which no run meets: f is a sum of products over √m that, past the window, grows by a factor above 3 per step, jumping over any one value',
  },
];
